package org.clinval.validation;

/**
 * A closed interval {@code [lower, upper]} of finite bounds.
 *
 * @param lower lower bound
 * @param upper upper bound, not below {@code lower}
 */
public record Interval(double lower, double upper) {

    public Interval {
        if (!Double.isFinite(lower) || !Double.isFinite(upper)) {
            throw new IllegalArgumentException(
                    "interval bounds must be finite: [" + lower + ", " + upper + "]");
        }
        if (lower > upper) {
            throw new IllegalArgumentException(
                    "interval lower bound exceeds upper: [" + lower + ", " + upper + "]");
        }
    }

    /** Returns the interval clipped to {@code [min, max]}. */
    public Interval clip(double min, double max) {
        return new Interval(
                Math.min(max, Math.max(min, lower)), Math.max(min, Math.min(max, upper)));
    }

    /** Returns {@code upper - lower}. */
    public double width() {
        return upper - lower;
    }

    /** Returns whether {@code value} lies in the closed interval. */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }
}
