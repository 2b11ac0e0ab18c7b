package org.clinval.validation.roc;

/**
 * One point of an empirical ROC curve: the decision "positive when the score is at or beyond {@code
 * threshold}" (at or above for {@link org.clinval.validation.Direction#HIGHER}, at or below for
 * {@link org.clinval.validation.Direction#LOWER}).
 *
 * @param threshold the threshold on the user's score scale; infinite only for the first point,
 *     where no case is positive
 * @param truePositives positives called positive
 * @param falsePositives negatives called positive
 * @param sensitivity {@code truePositives / m}
 * @param specificity {@code 1 − falsePositives / n}
 */
public record RocPoint(
        double threshold,
        int truePositives,
        int falsePositives,
        double sensitivity,
        double specificity) {

    /** Returns {@code 1 − specificity}. */
    public double falsePositiveRate() {
        return 1 - specificity;
    }

    /** Returns Youden's J, {@code sensitivity + specificity − 1}. */
    public double youden() {
        return sensitivity + specificity - 1;
    }
}
