package org.clinval.validation;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A two-sided confidence level in the open interval (0, 1), such as 0.95.
 *
 * @param value the level
 */
public record ConfidenceLevel(double value) {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    public ConfidenceLevel {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException("confidence level is not in (0, 1): " + value);
        }
    }

    /** Returns the level for {@code value}, checking it is in (0, 1). */
    public static ConfidenceLevel of(double value) {
        return new ConfidenceLevel(value);
    }

    /** Returns {@code alpha = 1 - level}. */
    public double alpha() {
        return 1 - value;
    }

    /** Returns the standard normal quantile {@code z(1 - alpha/2)}, e.g. 1.959964 for 0.95. */
    public double z() {
        return STANDARD_NORMAL.inverseSurvivalProbability(alpha() / 2);
    }
}
