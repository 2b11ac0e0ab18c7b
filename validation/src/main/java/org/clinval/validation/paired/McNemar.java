package org.clinval.validation.paired;

import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.clinval.validation.design.PairedCounts;

/**
 * McNemar's test of marginal homogeneity of a paired 2×2 table (McNemar 1947, Psychometrika
 * 12(2):153–157, doi:10.1007/BF02295996), as R's {@code mcnemar.test(x, correct)}.
 *
 * <p>With {@code b} pairs positive by the new test only and {@code c} by the reference only:
 *
 * <pre>
 * X² = (|b − c| − k)² / (b + c),   p = P(χ²₁ >= X²),
 * </pre>
 *
 * with {@code k = 1} under Edwards' continuity correction and {@code k = 0} without. As in R, the
 * correction is applied only when {@code b ≠ c} (with {@code b = c} the statistic is 0 either way).
 * Without discordant pairs ({@code b = c = 0}) the statistic is 0/0: undefined, where R gives NaN.
 */
public enum McNemar {
    /** {@code X² = (b − c)² / (b + c)}: R's {@code mcnemar.test(x, correct = FALSE)}. */
    UNCORRECTED(false),
    /** {@code X² = (|b − c| − 1)² / (b + c)}: R's {@code mcnemar.test(x, correct = TRUE)}. */
    CONTINUITY_CORRECTED(true);

    private static final ChiSquaredDistribution CHI2_1 = ChiSquaredDistribution.of(1);

    private final boolean corrected;

    McNemar(boolean corrected) {
        this.corrected = corrected;
    }

    /** Tests {@code counts}; only the discordant cells enter. */
    public McNemarResult test(PairedCounts counts) {
        long b = counts.newOnly();
        long c = counts.referenceOnly();
        if (b + c == 0) {
            return new McNemarResult(
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    corrected,
                    Optional.of(
                            "McNemar's statistic is 0/0 without discordant pairs"
                                    + " (newOnly = referenceOnly = 0)"));
        }
        double k = corrected && b != c ? 1 : 0;
        double d = Math.abs((double) b - c) - k;
        double statistic = d * d / (b + c);
        return new McNemarResult(
                OptionalDouble.of(statistic),
                OptionalDouble.of(CHI2_1.survivalProbability(statistic)),
                corrected,
                Optional.empty());
    }
}
