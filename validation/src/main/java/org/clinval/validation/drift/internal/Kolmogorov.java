package org.clinval.validation.drift.internal;

/**
 * The survival function of the one-sample two-sided Kolmogorov–Smirnov statistic {@code D_n},
 * ported from scipy 1.10 ({@code scipy.stats.kstwo.sf}, module {@code _ksstats}) with the same
 * choice of method by {@code n} and {@code n·x²} (Simard and L'Ecuyer 2011, J Stat Softw 39(11)):
 * Ruben–Gambino closed forms at the ends, the Durbin matrix in the form of Marsaglia, Tsang and
 * Wang (2003, J Stat Softw 8(18)), the Pelz–Good expansion (1976, JRSS B 38:152–156), and twice the
 * one-sided Smirnov distribution by the Birnbaum–Tingey sum (scipy {@code smirnov}).
 *
 * <p>One departure: where scipy uses Pomeranz's recursion ({@code n ≤ 140}, {@code 0.754693 < n·x²
 * ≤ 4}) this uses the Durbin matrix, which is also exact; the two agree to rounding.
 */
public final class Kolmogorov {

    private static final double MIN_LOG = -7.08396418532264106224e2;
    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private static final double PI2 = Math.PI * Math.PI;
    private static final double PI4 = PI2 * PI2;
    private static final double PI6 = PI4 * PI2;
    private static final double SQRT3 = Math.sqrt(3);
    private static final double EP128 = Math.scalb(1.0, 128);
    private static final double EM128 = Math.scalb(1.0, -128);
    private static final double[] STIRLING = {
        -2.955065359477124183e-2, 6.4102564102564102564e-3,
        -1.9175269175269175269e-3, 8.4175084175084175084e-4,
        -5.952380952380952381e-4, 7.9365079365079365079e-4,
        -2.7777777777777777778e-3, 8.3333333333333333333e-2
    };

    private Kolmogorov() {}

    /** Returns {@code P(D_n ≥ x)} (scipy {@code kstwo.sf(x, n)}). */
    public static double sf(int n, double x) {
        if (n <= 0) {
            throw new IllegalArgumentException("n is not positive: " + n);
        }
        if (x >= 1) {
            return 0;
        }
        if (x <= 0) {
            return 1;
        }
        double t = n * x;
        if (t <= 1) {
            if (t <= 0.5) {
                return 1;
            }
            double cdf;
            if (n <= 140) {
                cdf = 1;
                for (int i = 1; i <= n; i++) {
                    cdf *= i * (1.0 / n) * (2 * t - 1);
                }
            } else {
                cdf = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
            }
            return clip(1 - cdf);
        }
        if (t >= n - 1) {
            return clip(2 * Math.pow(1 - x, n));
        }
        if (x >= 0.5) {
            return clip(2 * smirnov(n, x));
        }
        double nxSquared = t * x;
        if (n <= 140) {
            if (nxSquared <= 4) {
                return clip(1 - durbinCdf(n, x));
            }
            return clip(2 * smirnov(n, x));
        }
        if (nxSquared >= 370) {
            return 0;
        }
        if (nxSquared >= 2.2) {
            return clip(2 * smirnov(n, x));
        }
        double cdf =
                n <= 100000 && n * Math.pow(x, 1.5) <= 1.4 ? durbinCdf(n, x) : pelzGoodCdf(n, x);
        return clip(1 - cdf);
    }

    private static double clip(double p) {
        return Math.max(0, Math.min(1, p));
    }

    /** {@code log(n! / n^n)} by Stirling's series (scipy {@code _log_nfactorial_div_n_pow_n}). */
    private static double logFactorialOverPower(int n) {
        double rn = 1.0 / n;
        double x = rn / n;
        double poly = 0;
        for (double c : STIRLING) {
            poly = poly * x + c;
        }
        return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
    }

