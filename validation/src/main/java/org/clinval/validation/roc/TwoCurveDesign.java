package org.clinval.validation.roc;

import java.util.Optional;

/**
 * The per-case variances and covariance of two paired AUCs that Obuchowski's power calculation
 * needs, in pROC's {@code covvar} scale ({@code Var(AUC)·ncases}), with the difference to detect.
 *
 * <p>Under the null hypothesis the variance of the difference is {@link #v0()} {@code = 2·var1 −
 * 2·cov12} (pROC uses the first curve's variance for both); under the alternative it is {@link
 * #va()} {@code = var1 + var2 − 2·cov12}.
 *
 * @param delta the AUC difference to detect, {@code AUC1 − AUC2}
 * @param var1 per-case variance of the first AUC
 * @param var2 per-case variance of the second AUC
 * @param cov12 per-case covariance of the two AUCs
 * @param source where the variances come from, for provenance
 */
public record TwoCurveDesign(double delta, double var1, double var2, double cov12, String source) {

    /** Returns {@code 2·var1 − 2·cov12}. */
    public double v0() {
        return 2 * var1 - 2 * cov12;
    }

    /** Returns {@code var1 + var2 − 2·cov12}. */
    public double va() {
        return var1 + var2 - 2 * cov12;
    }

    /**
     * Returns why no power or sample size is defined for this design: no difference to detect, or a
     * difference without variance (e.g. identical or perfectly separating curves).
     */
    public Optional<String> undefinedReason() {
        if (!Double.isFinite(delta) || !Double.isFinite(va()) || !Double.isFinite(v0())) {
            return Optional.of("the AUC difference or its variance is not finite");
        }
        if (delta == 0) {
            return Optional.of("the two AUCs are equal: there is no difference to detect");
        }
        if (!(va() > 0) || !(v0() > 0)) {
            return Optional.of(
                    "the variance of the AUC difference is not positive (v0 = "
                            + v0()
                            + ", va = "
                            + va()
                            + ")");
        }
        return Optional.empty();
    }
}
