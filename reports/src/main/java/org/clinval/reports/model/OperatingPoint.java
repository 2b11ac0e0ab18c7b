package org.clinval.reports.model;

import org.clinval.validation.ThresholdRule;

/**
 * The decision rule every binary result was computed at: a case is called {@code positiveClass}
 * when its score compares by {@code rule} with {@code threshold}.
 *
 * @param threshold the operating threshold, finite
 * @param rule {@code >=} or {@code >}
 * @param positiveClass name of the positive class, e.g. {@code malignant nodule}
 */
public record OperatingPoint(double threshold, ThresholdRule rule, String positiveClass) {

    public OperatingPoint {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold is not finite: " + threshold);
        }
        Fields.present("threshold rule", rule);
        Fields.text("positive class", positiveClass);
    }
}
