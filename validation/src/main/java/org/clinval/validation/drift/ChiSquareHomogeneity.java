package org.clinval.validation.drift;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Pearson's chi-square test of homogeneity of a categorical variable between a baseline and a
 * current sample, on the 2 × K table of counts, as {@code scipy.stats.chi2_contingency(table)}:
 * expected counts {@code E_ij = R_i C_j / N}, {@code χ² = Σ (O_ij − E_ij)² / E_ij} with {@code K −
 * 1} degrees of freedom, and with one degree of freedom Yates' continuity correction (each {@code
 * O_ij} moved towards {@code E_ij} by {@code min(½, |O_ij − E_ij|)}); {@code p = P(χ²_{K−1} ≥ χ²)}.
 *
 * <p>Undefined, with the reason, when a sample is empty, when a category has no count in either
 * sample (a zero expected count), or when there is only one category (no test of homogeneity).
 */
public final class ChiSquareHomogeneity {

    /** The method named in every result. */
    public static final String METHOD =
            "Pearson chi-square test of homogeneity on the 2 x K table (scipy chi2_contingency,"
                    + " Yates correction when dof = 1)";

    private ChiSquareHomogeneity() {}

    /**
     * Tests two samples of categorical values over the union of their categories.
     *
     * @throws IllegalArgumentException if a value is null
     */
    public static DriftResult of(String[] baseline, String[] current) {
        return of(CategoryTable.of(baseline, current));
    }

    /** Tests a 2 × K table of counts. */
    public static DriftResult of(CategoryTable table) {
        long[] b = table.baseline();
        long[] c = table.current();
        long nb = table.baselineTotal();
        long nc = table.currentTotal();
        int nbInt = Math.toIntExact(nb);
        int ncInt = Math.toIntExact(nc);
        String empty = DriftResult.emptySample(nbInt, ncInt);
        if (empty != null) {
            return DriftResult.undefined(DriftTest.CHI2, nbInt, ncInt, METHOD, empty);
        }
        int k = b.length;
        for (int j = 0; j < k; j++) {
            if (b[j] + c[j] == 0) {
                return DriftResult.undefined(
                        DriftTest.CHI2,
                        nbInt,
                        ncInt,
                        METHOD,
                        "category "
                                + table.categories().get(j)
                                + " has no values in either sample");
            }
        }
        if (k < 2) {
            return DriftResult.undefined(
                    DriftTest.CHI2,
                    nbInt,
                    ncInt,
                    METHOD,
                    "only one category: no test of homogeneity");
        }
        int dof = k - 1;
        long n = nb + nc;
        long[][] observed = {b, c};
        long[] rows = {nb, nc};
        double chi2 = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < k; j++) {
                double expected = (double) (rows[i] * (b[j] + c[j])) / n;
                double o = observed[i][j];
                if (dof == 1) {
                    double diff = expected - o;
                    o += Math.min(0.5, Math.abs(diff)) * Math.signum(diff);
                }
                chi2 += (o - expected) * (o - expected) / expected;
            }
        }
        double p = ChiSquaredDistribution.of(dof).survivalProbability(chi2);
        return new DriftResult(
                DriftTest.CHI2,
                OptionalDouble.of(chi2),
                OptionalDouble.of(p),
                OptionalInt.of(dof),
                nbInt,
                ncInt,
                METHOD,
                Optional.empty());
    }
}
