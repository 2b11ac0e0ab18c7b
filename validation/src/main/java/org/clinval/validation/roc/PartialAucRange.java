package org.clinval.validation.roc;

/**
 * The range of a partial AUC: an interval of specificity or of sensitivity, as pROC's {@code
 * partial.auc = c(upper, lower)} with {@code partial.auc.focus}.
 *
 * @param focus the axis the range is on
 * @param lower lower end, in [0, 1]
 * @param upper upper end, in [0, 1], greater than {@code lower}
 */
public record PartialAucRange(Focus focus, double lower, double upper) {

    /** The axis of a partial AUC's range. */
    public enum Focus {
        /** Area under sensitivity over a specificity range, pROC's default focus. */
        SPECIFICITY,
        /** Area under specificity over a sensitivity range. */
        SENSITIVITY
    }

    /**
     * @throws IllegalArgumentException if an end is NaN or outside [0, 1], or {@code upper} is not
     *     greater than {@code lower} (a range of zero width or reversed ends)
     */
    public PartialAucRange {
        if (focus == null) throw new IllegalArgumentException("focus is null");
        if (!(lower >= 0 && lower <= 1)) {
            throw new IllegalArgumentException("lower end is not in [0, 1]: " + lower);
        }
        if (!(upper >= 0 && upper <= 1)) {
            throw new IllegalArgumentException("upper end is not in [0, 1]: " + upper);
        }
        if (!(upper > lower)) {
            throw new IllegalArgumentException(
                    "upper end must exceed lower end: [" + lower + ", " + upper + "]");
        }
    }

    /** Returns {@code upper − lower}, McClish's maximal partial AUC. */
    public double width() {
        return upper - lower;
    }

    /**
     * Returns the partial AUC of the chance diagonal, McClish's minimum: {@code (upper − lower)·(2
     * − upper − lower)/2}; the same for both foci.
     */
    public double chanceArea() {
        return (upper - lower) * (2 - upper - lower) / 2;
    }
}
