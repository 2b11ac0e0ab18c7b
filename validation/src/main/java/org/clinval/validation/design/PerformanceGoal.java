package org.clinval.validation.design;

import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.clinval.validation.Checks;
import org.clinval.validation.ConfidenceLevel;

/**
 * Exact binomial test of a proportion against a performance goal (single-arm studies: "the lower
 * bound of sensitivity exceeds 80%").
 *
 * <p>{@code H0: p <= p0}; the one-sided p-value is {@code P(X >= x) = 1 − F(x − 1; n, p0)} (1 at
 * {@code x = 0}). The lower bound is the one-sided Clopper–Pearson bound {@code B(1 − level; x, n −
 * x + 1)}, the {@code 1 − level} quantile of a beta distribution, 0 at {@code x = 0} (Clopper &amp;
 * Pearson 1934, Biometrika 26(4):404–413, doi:10.1093/biomet/26.4.404). Both equal R's {@code
 * binom.test(x, n, p0, alternative = "greater", conf.level = level)}: its {@code p.value} and
 * {@code conf.int[1]}. The level is one-sided: a one-sided 97.5% bound is the lower end of the
 * two-sided 95% interval.
 */
public final class PerformanceGoal {

    private static final String METHOD =
            "exact binomial test, H0: p <= goal; one-sided Clopper-Pearson lower bound";

    private PerformanceGoal() {}

    /**
     * Tests {@code successes} out of {@code trials} against {@code goal}.
     *
     * @param goal the performance goal, in (0, 1)
     * @param level one-sided confidence level of the lower bound
     * @throws IllegalArgumentException if the counts are inconsistent, {@code trials} is 0 or above
     *     {@link Integer#MAX_VALUE}, or the goal is not in (0, 1)
     */
    public static PerformanceGoalResult exactBinomial(
            long successes, long trials, double goal, ConfidenceLevel level) {
        Checks.counts("successes", successes, "trials", trials);
        Checks.openUnit("performance goal", goal);
        if (trials == 0 || trials > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "the exact binomial test needs 1 to 2^31 − 1 trials: " + trials);
        }
        int n = (int) trials;
        int x = (int) successes;
        double p = x == 0 ? 1 : BinomialDistribution.of(n, goal).survivalProbability(x - 1);
        double lower =
                x == 0
                        ? 0
                        : BetaDistribution.of(x, n - x + 1)
                                .inverseCumulativeProbability(level.alpha());
        return new PerformanceGoalResult(
                successes, trials, goal, (double) x / n, p, lower, level, METHOD);
    }
}
