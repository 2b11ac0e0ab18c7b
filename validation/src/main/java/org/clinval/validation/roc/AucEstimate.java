package org.clinval.validation.roc;

import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Direction;
import org.clinval.validation.Interval;

/**
 * The area under the empirical ROC curve with DeLong's variance and a Wald interval.
 *
 * @param auc the Mann–Whitney AUC, ties counted one half
 * @param variance DeLong's variance, empty with fewer than two cases in a class
 * @param ci {@code auc ± z·sqrt(variance)} clipped to [0, 1], empty when the variance is
 * @param level confidence level of {@code ci}
 * @param positives {@code m}
 * @param negatives {@code n}
 * @param direction how scores were oriented
 * @param method the variance method
 * @param undefinedReason why the variance is missing, if it is
 */
public record AucEstimate(
        double auc,
        OptionalDouble variance,
        Optional<Interval> ci,
        ConfidenceLevel level,
        int positives,
        int negatives,
        Direction direction,
        String method,
        Optional<String> undefinedReason) {

    /** Returns the standard error, {@code sqrt(variance)}, or empty. */
    public OptionalDouble se() {
        return variance.isPresent()
                ? OptionalDouble.of(Math.sqrt(variance.getAsDouble()))
                : OptionalDouble.empty();
    }
}
