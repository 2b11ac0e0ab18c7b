package org.clinval.validation.design;

/** Which proportion a diagnostic-accuracy sample size is planned for. */
public enum AccuracyMeasure {
    /** Sensitivity: estimated on the subjects with the condition, a share {@code prevalence}. */
    SENSITIVITY,
    /** Specificity: estimated on the subjects without it, a share {@code 1 − prevalence}. */
    SPECIFICITY;

    /** Returns the share of subjects the measure is estimated on. */
    double share(double prevalence) {
        return this == SENSITIVITY ? prevalence : 1 - prevalence;
    }
}
