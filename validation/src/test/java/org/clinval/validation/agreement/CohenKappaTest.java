package org.clinval.validation.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Interval;
import org.clinval.validation.testing.ReferenceTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CohenKappaTest {

    private static final double TOL = 1e-9;
    private static final ConfidenceLevel L95 = ConfidenceLevel.of(0.95);

    static AgreementTable table(Map<String, String> row) {
        List<String> categories = List.of(row.get("categories").split("\\|"));
        long[] flat =
                Arrays.stream(row.get("counts").split(" ")).mapToLong(Long::parseLong).toArray();
        int k = categories.size();
        long[][] counts = new long[k][k];
        for (int i = 0; i < k; i++) counts[i] = Arrays.copyOfRange(flat, i * k, (i + 1) * k);
        return AgreementTable.of(categories, counts);
    }

    /**
     * R 4.2.2, vcd 1.4-11: {@code K <- Kappa(x, weights = "Equal-Spacing" | "Fleiss-Cohen")};
     * {@code K$Unweighted} / {@code K$Weighted} (value, ASE) and {@code confint(K, level = level)}
     * for SexualFun, both MSPatients strata, perfect agreement and 14 random tables (kappa.csv,
     * written by validation/src/test/r/kappa_reference.R).
     */
    @Test
    void matchesVcdKappaAndConfint() {
        ReferenceTable ref = ReferenceTable.load("kappa.csv");
        List<Map<String, String>> rows = ref.rows();
        assertThat(rows).hasSize(60); // 20 tables x 3 weightings
        for (Map<String, String> row : rows) {
            String what = row.get("table") + " / " + row.get("weights");
            AgreementTable t = table(row);
            KappaEstimate k =
                    CohenKappa.of(
                            t,
                            KappaWeights.parse(row.get("weights")),
                            ConfidenceLevel.of(Double.parseDouble(row.get("level"))));
            assertThat(k.n()).as(what).isEqualTo(Long.parseLong(row.get("n")));
            assertThat(k.kappa().getAsDouble()).as(what).isCloseTo(d(row, "kappa"), within(TOL));
            assertThat(k.se().getAsDouble()).as(what).isCloseTo(d(row, "se"), within(TOL));
            Interval ci = k.ci().orElseThrow();
            assertThat(ci.lower()).as(what).isCloseTo(d(row, "lower"), within(TOL));
            assertThat(ci.upper()).as(what).isCloseTo(d(row, "upper"), within(TOL));
            assertThat(k.observedAgreement()).as(what).isCloseTo(d(row, "observed"), within(TOL));
            assertThat(k.expectedAgreement()).as(what).isCloseTo(d(row, "expected"), within(TOL));
            assertThat(k.undefinedReason()).as(what).isEmpty();
        }
    }

    /**
     * Published SexualFun table pinned on its own, R: {@code Kappa(SexualFun)}: unweighted
     * 0.1293303 (ASE 0.06859853), Equal-Spacing 0.2373806 (ASE 0.07831633).
     */
    @Test
    void sexualFunPublishedTable() {
        AgreementTable t =
                AgreementTable.of(
                        List.of("Never Fun", "Fairly Often", "Very Often", "Always fun"),
                        new long[][] {{7, 7, 2, 3}, {2, 8, 3, 7}, {1, 5, 4, 9}, {2, 8, 9, 14}});
        KappaEstimate none = CohenKappa.of(t, KappaWeights.NONE, L95);
        KappaEstimate linear = CohenKappa.of(t, KappaWeights.LINEAR, L95);
        assertThat(none.kappa().getAsDouble()).isCloseTo(0.12933025404157042, within(TOL));
        assertThat(none.se().getAsDouble()).isCloseTo(0.068598532480708588, within(TOL));
        assertThat(linear.kappa().getAsDouble()).isCloseTo(0.23738062755798089, within(TOL));
        assertThat(linear.se().getAsDouble()).isCloseTo(0.078316334778372854, within(TOL));
        assertThat(none.categories())
                .containsExactly("Never Fun", "Fairly Often", "Very Often", "Always fun");
        assertThat(none.method()).contains("Fleiss-Cohen-Everitt");
    }

    /** Analytic: perfect agreement gives kappa 1, ASE 0 (vcd: Kappa(diag(c(5, 7, 3))) → 1, 0). */
    @ParameterizedTest
    @EnumSource(KappaWeights.class)
    void perfectAgreement(KappaWeights weights) {
        AgreementTable t =
                AgreementTable.of(
                        List.of("a", "b", "c"), new long[][] {{5, 0, 0}, {0, 7, 0}, {0, 0, 3}});
        KappaEstimate k = CohenKappa.of(t, weights, L95);
        assertThat(k.kappa().getAsDouble()).isCloseTo(1, within(1e-15));
        assertThat(k.se().getAsDouble()).isCloseTo(0, within(1e-9));
        assertThat(k.ci()).contains(new Interval(k.ci().get().lower(), 1));
        assertThat(k.ci().get().lower()).isCloseTo(1, within(1e-8));
        assertThat(k.observedAgreement()).isCloseTo(1, within(1e-15));
    }

    /** Analytic: every case in one cell gives pe = 1, kappa 0/0 (vcd returns NaN here). */
    @ParameterizedTest
    @EnumSource(KappaWeights.class)
    void expectedAgreementOneIsUndefinedNotNaN(KappaWeights weights) {
        AgreementTable t = AgreementTable.of(List.of("neg", "pos"), new long[][] {{0, 0}, {0, 12}});
        KappaEstimate k = CohenKappa.of(t, weights, L95);
        assertThat(k.kappa()).isEmpty();
        assertThat(k.se()).isEmpty();
        assertThat(k.ci()).isEmpty();
        assertThat(k.undefinedReason().orElseThrow()).contains("'pos'").contains("12");
        assertThat(k.observedAgreement()).isEqualTo(1);
        assertThat(k.expectedAgreement()).isEqualTo(1);
    }

    @Test
    void singleCategoryIsUndefined() {
        AgreementTable t = AgreementTable.of(List.of("only"), new long[][] {{9}});
        KappaEstimate k = CohenKappa.of(t, KappaWeights.QUADRATIC, L95);
        assertThat(k.kappa()).isEmpty();
        assertThat(k.undefinedReason().orElseThrow()).contains("single category 'only'");
    }

    @Test
    void zeroCasesIsAnError() {
        AgreementTable t = AgreementTable.of(List.of("a", "b"), new long[2][2]);
        assertThatThrownBy(() -> CohenKappa.of(t, KappaWeights.NONE, L95))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n = 0");
    }

    /**
     * Analytic: complete disagreement with both margins uniform over two categories gives po = 0,
     * pe = 1/2, kappa = -1; the interval is clipped to [-1, 1] as in vcd's confint.
     */
    @Test
    void completeDisagreementIsMinusOneAndClipped() {
        AgreementTable t = AgreementTable.of(List.of("a", "b"), new long[][] {{0, 10}, {10, 0}});
        KappaEstimate k = CohenKappa.of(t, KappaWeights.NONE, L95);
        assertThat(k.kappa().getAsDouble()).isCloseTo(-1, within(1e-15));
        assertThat(k.ci().get().lower()).isEqualTo(-1);
        assertThat(k.expectedAgreement()).isCloseTo(0.5, within(1e-15));
    }

    /** Swapping the raters transposes the table; kappa and its SE are symmetric in the raters. */
    @ParameterizedTest
    @EnumSource(KappaWeights.class)
    void swappingRatersChangesNothing(KappaWeights weights) {
        for (Map<String, String> row : ReferenceTable.load("kappa.csv").rows()) {
            AgreementTable t = table(row);
            long[][] c = t.counts();
            long[][] tr = new long[c.length][c.length];
            for (int i = 0; i < c.length; i++)
                for (int j = 0; j < c.length; j++) tr[j][i] = c[i][j];
            KappaEstimate a = CohenKappa.of(t, weights, L95);
            KappaEstimate b = CohenKappa.of(AgreementTable.of(t.categories(), tr), weights, L95);
            assertThat(b.kappa().getAsDouble()).isCloseTo(a.kappa().getAsDouble(), within(1e-12));
            assertThat(b.se().getAsDouble()).isCloseTo(a.se().getAsDouble(), within(1e-12));
        }
    }

    /**
     * Reversing the scale keeps every |i - j| and so every kappa; an arbitrary relabelling keeps
     * only the unweighted one (the SexualFun weighted kappas change).
     */
    @Test
    void categoryOrderMattersOnlyForWeights() {
        AgreementTable t =
                AgreementTable.of(
                        List.of("1", "2", "3", "4"),
                        new long[][] {{7, 7, 2, 3}, {2, 8, 3, 7}, {1, 5, 4, 9}, {2, 8, 9, 14}});
        AgreementTable reversed = permute(t, new int[] {3, 2, 1, 0});
        AgreementTable shuffled = permute(t, new int[] {2, 0, 3, 1});
        for (KappaWeights w : KappaWeights.values()) {
            assertThat(CohenKappa.of(reversed, w, L95).kappa().getAsDouble())
                    .isCloseTo(CohenKappa.of(t, w, L95).kappa().getAsDouble(), within(1e-12));
            assertThat(CohenKappa.of(reversed, w, L95).se().getAsDouble())
                    .isCloseTo(CohenKappa.of(t, w, L95).se().getAsDouble(), within(1e-12));
        }
        assertThat(CohenKappa.of(shuffled, KappaWeights.NONE, L95).kappa().getAsDouble())
                .isCloseTo(
                        CohenKappa.of(t, KappaWeights.NONE, L95).kappa().getAsDouble(),
                        within(1e-12));
        assertThat(CohenKappa.of(shuffled, KappaWeights.LINEAR, L95).kappa().getAsDouble())
                .isNotCloseTo(
                        CohenKappa.of(t, KappaWeights.LINEAR, L95).kappa().getAsDouble(),
                        within(1e-3));
    }

    /** With two categories linear and quadratic weights are the identity. */
    @Test
    void twoCategoriesAllWeightsAgree() {
        AgreementTable t = AgreementTable.of(List.of("0", "1"), new long[][] {{20, 5}, {3, 12}});
        KappaEstimate none = CohenKappa.of(t, KappaWeights.NONE, L95);
        for (KappaWeights w : List.of(KappaWeights.LINEAR, KappaWeights.QUADRATIC)) {
            KappaEstimate k = CohenKappa.of(t, w, L95);
            assertThat(k.kappa().getAsDouble())
                    .isCloseTo(none.kappa().getAsDouble(), within(1e-15));
            assertThat(k.se().getAsDouble()).isCloseTo(none.se().getAsDouble(), within(1e-15));
        }
    }

    /**
     * Weighted kappa depends on the disagreement weights {@code 1 - w} only up to a factor, so an
     * unused category at the end of the scale (which rescales every |i - j| / (k - 1) alike)
     * changes nothing, while one in the middle stretches some distances and changes the weighted
     * kappas but not the unweighted one.
     */
    @Test
    void unobservedCategoryInTheMiddleAffectsOnlyWeights() {
        List<String> abc = List.of("a", "b", "c");
        long[][] c = {{10, 4, 1}, {3, 9, 5}, {0, 4, 11}};
        AgreementTable three = AgreementTable.of(abc, c);
        AgreementTable atEnd =
                AgreementTable.of(
                        List.of("a", "b", "c", "d"),
                        new long[][] {{10, 4, 1, 0}, {3, 9, 5, 0}, {0, 4, 11, 0}, {0, 0, 0, 0}});
        AgreementTable inMiddle =
                AgreementTable.of(
                        List.of("a", "b", "x", "c"),
                        new long[][] {{10, 4, 0, 1}, {3, 9, 0, 5}, {0, 0, 0, 0}, {0, 4, 0, 11}});
        for (KappaWeights w : KappaWeights.values()) {
            double base = CohenKappa.of(three, w, L95).kappa().getAsDouble();
            assertThat(CohenKappa.of(atEnd, w, L95).kappa().getAsDouble())
                    .as(w.key())
                    .isCloseTo(base, within(1e-14));
            assertThat(CohenKappa.of(atEnd, w, L95).se().getAsDouble())
                    .as(w.key())
                    .isCloseTo(CohenKappa.of(three, w, L95).se().getAsDouble(), within(1e-14));
            double middle = CohenKappa.of(inMiddle, w, L95).kappa().getAsDouble();
            if (w == KappaWeights.NONE) {
                assertThat(middle).isCloseTo(base, within(1e-14));
            } else {
                assertThat(middle).as(w.key()).isNotCloseTo(base, within(1e-3));
            }
        }
    }

    /** A higher level widens the interval around the same estimate. */
    @Test
    void intervalsNestByLevel() {
        AgreementTable t =
                AgreementTable.of(
                        List.of("a", "b", "c"), new long[][] {{10, 4, 1}, {3, 9, 5}, {0, 4, 11}});
        Interval i90 = CohenKappa.of(t, KappaWeights.LINEAR, ConfidenceLevel.of(0.9)).ci().get();
        Interval i99 = CohenKappa.of(t, KappaWeights.LINEAR, ConfidenceLevel.of(0.99)).ci().get();
        assertThat(i99.lower()).isLessThan(i90.lower());
        assertThat(i99.upper()).isGreaterThan(i90.upper());
    }

    /** Scaling every count by m leaves kappa unchanged and divides the SE by sqrt(m). */
    @Test
    void scalingCountsShrinksTheSe() {
        long[][] c = {{10, 4, 1}, {3, 9, 5}, {0, 4, 11}};
        long[][] c4 = new long[3][3];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) c4[i][j] = 4 * c[i][j];
        List<String> cats = List.of("a", "b", "c");
        KappaEstimate k1 = CohenKappa.of(AgreementTable.of(cats, c), KappaWeights.QUADRATIC, L95);
        KappaEstimate k4 = CohenKappa.of(AgreementTable.of(cats, c4), KappaWeights.QUADRATIC, L95);
        assertThat(k4.kappa().getAsDouble()).isCloseTo(k1.kappa().getAsDouble(), within(1e-14));
        assertThat(k4.se().getAsDouble()).isCloseTo(k1.se().getAsDouble() / 2, within(1e-14));
    }

    private static AgreementTable permute(AgreementTable t, int[] order) {
        int k = order.length;
        long[][] c = new long[k][k];
        String[] cats = new String[k];
        for (int i = 0; i < k; i++) {
            cats[i] = t.categories().get(order[i]);
            for (int j = 0; j < k; j++) c[i][j] = t.count(order[i], order[j]);
        }
        return AgreementTable.of(List.of(cats), c);
    }

    private static double d(Map<String, String> row, String column) {
        return Double.parseDouble(row.get(column));
    }
}
