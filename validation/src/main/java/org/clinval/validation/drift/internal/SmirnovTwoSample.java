package org.clinval.validation.drift.internal;

/**
 * The exact two-sided null distribution of the two-sample Kolmogorov–Smirnov statistic, as scipy
 * 1.10's {@code ks_2samp} computes it: Hodges' lattice-path count (Hodges 1958, Ark Mat 3:469–486)
 * for unequal sizes, in the numerically stable {@code 1 − p} recursion of Viehmann
 * (arXiv:2102.08037), and the closed form of Gnedenko–Korolyuk for equal sizes.
 */
public final class SmirnovTwoSample {

    private SmirnovTwoSample() {}

    /**
     * Returns {@code P(D ≥ h / lcm(n1, n2))} under the null hypothesis, or NaN if the recursion
     * left [0, 1] (scipy then falls back to the asymptotic distribution).
     *
     * @param n1 first sample size, {@code > 0}
     * @param n2 second sample size, {@code > 0}
     * @param h the statistic times {@code lcm(n1, n2)}, {@code 0 ≤ h ≤ lcm}
     */
    public static double sf(int n1, int n2, long h) {
        if (h == 0) {
            return 1.0;
        }
        long g = gcd(n1, n2);
        double p = n1 == n2 ? outsideSquare(n1, h) : outerInside(n1, n2, g, h);
        return p >= 0 && p <= 1 ? p : Double.NaN;
    }

    static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** scipy {@code _compute_prob_outside_square(n, h)}: {@code P(D_{n,n} ≥ h/n)}. */
    private static double outsideSquare(long n, long h) {
        double p = 0;
        long k = n / h;
        while (k >= 0) {
            double p1 = 1;
            for (long j = 0; j < h; j++) {
                p1 = (n - k * h - j) * p1 / (n + k * h + j + 1);
            }
            p = p1 * (1 - p);
            k--;
        }
        return 2 * p;
    }

    /** scipy {@code _compute_outer_prob_inside_method(m, n, g, h)}. */
    private static double outerInside(long m, long n, long g, long h) {
        if (m < n) {
            long t = m;
            m = n;
            n = t;
        }
        long mg = m / g;
        long ng = n / g;
        long minj = 0;
        long maxj = Math.min((long) Math.ceil((double) h / mg), n + 1);
        long curlen = maxj - minj;
        int lenA = (int) Math.min(2 * maxj + 2, n + 1);
        double[] a = new double[lenA];
        java.util.Arrays.fill(a, 1.0);
        for (long j = minj; j < maxj; j++) {
            a[(int) j] = 0;
        }
        for (long i = 1; i <= m; i++) {
            long lastminj = minj;
            long lastlen = curlen;
            minj = Math.max((long) Math.floor((double) (ng * i - h) / mg) + 1, 0);
            minj = Math.min(minj, n);
            maxj = Math.min((long) Math.ceil((double) (ng * i + h) / mg), n + 1);
            if (maxj <= minj) {
                return 1.0;
            }
            double val = minj == 0 ? 0.0 : 1.0;
            for (long jj = 0; jj < maxj - minj; jj++) {
                long j = jj + minj;
                val = (a[(int) (jj + minj - lastminj)] * i + val * j) / (i + j);
                a[(int) jj] = val;
            }
            curlen = maxj - minj;
            if (lastlen > curlen) {
                for (long r = maxj - minj; r < maxj - minj + (lastlen - curlen) && r < lenA; r++) {
                    a[(int) r] = 1;
                }
            }
        }
        return a[(int) (maxj - minj - 1)];
    }
}
