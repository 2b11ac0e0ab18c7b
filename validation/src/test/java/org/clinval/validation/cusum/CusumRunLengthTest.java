package org.clinval.validation.cusum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class CusumRunLengthTest {

    private static final NormalDistribution N01 = NormalDistribution.of(0, 1);

    /**
     * With a decision interval close to 0 the chart alarms at the first observation outside {@code
     * [−k, k]}: the run length is geometric with {@code p = P(z > k) + P(z < −k)}, whose quantiles
     * are {@code ⌈ln(1 − q)/ln(1 − p)⌉}. Chosen so that the geometric distribution function is more
     * than 4 standard errors of a 10,000-run estimate away from 0.5 and 0.9 on either side of its
     * quantiles, so the simulated quantiles must equal them.
     */
    @Test
    void geometricWhenTheIntervalIsAlmostZero() {
        double k = 1.2;
        double delta = 0.4;
        double h = 1e-12;
        double p =
                1
                        - N01.cumulativeProbability(k + h - delta)
                        + N01.cumulativeProbability(-k - h - delta);
        CusumRunLength rl = CusumRunLength.simulate(k, h, delta, 10_000, 11L);
        long median = (long) Math.ceil(Math.log(0.5) / Math.log(1 - p));
        long p90 = (long) Math.ceil(Math.log(0.1) / Math.log(1 - p));
        for (long[] q : new long[][] {{median, 50}, {p90, 90}}) {
            double share = q[1] / 100.0;
            double se = Math.sqrt(share * (1 - share) / 10_000);
            assertThat(1 - Math.pow(1 - p, q[0])).isGreaterThan(share + 4 * se);
            assertThat(1 - Math.pow(1 - p, q[0] - 1)).isLessThan(share - 4 * se);
        }
        assertThat(rl.median()).isEqualTo(median);
        assertThat(rl.p90()).isEqualTo(p90);
        assertThat(rl.mean()).isCloseTo(1 / p, withinPercentage(3));
    }

    /**
     * After a shift of −1 σ only the lower side alarms in practice (the upper side's ARL is above
     * 10^6 observations), so the run length is the lower one-sided chart's, whose distribution the
     * Brook–Evans Markov chain gives (1,001 states on [0, h]; survival {@code Q^n·1}). The
     * simulated median and 90th percentile match the chain's to one observation, and the mean is
     * within 3 % of Page's integral equation.
     */
    @Test
    void matchesTheBrookEvansChainWhenOneSideDominates() {
        double k = 0.5;
        double h = CusumDesign.forArl0(365, 1.0).h();
        for (double delta : new double[] {-1.0, -0.63}) {
            CusumRunLength rl = CusumRunLength.of(k, h, delta);
            long[] chain = chainQuantiles(k, h, -delta, 1001);
            System.out.printf(
                    "run length k=%.2f h=%.4f delta=%.2f: simulated mean %.3f median %d p90 %d;"
                            + " ARL %.3f; chain median %d p90 %d%n",
                    k, h, delta, rl.mean(), rl.median(), rl.p90(), rl.arl(), chain[0], chain[1]);
            assertThat(Math.abs(rl.median() - chain[0])).as("median").isLessThanOrEqualTo(1);
            assertThat(Math.abs(rl.p90() - chain[1])).as("p90").isLessThanOrEqualTo(1);
            assertThat(rl.mean()).isCloseTo(rl.arl(), withinPercentage(3));
            assertThat(rl.arl()).isEqualTo(CusumArl.twoSided(k, h, delta));
        }
    }

    /** The same inputs give the same figures: the seed is fixed. */
    @Test
    void isReproducible() {
        assertThat(CusumRunLength.of(0.5, 4.0, 0.7)).isEqualTo(CusumRunLength.of(0.5, 4.0, 0.7));
        assertThat(CusumRunLength.of(0.5, 4.0, 0.7).runs()).isEqualTo(CusumRunLength.RUNS);
    }

    @Test
    void refusesTooFewRunsAndNonFiniteShifts() {
        assertThatThrownBy(() -> CusumRunLength.simulate(0.5, 4, 0, 5, 1L))
                .hasMessageContaining("runs is below 10: 5");
        assertThatThrownBy(() -> CusumRunLength.simulate(0.5, 4, Double.NaN, 100, 1L))
                .hasMessageContaining("delta");
    }

    /**
     * Median and 90th percentile of the upper one-sided chart's run length under {@code z ~ N(δ,
     * 1)} from the Brook–Evans chain: state {@code i} stands for {@code S ∈ [(i − ½)w, (i + ½)w)},
     * {@code w = 2h/(2m − 1)}, state 0 also for {@code S = 0}; leaving past state {@code m − 1} is
     * the alarm.
     */
    private static long[] chainQuantiles(double k, double h, double delta, int m) {
        double w = 2 * h / (2 * m - 1);
        double[][] q = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double hi = N01.cumulativeProbability((j + 0.5) * w - i * w + k - delta);
                double lo =
                        j == 0 ? 0 : N01.cumulativeProbability((j - 0.5) * w - i * w + k - delta);
                q[i][j] = hi - lo;
            }
        }
        double[] survive = new double[m];
        java.util.Arrays.fill(survive, 1);
        long median = -1;
        for (long n = 1; n < 100_000; n++) {
            double[] next = new double[m];
            for (int i = 0; i < m; i++) {
                double s = 0;
                for (int j = 0; j < m; j++) s += q[i][j] * survive[j];
                next[i] = s;
            }
            survive = next;
            double cdf = 1 - survive[0];
            if (median < 0 && cdf >= 0.5) median = n;
            if (cdf >= 0.9) return new long[] {median, n};
        }
        throw new AssertionError("the chain did not reach 0.9");
    }
}
