package org.clinval.validation.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Small cases with the scipy 1.10.1 call and value inline, edge cases and invariances. */
class DriftMeasuresTest {

    private static final double TOL = 1e-9;

    @Test
    void ksSmallSamples() {
        // stats.ks_2samp([1., 2, 3], [4., 5, 6]) -> statistic=1.0, pvalue=0.09999999999999999
        DriftResult r = KolmogorovSmirnov.of(new double[] {1, 2, 3}, new double[] {4, 5, 6});
        assertThat(r.statistic().getAsDouble()).isEqualTo(1.0);
        assertThat(r.pValue().getAsDouble()).isCloseTo(0.09999999999999999, within(TOL));
        assertThat(r.method()).isEqualTo(KolmogorovSmirnov.METHOD_EXACT);
        // stats.ks_2samp([1., 2, 2, 3, 3, 3], [2., 3, 3, 4]) -> 0.25, 0.9952380952380953 (ties)
        r = KolmogorovSmirnov.of(new double[] {1, 2, 2, 3, 3, 3}, new double[] {2, 3, 3, 4});
        assertThat(r.statistic().getAsDouble()).isCloseTo(0.25, within(TOL));
        assertThat(r.pValue().getAsDouble()).isCloseTo(0.9952380952380953, within(TOL));
        // stats.ks_2samp([0.1, 0.4, 0.7], [0.2, 0.5, 0.8, 0.9, 1.1]) -> 0.6, 0.4642857142857143
        r =
                KolmogorovSmirnov.of(
                        new double[] {0.1, 0.4, 0.7}, new double[] {0.2, 0.5, 0.8, 0.9, 1.1});
        assertThat(r.statistic().getAsDouble()).isCloseTo(0.6, within(TOL));
        assertThat(r.pValue().getAsDouble()).isCloseTo(0.4642857142857143, within(TOL));
    }

    @Test
    void ksIsSymmetricAndIdenticalSamplesGiveOne() {
        double[] a = Lcg.sample("normal:300:1:0:1");
        double[] b = Lcg.sample("normal:200:2:0.3:1");
        DriftResult ab = KolmogorovSmirnov.of(a, b);
        DriftResult ba = KolmogorovSmirnov.of(b, a);
        assertThat(ab.statistic()).isEqualTo(ba.statistic());
        assertThat(ab.pValue()).isEqualTo(ba.pValue());
        DriftResult same = KolmogorovSmirnov.of(a, a.clone());
        assertThat(same.statistic().getAsDouble()).isZero();
        assertThat(same.pValue().getAsDouble()).isEqualTo(1.0);
    }

