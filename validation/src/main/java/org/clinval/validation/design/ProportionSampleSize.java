package org.clinval.validation.design;

import org.clinval.validation.ConfidenceLevel;

/**
 * The number of subjects to enrol so that a sensitivity or specificity is estimated within a target
 * half-width.
 *
 * @param measure sensitivity or specificity
 * @param anticipated the anticipated value of the measure
 * @param halfWidth the target half-width of the two-sided interval
 * @param prevalence the prevalence of the condition among the subjects enrolled
 * @param level confidence level of the interval
 * @param unrounded the formula's value before rounding up
 * @param subjects total subjects to enrol, {@code ceil(unrounded)}
 * @param method the formula
 */
public record ProportionSampleSize(
        AccuracyMeasure measure,
        double anticipated,
        double halfWidth,
        double prevalence,
        ConfidenceLevel level,
        double unrounded,
        long subjects,
        String method) {}
