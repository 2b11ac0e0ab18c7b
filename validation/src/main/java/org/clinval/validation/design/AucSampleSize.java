package org.clinval.validation.design;

import org.clinval.validation.ConfidenceLevel;

/**
 * The smallest study whose AUC interval, by the Hanley–McNeil standard error, is at most a target
 * half-width.
 *
 * @param auc the anticipated AUC
 * @param halfWidth the target half-width of the two-sided Wald interval
 * @param negativesPerPositive the planned ratio of negative to positive cases
 * @param level confidence level of the interval
 * @param positives positive cases to enrol
 * @param negatives negative cases to enrol, {@code ceil(ratio · positives)}
 * @param se the Hanley–McNeil standard error at that size
 * @param achievedHalfWidth {@code z · se}, at most {@code halfWidth}
 * @param method the variance formula and search
 */
public record AucSampleSize(
        double auc,
        double halfWidth,
        double negativesPerPositive,
        ConfidenceLevel level,
        long positives,
        long negatives,
        double se,
        double achievedHalfWidth,
        String method) {}
