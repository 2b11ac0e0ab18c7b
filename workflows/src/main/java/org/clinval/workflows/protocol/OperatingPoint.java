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
        double threshold, ThresholdRule rule, String positiveClass, Direction direction) {}
