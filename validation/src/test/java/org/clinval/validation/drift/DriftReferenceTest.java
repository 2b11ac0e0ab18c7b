package org.clinval.validation.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.clinval.validation.testing.ReferenceTable;
import org.junit.jupiter.api.Test;

/**
 * Every drift measure against scipy 1.10.1 / numpy 1.24.2 (Python 3.11, Debian), values in {@code
 * reference/drift_reference.csv} written by {@code src/test/python/drift_reference.py}; samples
 * drawn by the same generator in both ({@link Lcg}). Calls:
 *
 * <ul>
 *   <li>{@code stats.ks_2samp(b, c)} (method 'auto'): exact for max(n) ≤ 10000, else {@code
 *       kstwo.sf(D, round(mn/(m+n)))} through each branch of {@code _kolmogn} (column ks_branch);
 *   <li>{@code stats.wasserstein_distance(b, c)};
 *   <li>PSI over {@code np.unique(np.quantile(b, np.arange(1, 10) / 10))}, bins by {@code
 *       np.searchsorted(edges, x, side='left')}, zero proportions → 1e-4;
 *   <li>{@code distance.jensenshannon(counts_b, counts_c, base=2) ** 2} over the same bins or the
 *       sorted union of categories;
 *   <li>{@code stats.chi2_contingency(table)} on the 2 × K table (Yates when dof = 1).
 * </ul>
 *
 * Agreement: 1e-9 absolute for p-values, 1e-9 relative for statistics.
 */
class DriftReferenceTest {

    private static final double TOL = 1e-9;
    private static final List<Map<String, String>> ROWS =
            ReferenceTable.load("drift_reference.csv").rows();

    /** Largest absolute difference per measure, printed for the record. */
    private static final Map<String, Double> MAX_DIFF = new java.util.TreeMap<>();

    @Test
    void numericMeasuresMatchScipy() {
        int checked = 0;
        for (Map<String, String> row : ROWS) {
            if (!row.get("kind").equals("numeric")) continue;
            String name = row.get("case");
            double[] b = Lcg.sample(row.get("baseline"));
            double[] c = Lcg.sample(row.get("current"));
            assertThat(b).as(name).hasSize(Integer.parseInt(row.get("n_baseline")));

            DriftResult psi = Psi.of(b, c);
            assertRelative(name + " psi", psi.statistic().getAsDouble(), num(row, "psi"));

            DriftResult ks = KolmogorovSmirnov.of(b, c);
            assertRelative(name + " D", ks.statistic().getAsDouble(), num(row, "ks_statistic"));
            double p = ks.pValue().getAsDouble();
            record("ks p", p, num(row, "ks_pvalue"));
            assertThat(p)
                    .as(name + " p (" + row.get("ks_branch") + ")")
                    .isCloseTo(num(row, "ks_pvalue"), within(TOL));
            assertThat(ks.method())
                    .isEqualTo(
                            row.get("ks_branch").equals("exact")
                                    ? KolmogorovSmirnov.METHOD_EXACT
                                    : KolmogorovSmirnov.METHOD_ASYMPTOTIC);

            assertRelative(
                    name + " wasserstein",
                    Wasserstein.of(b, c).statistic().getAsDouble(),
                    num(row, "wasserstein"));
            assertRelative(
                    name + " js", JensenShannon.of(b, c).statistic().getAsDouble(), num(row, "js"));
            checked++;
        }
        assertThat(checked).isEqualTo(21);
        System.out.println("drift reference, numeric, max |Java − scipy|: " + MAX_DIFF);
    }

    @Test
    void categoricalMeasuresMatchScipy() {
        int checked = 0;
        for (Map<String, String> row : ROWS) {
            if (!row.get("kind").equals("categorical")) continue;
            String name = row.get("case");
            String[] b = Lcg.categories(row.get("baseline"));
            String[] c = Lcg.categories(row.get("current"));
            assertRelative(
                    name + " js", JensenShannon.of(b, c).statistic().getAsDouble(), num(row, "js"));
            DriftResult chi2 = ChiSquareHomogeneity.of(b, c);
            if (row.get("chi2").equals("NA")) {
                assertThat(chi2.undefinedReason()).as(name).isPresent();
                assertThat(chi2.pValue()).isEmpty();
            } else {
                assertRelative(name + " chi2", chi2.statistic().getAsDouble(), num(row, "chi2"));
                assertThat(chi2.degreesOfFreedom().getAsInt())
                        .isEqualTo(Integer.parseInt(row.get("chi2_dof")));
                record("chi2 p", chi2.pValue().getAsDouble(), num(row, "chi2_pvalue"));
                assertThat(chi2.pValue().getAsDouble())
                        .as(name + " p")
                        .isCloseTo(num(row, "chi2_pvalue"), within(TOL));
            }
            checked++;
        }
        assertThat(checked).isEqualTo(5);
        System.out.println("drift reference, all, max |Java − scipy|: " + MAX_DIFF);
    }

    private static void record(String measure, double actual, double expected) {
        MAX_DIFF.merge(measure, Math.abs(actual - expected), Math::max);
    }

    private static void assertRelative(String what, double actual, double expected) {
        record(what.substring(what.lastIndexOf(' ') + 1), actual, expected);
        assertThat(actual)
                .as(what)
                .isCloseTo(expected, within(TOL * Math.max(1, Math.abs(expected))));
    }

    private static double num(Map<String, String> row, String column) {
        return Double.parseDouble(row.get(column));
    }
}
