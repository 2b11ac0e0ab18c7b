package org.clinval.validation.roc;

import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.validation.Direction;

/**
 * A partial AUC of the empirical ROC curve, raw and with McClish's standardisation.
 *
 * <p>No variance is carried: pROC 1.18.0 refuses DeLong's method for a partial AUC ({@code var(r,
 * method = "delong")} stops with "DeLong method is not supported for partial AUC"), and clinval
 * does not define one of its own; {@link PartialAuc#bootstrap} gives the interval.
 *
 * @param partialAuc the area over {@code range}, in [0, {@code range.width()}]
 * @param corrected McClish's {@code (1 + (pAUC − min)/(max − min))/2}, empty when undefined
 * @param range the range and its focus
 * @param positives {@code m}
 * @param negatives {@code n}
 * @param direction how scores were oriented
 * @param undefinedReason why {@code corrected} is missing, if it is
 */
public record PartialAucEstimate(
        double partialAuc,
        OptionalDouble corrected,
        PartialAucRange range,
        int positives,
        int negatives,
        Direction direction,
        Optional<String> undefinedReason) {}