    @Test
    void wassersteinSmallSamples() {
        // stats.wasserstein_distance([0, 1, 3], [5, 6, 8]) -> 5.0
        assertThat(stat(Wasserstein.of(new double[] {0, 1, 3}, new double[] {5, 6, 8})))
                .isCloseTo(5.0, within(TOL));
        // stats.wasserstein_distance([3.4, 3.9, 7.5, 7.8], [4.5, 1.4]) -> 2.7
        assertThat(stat(Wasserstein.of(new double[] {3.4, 3.9, 7.5, 7.8}, new double[] {4.5, 1.4})))
                .isCloseTo(2.7, within(TOL));
        // A shift of every value by c moves the distribution by exactly c.
        double[] a = Lcg.sample("uniform:100:3:0:1");
        double[] shifted = a.clone();
        for (int i = 0; i < shifted.length; i++) shifted[i] += 0.25;
        assertThat(stat(Wasserstein.of(a, shifted))).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void chiSquareSmallTables() {
        // stats.chi2_contingency([[10, 10, 20], [20, 20, 20]]) -> 2.7777777777777777,
        // pvalue=0.24935220877729622, dof=2
        DriftResult r =
                ChiSquareHomogeneity.of(
                        new CategoryTable(
                                List.of("a", "b", "c"),
                                new long[] {10, 10, 20},
                                new long[] {20, 20, 20}));
        assertThat(stat(r)).isCloseTo(2.7777777777777777, within(TOL));
        assertThat(r.pValue().getAsDouble()).isCloseTo(0.24935220877729622, within(TOL));
        assertThat(r.degreesOfFreedom().getAsInt()).isEqualTo(2);
        // stats.chi2_contingency([[12, 3], [5, 9]]) -> 4.171457749766574 (Yates),
        // pvalue=0.04111041419430694, dof=1
        r =
                ChiSquareHomogeneity.of(
                        new CategoryTable(
                                List.of("a", "b"), new long[] {12, 3}, new long[] {5, 9}));
        assertThat(stat(r)).isCloseTo(4.171457749766574, within(TOL));
        assertThat(r.pValue().getAsDouble()).isCloseTo(0.04111041419430694, within(TOL));
        assertThat(r.nBaseline()).isEqualTo(15);
        assertThat(r.nCurrent()).isEqualTo(14);
    }

    @Test
    void chiSquareUndefinedWithReason() {
        DriftResult one = ChiSquareHomogeneity.of(new String[] {"GE", "GE"}, new String[] {"GE"});
        assertThat(one.isDefined()).isFalse();
        assertThat(one.statistic()).isEmpty();
        assertThat(one.undefinedReason()).contains("only one category: no test of homogeneity");
        DriftResult zero =
                ChiSquareHomogeneity.of(
                        new CategoryTable(
                                List.of("a", "b", "c"),
                                new long[] {3, 0, 4},
                                new long[] {2, 0, 5}));
        assertThat(zero.undefinedReason()).contains("category b has no values in either sample");
        DriftResult empty = ChiSquareHomogeneity.of(new String[] {"a", "b"}, new String[0]);
        assertThat(empty.undefinedReason()).contains("no current values");
    }

    @Test
    void jensenShannonBounds() {
        // distance.jensenshannon([1, 0], [0, 1], base=2) ** 2 -> 1.0
        assertThat(stat(JensenShannon.of(new String[] {"a"}, new String[] {"b"})))
                .isCloseTo(1.0, within(TOL));
        // distance.jensenshannon([3, 1, 0], [1, 1, 2], base=2) ** 2 -> 0.34436093777043364
        assertThat(
                        stat(
                                JensenShannon.of(
                                        new String[] {"x", "x", "x", "y"},
                                        new String[] {"x", "y", "z", "z"})))
                .isCloseTo(0.34436093777043364, within(TOL));
        double[] a = Lcg.sample("normal:500:4:0:1");
        assertThat(stat(JensenShannon.of(a, a.clone()))).isZero();
    }

    @Test
    void psiBandsAndIdentity() {
        double[] a = Lcg.sample("normal:500:5:0:1");
        DriftResult same = Psi.of(a, a.clone());
        assertThat(stat(same)).isZero();
        assertThat(same.band()).contains(DriftBand.NONE);
        assertThat(same.pValue()).isEmpty();
        assertThat(DriftBand.ofPsi(0.0999)).isEqualTo(DriftBand.NONE);
        assertThat(DriftBand.ofPsi(0.1)).isEqualTo(DriftBand.WATCH);
        assertThat(DriftBand.ofPsi(0.1999)).isEqualTo(DriftBand.WATCH);
        assertThat(DriftBand.ofPsi(0.2)).isEqualTo(DriftBand.DRIFT);
        assertThat(DriftBand.DRIFT.id()).isEqualTo("drift");
        assertThatThrownBy(() -> DriftBand.ofPsi(Double.NaN)).hasMessageContaining("psi");
        DriftResult shifted = Psi.of(a, Lcg.sample("normal:300:6:1:1"));
        assertThat(shifted.band()).contains(DriftBand.DRIFT);
        assertThat(KolmogorovSmirnov.of(a, a).band()).isEmpty();
    }

    /** An empty current bin counts as 1e-4: one bin, all baseline mass, none current. */
    @Test
    void psiEmptyBinUsesEpsilon() {
        double[] baseline = new double[20];
        for (int i = 0; i < 20; i++) baseline[i] = i;
        QuantileBins bins = QuantileBins.deciles(baseline);
        // np.quantile(np.arange(20.), np.arange(1, 10) / 10) -> 1.9, 3.8, ..., 17.1
        assertThat(bins.edges()).hasSize(9);
        assertThat(bins.edges()[0]).isCloseTo(1.9, within(1e-12));
        assertThat(bins.edges()[8]).isCloseTo(17.1, within(1e-12));
        double[] current = {0, 0.5, 1, 1.5}; // all in the first bin
        double expected = (1 - 0.1) * Math.log(1 / 0.1);
        expected += 9 * (Psi.EPSILON - 0.1) * Math.log(Psi.EPSILON / 0.1);
        assertThat(stat(Psi.of(baseline, current))).isCloseTo(expected, within(1e-12));
    }

    @Test
    void tiedBaselineCollapsesEdgesAndKeepsTiesTogether() {
        double[] baseline = {0, 0, 0, 0, 0, 0, 1, 1, 1, 2};
        QuantileBins bins = QuantileBins.deciles(baseline);
        // np.unique(np.quantile(b, np.arange(1, 10) / 10))
        //   -> [0.0, 0.39999999999999947, 1.0, 1.0999999999999996]; bincount of
        // np.searchsorted(edges, b, side='left') -> [6, 0, 3, 0, 1]
        assertThat(bins.edges()).containsExactly(0.0, 0.39999999999999947, 1.0, 1.0999999999999996);
        assertThat(bins.binOf(0)).isZero(); // bins (e[i-1], e[i]]: 0 lands in (-inf, 0]
        assertThat(bins.counts(baseline)).containsExactly(6, 0, 3, 0, 1);
    }

    @Test
    void emptySamplesAreUndefinedWithReason() {
        double[] none = new double[0];
        double[] some = {1, 2, 3};
        assertThat(Psi.of(none, some).undefinedReason()).contains("no baseline values");
        assertThat(KolmogorovSmirnov.of(some, none).undefinedReason())
                .contains("no current values");
        assertThat(Wasserstein.of(none, none).undefinedReason())
                .contains("no baseline and no current values");
        assertThat(JensenShannon.of(some, none).undefinedReason()).contains("no current values");
        DriftResult r = Psi.of(none, some);
        assertThat(r.nBaseline()).isZero();
        assertThat(r.nCurrent()).isEqualTo(3);
        assertThat(r.band()).isEmpty();
        assertThat(r.test().id()).isEqualTo("psi");
    }

    @Test
    void rejectsNonFiniteAndNullValues() {
        assertThatThrownBy(() -> Psi.of(new double[] {1, Double.NaN}, new double[] {1}))
                .hasMessageContaining("baseline[1] is not finite");
        assertThatThrownBy(
                        () ->
                                KolmogorovSmirnov.of(
                                        new double[] {1}, new double[] {Double.POSITIVE_INFINITY}))
                .hasMessageContaining("current[0] is not finite");
        assertThatThrownBy(
                        () -> ChiSquareHomogeneity.of(new String[] {"a", null}, new String[] {"a"}))
                .hasMessageContaining("baseline[1] is null");
    }

    private static double stat(DriftResult r) {
        return r.statistic().getAsDouble();
    }
}
