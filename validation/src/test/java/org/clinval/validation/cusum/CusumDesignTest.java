package org.clinval.validation.cusum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.ContinuousDistribution.Sampler;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class CusumDesignTest {

    private static final int RUNS = 10_000;

    /**
     * The designed two-sided chart against a 10,000-run Monte Carlo simulation (commons-rng
     * XO_RO_SHI_RO_128_PP, seed 20261205) of the chart itself, both sides active: the simulated
     * in-control ARL and the ARL after a 1 σ shift are within 10 % of the design (the simulation's
     * standard error is about 1 %).
     */
    @Test
    void designMatchesMonteCarloForArl0Of365() {
        CusumDesign d = CusumDesign.forArl0(365, 1.0);
        assertThat(d.k()).isEqualTo(0.5);
        assertThat(d.arl0Achieved()).isCloseTo(365, withinPercentage(1e-6));
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261205L);
        Sampler normal = NormalDistribution.of(0, 1).createSampler(rng);
        double arl0 = meanRunLength(d, 0, normal);
        double arl1 = meanRunLength(d, 1.0, normal);
        System.out.printf(
                "CUSUM design %s: h = %.6f; ARL0 design %.3f, simulated %.3f; ARL1 design %.4f,"
                        + " simulated %.4f%n",
                "365/1σ", d.h(), d.arl0Achieved(), arl0, d.arl1(), arl1);
        assertThat(arl0).isCloseTo(d.arl0Achieved(), withinPercentage(10));
        assertThat(arl1).isCloseTo(d.arl1(), withinPercentage(10));
    }

    @Test
    void designMatchesMonteCarloForArl0Of100AndHalfSigma() {
        CusumDesign d = CusumDesign.forArl0(100, 0.5);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        Sampler normal = NormalDistribution.of(0, 1).createSampler(rng);
        double arl0 = meanRunLength(d, 0, normal);
        double arl1 = meanRunLength(d, 0.5, normal);
        System.out.printf(
                "CUSUM design %s: h = %.6f; ARL0 design %.3f, simulated %.3f; ARL1 design %.4f,"
                        + " simulated %.4f%n",
                "100/0.5σ", d.h(), d.arl0Achieved(), arl0, d.arl1(), arl1);
        assertThat(arl0).isCloseTo(100, withinPercentage(10));
        assertThat(arl1).isCloseTo(d.arl1(), withinPercentage(10));
    }

    /** Mean run length of the designed chart, in σ units, from zero until the first alarm. */
    private static double meanRunLength(CusumDesign d, double shift, Sampler normal) {
        CusumChart chart = new CusumChart(0, 1, d.k(), d.h());
        long total = 0;
        for (int run = 0; run < RUNS; run++) {
            CusumState s = CusumState.initial();
            while (true) {
                CusumStep step = chart.step(s, shift + normal.sample());
                if (step.alarm() != CusumAlarm.NONE) {
                    total += step.t();
                    break;
                }
                s = step.next();
            }
        }
        return (double) total / RUNS;
    }

    /** The shift may be given absolutely with σ. */
    @Test
    void absoluteShiftIsDividedBySigma() {
        assertThat(CusumDesign.forArl0(200, 0.03, 0.02)).isEqualTo(CusumDesign.forArl0(200, 1.5));
    }

    @Test
    void longerArl0NeedsLargerH() {
        CusumDesign a = CusumDesign.forArl0(100, 1);
        CusumDesign b = CusumDesign.forArl0(1000, 1);
        assertThat(b.h()).isGreaterThan(a.h());
        assertThat(b.arl1()).isGreaterThan(a.arl1());
        assertThat(a.method()).contains("Gauss-Legendre").contains("1/L = 1/L+ + 1/L-");
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> CusumDesign.forArl0(1, 1)).hasMessageContaining("arl0");
        assertThatThrownBy(() -> CusumDesign.forArl0(Double.NaN, 1)).hasMessageContaining("arl0");
        assertThatThrownBy(() -> CusumDesign.forArl0(100, 0)).hasMessageContaining("shiftSigma");
        assertThatThrownBy(() -> CusumDesign.forArl0(100, 1, -1)).hasMessageContaining("sigma");
    }
}