    /** Durbin's matrix, Marsaglia–Tsang–Wang form (scipy {@code _kolmogn_DMTW}): the CDF. */
    static double durbinCdf(int n, double d) {
        if (d >= 1) {
            return 1;
        }
        double nd = n * d;
        if (nd <= 0.5) {
            return 0;
        }
        int k = (int) Math.ceil(nd);
        double h = k - nd;
        int m = 2 * k - 1;
        double[] v = new double[m];
        double[] w = new double[m];
        double fac = 1;
        for (int j = 1; j <= m; j++) {
            v[j - 1] = 1 - Math.pow(h, j);
            w[j - 1] = fac;
            fac /= j;
            v[j - 1] *= fac;
        }
        double tt = Math.pow(Math.max(2 * h - 1, 0), m) - 2 * Math.pow(h, m);
        v[m - 1] = (1 + tt) * fac;
        double[][] hm = new double[m][m];
        for (int i = 1; i < m; i++) {
            for (int r = i - 1; r < m; r++) {
                hm[r][i] = w[r - (i - 1)];
            }
        }
        for (int r = 0; r < m; r++) {
            hm[r][0] = v[r];
        }
        for (int c = 0; c < m; c++) {
            hm[m - 1][c] = v[m - 1 - c];
        }
        double[][] power = new double[m][m];
        for (int i = 0; i < m; i++) {
            power[i][i] = 1;
        }
        int nn = n;
        int exponent = 0;
        int hExponent = 0;
        while (nn > 0) {
            if (nn % 2 == 1) {
                power = multiply(power, hm);
                exponent += hExponent;
            }
            hm = multiply(hm, hm);
            hExponent *= 2;
            if (Math.abs(hm[k - 1][k - 1]) > EP128) {
                for (double[] row : hm) {
                    for (int c = 0; c < m; c++) {
                        row[c] /= EP128;
                    }
                }
                hExponent += 128;
            }
            nn /= 2;
        }
        double p = power[k - 1][k - 1];
        for (int i = 1; i <= n; i++) {
            p = i * p / n;
            if (Math.abs(p) < EM128) {
                p *= EP128;
                exponent -= 128;
            }
        }
        return exponent != 0 ? Math.scalb(p, exponent) : p;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int m = a.length;
        double[][] c = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int l = 0; l < m; l++) {
                double ail = a[i][l];
                if (ail != 0) {
                    for (int j = 0; j < m; j++) {
                        c[i][j] += ail * b[l][j];
                    }
                }
            }
        }
        return c;
    }

    /** The Pelz–Good approximation to the CDF (scipy {@code _kolmogn_PelzGood}). */
    static double pelzGoodCdf(int n, double x) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double z = Math.sqrt(n) * x;
        double z2 = z * z;
        double z3 = z * z * z;
        double z4 = z2 * z2;
        double z6 = z4 * z2;
        double qlog = -PI2 / 8 / z2;
        if (qlog < -708) {
            return 0;
        }
        double q = Math.exp(qlog);
        double k1a = -z2;
        double k1b = PI2 / 4;
        double k2a = 6 * z6 + 2 * z4;
        double k2b = (2 * z4 - 5 * z2) * PI2 / 4;
        double k2c = PI4 * (1 - 2 * z2) / 16;
        double k3d = PI6 * (5 - 30 * z2) / 64;
        double k3c = PI4 * (-60 * z2 + 212 * z4) / 16;
        double k3b = PI2 * (135 * z4 - 96 * z6) / 4;
        double k3a = -30 * z6 - 90 * Math.pow(z, 8);
        double[] sum = new double[4];
        int maxk = (int) Math.ceil(16 * z / Math.PI);
        for (int k = maxk; k > 0; k--) {
            double m = 2 * k - 1;
            double m2 = m * m;
            double m4 = m2 * m2;
            double m6 = m4 * m2;
            double qpower = Math.pow(q, 8 * k);
            sum[0] = sum[0] * qpower + 1.0;
            sum[1] = sum[1] * qpower + (k1a + k1b * m2);
            sum[2] = sum[2] * qpower + (k2a + k2b * m2 + k2c * m4);
            sum[3] = sum[3] * qpower + (k3a + k3b * m2 + k3c * m4 + k3d * m6);
        }
        double[] div = {z, 6 * z4, 72 * Math.pow(z, 7), 6480 * Math.pow(z, 10)};
        for (int i = 0; i < 4; i++) {
            sum[i] = sum[i] * q * SQRT_2PI / div[i];
        }
        double q2 = Math.exp(-PI2 / 2 / z2);
        double k2extra = 0;
        double k3extra = 0;
        for (int k = maxk; k > 0; k--) {
            double ksq = (double) k * k;
            double qp = Math.pow(q2, ksq);
            k2extra += ksq * qp;
            double kpi = Math.PI * k;
            k3extra += (SQRT3 * z + kpi) * (SQRT3 * z - kpi) * ksq * qp;
        }
        sum[2] += k2extra * (PI2 * SQRT_2PI / (-36 * z3));
        sum[3] += k3extra * (PI2 * SQRT_2PI / (216 * z6));
        double cdf = 0;
        for (int i = 0; i < 4; i++) {
            cdf += sum[i] / Math.pow(n, i / 2.0);
        }
        return cdf;
    }

    /**
     * The one-sided Smirnov survival function {@code P(D_n⁺ ≥ x)} by the Birnbaum–Tingey sum {@code
     * x Σ_{j=0}^{⌊n(1−x)⌋} C(n, j) (x + j/n)^{j−1} (1 − x − j/n)^{n−j}} (scipy {@code smirnov},
     * which sums in double-double; here each positive term is formed in logarithms).
     */
    static double smirnov(int n, double x) {
        if (n == 1) {
            return 1 - x;
        }
        if (x == 0) {
            return 1;
        }
        if (x == 1) {
            return 0;
        }
        double nx = n * x;
        double nxErr = Math.fma(n, x, -nx);
        double floor = Math.floor(nx);
        double alpha = (nx - floor) + nxErr;
        if (alpha < 0) {
            floor -= 1;
            alpha += 1;
        } else if (alpha >= 1) {
            floor += 1;
            alpha -= 1;
        }
        int nxfl = (int) floor;
        int n1mxfl = n - nxfl - (alpha == 0 ? 0 : 1);
        if (alpha == 0) {
            n1mxfl -= 1;
        }
        if (nxfl == 0 || (nxfl == 1 && alpha == 0)) {
            return 1 - x * Math.pow(1 + x, n - 1);
        }
        if (-2 * n * x * x < MIN_LOG) {
            return 0;
        }
        if (nxfl >= n - 1) {
            return Math.pow(1 - x, n);
        }
        if (n > 1_000_000) {
            double logp = -Math.pow(6.0 * n * x + 1, 2) / 18.0 / n;
            return logp < -Math.log(2) ? Math.exp(logp) : 1 + Math.expm1(logp);
        }
        int terms = n1mxfl + 1;
        double sum = 0;
        double logBinomial = 0;
        for (int j = 0; j < terms; j++) {
            double term =
                    Math.exp(
                            logBinomial
                                    + (j - 1) * Math.log(x + (double) j / n)
                                    + (n - j) * Math.log((double) (n - j) / n - x));
            sum += term;
            if (term == 0 && j > n / 2) {
                break;
            }
            if (term != 0 && 4.0 * (terms - j) * term < Math.ulp(1.0) * sum && j != terms - 1) {
                break;
            }
            logBinomial += Math.log((double) (n - j) / (j + 1));
        }
        return Math.max(0, Math.min(1, x * sum));
    }
}
