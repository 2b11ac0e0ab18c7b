package org.clinval.validation.drift;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.clinval.validation.Checks;
import org.clinval.validation.drift.internal.Kolmogorov;
import org.clinval.validation.drift.internal.SmirnovTwoSample;

/**
 * The two-sample Kolmogorov–Smirnov test, two-sided, exactly as {@code
 * scipy.stats.ks_2samp(baseline, current)} computes it by default ({@code method='auto'}, scipy
 * 1.10):
 *
 * <ul>
 *   <li>{@code D = max_x |F_b(x) − F_c(x)|} over the pooled values, ties included in both empirical
 *       distribution functions ({@code searchsorted(side='right')});
 *   <li>when {@code max(n_b, n_c) ≤ }{@value #MAX_EXACT_N}: the exact null distribution of the
 *       lattice-path count (Hodges 1958). scipy rounds {@code D} to the lattice, {@code h = round(D
 *       · lcm(n_b, n_c))}, reports {@code D = h / lcm}, and computes {@code P(D ≥ h/lcm)} as if
 *       there were no ties; with ties the p-value is therefore conservative;
 *   <li>otherwise (or if the exact recursion fails): {@code p = kstwo.sf(D, round(n_b n_c / (n_b +
 *       n_c)))}, the one-sample distribution at the effective sample size (round half to even).
 * </ul>
 *
 * <p>The null distributions are ported from scipy rather than taken from Commons Statistics'
 * inference module (not a dependency here) so that the lattice rounding, the treatment of ties and
 * the effective-size approximation are scipy's.
 */
public final class KolmogorovSmirnov {

    /** Largest sample size for which scipy's 'auto' method computes the exact p-value. */
    public static final int MAX_EXACT_N = 10_000;

    /** The method named when the p-value is exact. */
    public static final String METHOD_EXACT =
            "two-sample Kolmogorov-Smirnov, two-sided, exact p (scipy ks_2samp method='auto')";

    /** The method named when the p-value is asymptotic. */
    public static final String METHOD_ASYMPTOTIC =
            "two-sample Kolmogorov-Smirnov, two-sided, p = kstwo.sf(D, round(mn/(m+n))) (scipy"
                    + " ks_2samp method='auto', max(m, n) > 10000)";

    private KolmogorovSmirnov() {}

    /**
     * Returns the statistic and p-value, undefined when either sample is empty.
     *
     * @throws IllegalArgumentException if a value is not finite
     */
    public static DriftResult of(double[] baseline, double[] current) {
        Checks.allFinite("baseline", baseline);
        Checks.allFinite("current", current);
        int n1 = baseline.length;
        int n2 = current.length;
        String empty = DriftResult.emptySample(n1, n2);
        if (empty != null) {
            return DriftResult.undefined(DriftTest.KS, n1, n2, METHOD_EXACT, empty);
        }
        double d = statistic(baseline, current);
        if (Math.max(n1, n2) <= MAX_EXACT_N) {
            long lcm = (long) (n1 / gcd(n1, n2)) * n2;
            long h = (long) Math.rint(d * lcm);
            double p = SmirnovTwoSample.sf(n1, n2, h);
            if (!Double.isNaN(p)) {
                return result(h * 1.0 / lcm, p, n1, n2, METHOD_EXACT);
            }
        }
        double m = Math.max(n1, n2);
        double n = Math.min(n1, n2);
        int en = (int) Math.rint(m * n / (m + n));
        return result(d, Kolmogorov.sf(en, d), n1, n2, METHOD_ASYMPTOTIC);
    }

    private static DriftResult result(double d, double p, int n1, int n2, String method) {
        return new DriftResult(
                DriftTest.KS,
                OptionalDouble.of(d),
                OptionalDouble.of(Math.max(0, Math.min(1, p))),
                OptionalInt.empty(),
                n1,
                n2,
                method,
                Optional.empty());
    }

    /** {@code max |F_1 − F_2|} evaluated at every pooled value. */
    static double statistic(double[] a, double[] b) {
        double[] x = a.clone();
        double[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        int i = 0;
        int j = 0;
        double max = 0;
        double min = 0;
        while (i < x.length || j < y.length) {
            double v = j >= y.length || (i < x.length && x[i] <= y[j]) ? x[i] : y[j];
            while (i < x.length && x[i] <= v) i++;
            while (j < y.length && y[j] <= v) j++;
            double diff = (double) i / x.length - (double) j / y.length;
            max = Math.max(max, diff);
            min = Math.min(min, diff);
        }
        return Math.max(max, -min);
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
