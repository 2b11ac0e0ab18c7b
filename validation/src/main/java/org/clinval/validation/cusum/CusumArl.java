package org.clinval.validation.cusum;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.clinval.validation.Checks;

/**
 * Zero-state average run lengths of CUSUM charts on standardised normal observations {@code z ~
 * N(δ, 1)}, in the σ units of {@link CusumChart}.
 *
 * <p>One-sided (upper) chart {@code S_t = max(0, S_{t−1} + z_t − k)}, alarm when {@code S_t > h}:
 * the ARL {@code L(u)} from a head start {@code u} solves Page's integral equation
 *
 * <pre>
 * L(u) = 1 + Φ(k − u − δ)·L(0) + ∫_0^h L(y)·φ(y + k − u − δ) dy,   0 ≤ u ≤ h,
 * </pre>
 *
 * solved by the Nyström method with Gauss–Legendre quadrature on {@code [0, h]} ({@value #NODES}
 * nodes; the atom at 0 is carried as its own unknown). This is the method of Knoth's R package
 * {@code spc} ({@code xcusum.arl}), which FDA's AIM-CU calls (Vance 1986, J Qual Technol
 * 18:189–193). The integrand is smooth on {@code [0, h]}, so the quadrature converges
 * geometrically; from 40 nodes on the ARL changes by less than 1e-8 relative.
 *
 * <p>Two-sided chart (upper and lower with the same {@code k}, {@code h}): {@code 1/L = 1/L⁺(δ) +
 * 1/L⁺(−δ)} (Lucas and Crosier 1982, Technometrics 24:199–205; Siegmund 1985, Sequential Analysis).
 * It is exact when the two sides cannot both be positive and otherwise a close approximation. The
 * tests check the one-sided ARL against the Markov chain of Brook and Evans (1972, Biometrika
 * 59:539–549) and the two-sided ARLs against a Monte Carlo simulation of the two-sided chart.
 */
public final class CusumArl {

    /** Gauss–Legendre nodes on {@code [0, h]}. */
    public static final int NODES = 64;

    private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);
    private static final double[][] RULE = GaussLegendre.rule(NODES);

    private CusumArl() {}

    /**
     * Returns the zero-state ARL of the upper one-sided chart when the standardised mean is {@code
     * delta}.
     *
     * @param k reference value in σ units, {@code ≥ 0}
     * @param h decision interval in σ units, {@code > 0}
     * @param delta the mean of the standardised observations, {@code (μ − μ0)/σ}
     */
    public static double oneSided(double k, double h, double delta) {
        check(k, h, delta);
        double[] x = RULE[0];
        double[] w = RULE[1];
        int r = x.length;
        double[] y = new double[r];
        double[] wy = new double[r];
        for (int j = 0; j < r; j++) {
            y[j] = h / 2 * (x[j] + 1);
            wy[j] = h / 2 * w[j];
        }
        // Unknowns 0..r−1: L(y_j); unknown r: L(0). Row i < r is the equation at u = y_i, row r at
        // u = 0.
        int m = r + 1;
        double[][] a = new double[m][m + 1];
        for (int i = 0; i < m; i++) {
            double u = i < r ? y[i] : 0;
            for (int j = 0; j < r; j++) {
                a[i][j] = -wy[j] * STANDARD.density(y[j] + k - u - delta);
            }
            a[i][r] = -STANDARD.cumulativeProbability(k - u - delta);
            a[i][i] += 1;
            a[i][m] = 1;
        }
        return solve(a)[r];
    }

    /**
     * Returns the zero-state ARL of the two-sided chart, {@code 1 / (1/L⁺(δ) + 1/L⁺(−δ))}.
     *
     * @param k reference value in σ units, {@code ≥ 0}
     * @param h decision interval in σ units, {@code > 0}
     * @param delta the mean of the standardised observations, {@code (μ − μ0)/σ}
     */
    public static double twoSided(double k, double h, double delta) {
        double upper = oneSided(k, h, delta);
        double lower = oneSided(k, h, -delta);
        return 1 / (1 / upper + 1 / lower);
    }

    private static void check(double k, double h, double delta) {
        if (!(k >= 0) || Double.isInfinite(k)) {
            throw new IllegalArgumentException("k is not a non-negative finite number: " + k);
        }
        Checks.positive("h", h);
        Checks.finite("delta", delta);
    }

    /** Gaussian elimination with partial pivoting on the augmented matrix {@code a}. */
    private static double[] solve(double[][] a) {
        int m = a.length;
        for (int c = 0; c < m; c++) {
            int p = c;
            for (int i = c + 1; i < m; i++) {
                if (Math.abs(a[i][c]) > Math.abs(a[p][c])) {
                    p = i;
                }
            }
            double[] t = a[c];
            a[c] = a[p];
            a[p] = t;
            for (int i = c + 1; i < m; i++) {
                double f = a[i][c] / a[c][c];
                if (f != 0) {
                    for (int j = c; j <= m; j++) {
                        a[i][j] -= f * a[c][j];
                    }
                }
            }
        }
        double[] s = new double[m];
        for (int i = m - 1; i >= 0; i--) {
            double v = a[i][m];
            for (int j = i + 1; j < m; j++) {
                v -= a[i][j] * s[j];
            }
            s[i] = v / a[i][i];
        }
        return s;
    }
}
