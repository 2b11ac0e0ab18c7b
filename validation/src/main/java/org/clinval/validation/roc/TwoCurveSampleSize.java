package org.clinval.validation.roc;

import org.clinval.validation.roc.OneCurveSampleSize.Sides;

/**
 * The sample size, power or significance level of a study comparing two paired ROC curves, as
 * pROC's {@code power.roc.test(roc1, roc2, ...)} or {@code power.roc.test(list(A1, B1, ...), ...)}
 * (Obuchowski's method).
 *
 * <p>{@code cases} and {@code controls} are unrounded, as pROC returns them; {@link #casesNeeded()}
 * rounds up. {@code sigLevel} is pROC's value: when the difference is too small to reach the power
 * at any level it exceeds 1 or the one-sided ½ (see {@link #sigLevelDefined()}).
 *
 * @param cases number of positive cases
 * @param controls number of negative cases
 * @param sigLevel the significance level (two-sided when {@code sides} is {@code TWO_SIDED})
 * @param power the power
 * @param kappa controls per case
 * @param sides one- or two-sided test
 * @param design the difference and (co)variances used
 * @param method the method, for provenance
 */
public record TwoCurveSampleSize(
        double cases,
        double controls,
        double sigLevel,
        double power,
        double kappa,
        Sides sides,
        TwoCurveDesign design,
        String method) {

    /** Returns {@code ceil(cases)}, with a guard against rounding just above an integer. */
    public long casesNeeded() {
        return (long) Math.ceil(cases - 1e-9);
    }

    /** Returns {@code ceil(controls)}, with a guard against rounding just above an integer. */
    public long controlsNeeded() {
        return (long) Math.ceil(controls - 1e-9);
    }

    /** Whether {@code sigLevel} is a probability, in [0, 1]. */
    public boolean sigLevelDefined() {
        return sigLevel >= 0 && sigLevel <= 1;
    }
}
