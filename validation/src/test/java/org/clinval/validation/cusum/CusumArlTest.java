package org.clinval.validation.cusum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class CusumArlTest {

    private static final NormalDistribution N01 = NormalDistribution.of(0, 1);

    /**
     * Tabulated zero-state ARLs: one-sided k = 0.5, h = 5: 930.9; two-sided k = 0.5 (Montgomery,
     * Introduction to Statistical Quality Control, table of the tabular CUSUM's ARL): h = 4: 168 in
     * control and 8.38 after a 1 σ shift; h = 5: 465 and 10.4. One-sided h = 4 is pinned to the
     * Brook–Evans chain extrapolated to infinitely many states (335.3676 from 200…1600 states).
     */
    @Test
    void matchesPublishedValues() {
        assertThat(CusumArl.oneSided(0.5, 4, 0)).isCloseTo(335.3676, withinPercentage(1e-4));
        assertThat(CusumArl.oneSided(0.5, 5, 0)).isCloseTo(930.9, withinPercentage(0.1));
        assertThat(CusumArl.twoSided(0.5, 4, 0)).isCloseTo(168, withinPercentage(0.5));
        assertThat(CusumArl.twoSided(0.5, 5, 0)).isCloseTo(465, withinPercentage(0.5));
        assertThat(CusumArl.twoSided(0.5, 4, 1)).isCloseTo(8.38, withinPercentage(0.5));
        assertThat(CusumArl.twoSided(0.5, 5, 1)).isCloseTo(10.4, withinPercentage(0.5));
    }

    /** The quadrature has converged: the ARL hardly moves between 40 nodes and the default. */
    @Test
    void quadratureHasConverged() {
        for (double delta : new double[] {-1, 0, 0.5, 1, 2}) {
            double coarse = oneSidedWith(40, 0.5, 4.8, delta);
            assertThat(CusumArl.oneSided(0.5, 4.8, delta))
                    .as("delta %s", delta)
                    .isCloseTo(coarse, within(1e-8 * coarse));
        }
    }

    /** Brook and Evans (1972) Markov chain with many states agrees with the integral equation. */
    @Test
    void agreesWithBrookEvansMarkovChain() {
        for (double[] c : new double[][] {{0.5, 4, 0}, {0.5, 5, 1}, {0.25, 8, 0.5}, {1, 2.5, 0}}) {
            double ie = CusumArl.oneSided(c[0], c[1], c[2]);
            double mc = brookEvans(c[0], c[1], c[2], 400);
            assertThat(mc)
                    .as("k=%s h=%s delta=%s", c[0], c[1], c[2])
                    .isCloseTo(ie, withinPercentage(0.2));
        }
    }

    @Test
    void symmetricAndDecreasingInTheShift() {
        assertThat(CusumArl.twoSided(0.5, 4, 0.7))
                .isCloseTo(CusumArl.twoSided(0.5, 4, -0.7), within(1e-9));
        assertThat(CusumArl.oneSided(0.5, 4, 1)).isLessThan(CusumArl.oneSided(0.5, 4, 0.5));
        assertThat(CusumArl.twoSided(0.5, 4, 0)).isLessThan(CusumArl.oneSided(0.5, 4, 0));
    }

    /** Brook and Evans: states are the midpoints of m cells of width w = 2h/(2m − 1). */
    static double brookEvans(double k, double h, double delta, int m) {
        double w = 2 * h / (2 * m - 1);
        double[][] a = new double[m][m + 1];
        for (int i = 0; i < m; i++) {
            double u = i * w;
            for (int j = 0; j < m; j++) {
                double p =
                        j == 0
                                ? N01.cumulativeProbability(w / 2 + k - u - delta)
                                : N01.cumulativeProbability((j + 0.5) * w + k - u - delta)
                                        - N01.cumulativeProbability((j - 0.5) * w + k - u - delta);
                a[i][j] = (i == j ? 1 : 0) - p;
            }
            a[i][m] = 1;
        }
        for (int c = 0; c < m; c++) {
            for (int i = c + 1; i < m; i++) {
                double f = a[i][c] / a[c][c];
                for (int j = c; j <= m; j++) a[i][j] -= f * a[c][j];
            }
        }
        double[] s = new double[m];
        for (int i = m - 1; i >= 0; i--) {
            double v = a[i][m];
            for (int j = i + 1; j < m; j++) v -= a[i][j] * s[j];
            s[i] = v / a[i][i];
        }
        return s[0];
    }

    /** The same Nystrom solution with another number of nodes. */
    private static double oneSidedWith(int nodes, double k, double h, double delta) {
        double[][] rule = GaussLegendre.rule(nodes);
        int r = nodes;
        int m = r + 1;
        double[][] a = new double[m][m + 1];
        for (int i = 0; i < m; i++) {
            double u = i < r ? h / 2 * (rule[0][i] + 1) : 0;
            for (int j = 0; j < r; j++) {
                double y = h / 2 * (rule[0][j] + 1);
                a[i][j] = -h / 2 * rule[1][j] * N01.density(y + k - u - delta);
            }
            a[i][r] = -N01.cumulativeProbability(k - u - delta);
            a[i][i] += 1;
            a[i][m] = 1;
        }
        for (int c = 0; c < m; c++) {
            for (int i = c + 1; i < m; i++) {
                double f = a[i][c] / a[c][c];
                for (int j = c; j <= m; j++) a[i][j] -= f * a[c][j];
            }
        }
        double[] s = new double[m];
        for (int i = m - 1; i >= 0; i--) {
            double v = a[i][m];
            for (int j = i + 1; j < m; j++) v -= a[i][j] * s[j];
            s[i] = v / a[i][i];
        }
        return s[r];
    }
}
