package org.clinval.validation.interval;

import org.apache.commons.statistics.distribution.BetaDistribution;
import org.clinval.validation.Checks;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Interval;

/**
 * Two-sided confidence intervals for a binomial proportion {@code x / n}.
 *
 * <p>Each method is defined for {@code n >= 1}; {@code n = 0} has no interval and is rejected, so
 * callers decide how to report an undefined proportion (see {@link Proportion}). Reference: Brown,
 * Cai, DasGupta (2001), Interval estimation for a binomial proportion, Statistical Science 16(2),
 * doi:10.1214/ss/1009213286.
 */
public enum BinomialInterval {
    /**
     * Wilson score interval without continuity correction: {@code (p + z²/2n ± z·sqrt(p(1-p)/n +
     * z²/4n²)) / (1 + z²/n)}. Equals R's {@code prop.test(x, n, correct = FALSE)$conf.int}.
     */
    WILSON("wilson") {
        @Override
        Interval interval(long x, long n, ConfidenceLevel level) {
            double z = level.z();
            double p = (double) x / n;
            double z2n = z * z / n;
            double centre = (p + z2n / 2) / (1 + z2n);
            double half = z / (1 + z2n) * Math.sqrt(p * (1 - p) / n + z2n / (4.0 * n));
            // At x = 0 or x = n the bound is exactly 0 or 1; avoid rounding just inside it.
            double lower = x == 0 ? 0 : centre - half;
            double upper = x == n ? 1 : centre + half;
            return new Interval(lower, upper).clip(0, 1);
        }
    },
    /**
     * Clopper–Pearson exact interval from beta quantiles: {@code [B(α/2; x, n-x+1), B(1-α/2; x+1,
     * n-x)]}, with 0 at {@code x = 0} and 1 at {@code x = n}. Equals R's {@code binom.test(x,
     * n)$conf.int}.
     */
    CLOPPER_PEARSON("clopper_pearson") {
        @Override
        Interval interval(long x, long n, ConfidenceLevel level) {
            double a = level.alpha() / 2;
            double lower = x == 0 ? 0 : beta(x, n - x + 1).inverseCumulativeProbability(a);
            double upper = x == n ? 1 : beta(x + 1, n - x).inverseSurvivalProbability(a);
            return new Interval(lower, upper);
        }
    },
    /**
     * Jeffreys interval: equal-tailed quantiles of the {@code Beta(x + 1/2, n - x + 1/2)}
     * posterior, with the lower bound set to 0 at {@code x = 0} and the upper to 1 at {@code x = n}
     * (Brown, Cai, DasGupta 2001, section 4.1.2).
     */
    JEFFREYS("jeffreys") {
        @Override
        Interval interval(long x, long n, ConfidenceLevel level) {
            double a = level.alpha() / 2;
            BetaDistribution posterior = beta(x + 0.5, n - x + 0.5);
            double lower = x == 0 ? 0 : posterior.inverseCumulativeProbability(a);
            double upper = x == n ? 1 : posterior.inverseSurvivalProbability(a);
            return new Interval(lower, upper);
        }
    };

    private final String key;

    BinomialInterval(String key) {
        this.key = key;
    }

    /** Returns the method's machine-readable name, e.g. {@code clopper_pearson}. */
    public String key() {
        return key;
    }

    /**
     * Returns the two-sided interval for {@code x} successes in {@code n} trials.
     *
     * @throws IllegalArgumentException if {@code n < 1} or {@code x} is not in {@code [0, n]}
     */
    public Interval compute(long x, long n, ConfidenceLevel level) {
        Checks.counts("successes", x, "trials", n);
        if (n == 0) {
            throw new IllegalArgumentException(
                    "a binomial interval needs at least one trial: n = 0");
        }
        return interval(x, n, level);
    }

    abstract Interval interval(long x, long n, ConfidenceLevel level);

    private static BetaDistribution beta(double alpha, double beta) {
        return BetaDistribution.of(alpha, beta);
    }

    /** Parses a method name such as {@code wilson}, {@code clopper-pearson} or {@code exact}. */
    public static BinomialInterval parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT).replace('-', '_');
        return switch (t) {
            case "wilson", "wilson_score" -> WILSON;
            case "clopper_pearson", "exact" -> CLOPPER_PEARSON;
            case "jeffreys" -> JEFFREYS;
            default ->
                    throw new IllegalArgumentException(
                            "binomial interval method is not one of wilson, clopper-pearson, jeffreys: "
                                    + text);
        };
    }
}
