package org.clinval.validation.design;

import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.clinval.validation.Checks;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Interval;

/**
 * Tango's score test and score interval for the difference of two paired proportions (Tango 1998,
 * Stat Med 17(8):891–908,
 * doi:10.1002/(SICI)1097-0258(19980430)17:8&lt;891::AID-SIM780&gt;3.0.CO;2-B).
 *
 * <p>With {@code b} cases positive by the new test only, {@code c} by the reference only and {@code
 * n} cases, the difference is {@code θ = (b − c)/n}. For {@code H0: θ = Δ} the statistic is
 *
 * <pre>
 * Z(Δ) = (b − c − nΔ) / sqrt(n·(2·q̂ + Δ(1 − Δ))),
 * q̂ = (−B + sqrt(B² − 4AC)) / (2A),  A = 2n,  B = −b − c + (2n − b + c)·Δ,  C = −c·Δ(1 − Δ),
 * </pre>
 *
 * where {@code q̂} is the maximum-likelihood estimate of the probability of the reference-only cell
 * under {@code H0}. Non-inferiority with margin {@code δ} tests {@code H0: θ <= −δ} at {@code Δ =
 * −δ} with the one-sided p-value {@code 1 − Φ(Z(−δ))}. At {@code δ = 0}, {@code Z = (b − c) /
 * sqrt(b + c)}, whose square is McNemar's statistic without continuity correction (R's {@code
 * mcnemar.test(table, correct = FALSE)}); there it is undefined when {@code b = c = 0}.
 *
 * <p>The interval is Tango's score interval: the {@code Δ} in [−1, 1] with {@code |Z(Δ)| <= z},
 * found by bisection on each side of {@code θ} ({@code Z} falls as {@code Δ} rises). Its ends are
 * −1 when {@code c = n} and 1 when {@code b = n}. Non-inferiority at one-sided level {@code 1 −
 * α/2} holds exactly when the lower end of the two-sided {@code 1 − α} interval exceeds {@code −δ}.
 */
public final class Tango {

    private static final NormalDistribution N01 = NormalDistribution.of(0, 1);
    private static final String METHOD =
            "Tango (1998) score test, H0: p_new - p_ref <= -margin; Tango score interval";

    private Tango() {}

    /**
     * Tests non-inferiority of the new test to the reference with {@code margin}.
     *
     * @param margin the non-inferiority margin {@code δ}, in [0, 1)
     * @param level two-sided confidence level of the interval
     * @throws IllegalArgumentException if there are no cases or the margin is out of range
     */
    public static PairedNonInferiority nonInferiority(
            PairedCounts counts, double margin, ConfidenceLevel level) {
        if (!(margin >= 0 && margin < 1)) {
            throw new IllegalArgumentException("margin is not in [0, 1): " + margin);
        }
        long n = counts.n();
        if (n == 0) {
            throw new IllegalArgumentException("Tango's test needs at least one case: n = 0");
        }
        long b = counts.newOnly();
        long c = counts.referenceOnly();
        double difference = (double) (b - c) / n;
        Interval ci = interval(b, c, n, level.z());
        double newP = (double) (counts.both() + b) / n;
        double refP = (double) (counts.both() + c) / n;
        if (margin == 0 && b + c == 0) {
            return new PairedNonInferiority(
                    counts,
                    newP,
                    refP,
                    difference,
                    margin,
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    ci,
                    level,
                    METHOD,
                    Optional.of(
                            "Tango's statistic at margin 0 is 0/0 without discordant pairs"
                                    + " (newOnly = referenceOnly = 0)"));
        }
        double z = statistic(b, c, n, -margin);
        return new PairedNonInferiority(
                counts,
                newP,
                refP,
                difference,
                margin,
                OptionalDouble.of(z),
                OptionalDouble.of(N01.survivalProbability(z)),
                ci,
                level,
                METHOD,
                Optional.empty());
    }

    /**
     * Returns {@code Z(Δ)} (see the class comment); ±infinity where the variance vanishes and the
     * numerator does not, 0 where the numerator is 0.
     */
    public static double statistic(PairedCounts counts, double delta) {
        Checks.finite("delta", delta);
        if (!(delta >= -1 && delta <= 1)) {
            throw new IllegalArgumentException("delta is not in [-1, 1]: " + delta);
        }
        if (counts.n() == 0) {
            throw new IllegalArgumentException("Tango's test needs at least one case: n = 0");
        }
        return statistic(counts.newOnly(), counts.referenceOnly(), counts.n(), delta);
    }

    static double statistic(long b, long c, long n, double delta) {
        double numerator = b - c - n * delta;
        if (numerator == 0) {
            return 0;
        }
        double a = 2.0 * n;
        double bb = -b - c + (2.0 * n - b + c) * delta;
        double cc = -c * delta * (1 - delta);
        double q = (-bb + Math.sqrt(Math.max(0, bb * bb - 4 * a * cc))) / (2 * a);
        double variance = n * (2 * q + delta * (1 - delta));
        if (!(variance > 0)) {
            return numerator > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        return numerator / Math.sqrt(variance);
    }

    private static Interval interval(long b, long c, long n, double z) {
        double theta = (double) (b - c) / n;
        double lower = c == n ? -1 : root(b, c, n, z, -1, theta);
        double upper = b == n ? 1 : root(b, c, n, -z, theta, 1);
        return new Interval(
                Math.max(-1, Math.min(lower, theta)), Math.min(1, Math.max(upper, theta)));
    }

    /** Bisection for {@code Z(Δ) = target} on {@code [lo, hi]}, where {@code Z(lo) > target}. */
    private static double root(long b, long c, long n, double target, double lo, double hi) {
        for (int i = 0; i < 200 && hi - lo > 1e-15; i++) {
            double mid = 0.5 * (lo + hi);
            if (statistic(b, c, n, mid) > target) lo = mid;
            else hi = mid;
        }
        return 0.5 * (lo + hi);
    }
}
