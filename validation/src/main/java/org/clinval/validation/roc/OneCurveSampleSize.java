package org.clinval.validation.roc;

/**
 * The sample size or power of a study testing one AUC against 0.5, as pROC's {@code
 * power.roc.test(auc, ..., kappa, alternative)} computes it (Obuchowski's method).
 *
 * <p>{@code cases} and {@code controls} are the unrounded solutions, as pROC returns them; {@link
 * #casesNeeded()} and {@link #controlsNeeded()} round up to whole cases.
 *
 * @param cases number of positive cases, {@code nd}
 * @param controls number of negative cases, {@code kappa·nd}
 * @param auc the AUC under the alternative
 * @param sigLevel the significance level (two-sided when {@code sides} is {@code TWO_SIDED})
 * @param power the power
 * @param kappa the ratio controls / cases
 * @param sides one- or two-sided test
 * @param method the method, for provenance
 */
public record OneCurveSampleSize(
        double cases,
        double controls,
        double auc,
        double sigLevel,
        double power,
        double kappa,
        Sides sides,
        String method) {

    /** Whether the test of the AUC against 0.5 is one- or two-sided. */
    public enum Sides {
        /** One-sided: the whole significance level in one tail. */
        ONE_SIDED,
        /** Two-sided: half the significance level in each tail, pROC's default. */
        TWO_SIDED
    }

    /** Returns {@code ceil(cases)}, with a guard against rounding just above an integer. */
    public long casesNeeded() {
        return (long) Math.ceil(cases - 1e-9);
    }

    /** Returns {@code ceil(controls)}, with a guard against rounding just above an integer. */
    public long controlsNeeded() {
        return (long) Math.ceil(controls - 1e-9);
    }
}
