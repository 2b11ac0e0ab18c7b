package org.clinval.workflows.protocol;

import org.clinval.validation.Direction;
import org.clinval.validation.ThresholdRule;

/**
 * How scores become calls, all explicit.
 *
 * @param threshold the operating threshold
 * @param rule {@code >=} or {@code >}
 * @param positiveClass the reference label of the positive class
 * @param direction which end of the score scale means positive (for the AUC)
 */
public record OperatingPoint(
        double threshold, ThresholdRule rule, String positiveClass, Direction direction) {

    /**
     * The case-level table of a grading protocol that names no operating point: label and
     * prediction are formed from the grades (the first grading endpoint), so positive class "1";
     * the score is the probability of a grade at or above the endpoint's, higher meaning more
     * likely positive. The threshold is not applied: the prediction is the model's grade.
     */
    public static final OperatingPoint GRADING =
            new OperatingPoint(0.5, ThresholdRule.GE, "1", Direction.HIGHER);
}
