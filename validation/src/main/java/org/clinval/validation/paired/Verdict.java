package org.clinval.validation.paired;

import java.util.Optional;
import org.clinval.validation.Checks;
import org.clinval.validation.Interval;

/**
 * The non-inferiority verdict of a change: the candidate stays within the plan when the lower bound
 * of the two-sided interval of {@code candidate − baseline} exceeds {@code −margin} (strictly); a
 * comparison without an interval is undefined, never a pass or a fail.
 */
public enum Verdict {
    /** The lower bound of the difference's interval is above {@code −margin}. */
    WITHIN_PLAN,
    /** The lower bound is at or below {@code −margin}. */
    OUTSIDE_PLAN,
    /** No interval could be computed (e.g. no positive cases). */
    UNDEFINED;

    /**
     * Returns the verdict for the interval {@code ci} of {@code candidate − baseline}.
     *
     * @param margin the non-inferiority margin, {@code >= 0}
     */
    public static Verdict of(Optional<Interval> ci, double margin) {
        Checks.finite("margin", margin);
        if (margin < 0) throw new IllegalArgumentException("margin is negative: " + margin);
        if (ci.isEmpty()) return UNDEFINED;
        return ci.get().lower() > -margin ? WITHIN_PLAN : OUTSIDE_PLAN;
    }

    /** Returns the verdict as written in documents: {@code within plan}, {@code outside plan}. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
