package org.clinval.validation.roc;

import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A binormal ROC curve fitted to an empirical one, as pROC's {@code smooth(roc, method =
 * "binormal")}: {@code Φ⁻¹(specificity) = intercept + slope·Φ⁻¹(sensitivity)}.
 *
 * @param intercept pROC's {@code coefficients(model)[1]}
 * @param slope pROC's {@code coefficients(model)[2]}
 * @param auc {@code Φ(intercept / √(1 + slope²))}, pROC's smoothed AUC
 * @param pointsUsed curve points with both coordinates strictly inside (0, 1)
 * @param undefinedReason why no curve was fitted, if none was
 */
public record BinormalFit(
        OptionalDouble intercept,
        OptionalDouble slope,
        OptionalDouble auc,
        int pointsUsed,
        Optional<String> undefinedReason) {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    /** Returns the fitted specificity at {@code sensitivity}, or empty when nothing was fitted. */
    public OptionalDouble specificityAt(double sensitivity) {
        if (intercept.isEmpty()) return OptionalDouble.empty();
        double z = STANDARD_NORMAL.inverseCumulativeProbability(sensitivity);
        return OptionalDouble.of(
                STANDARD_NORMAL.cumulativeProbability(
                        intercept.getAsDouble() + slope.getAsDouble() * z));
    }

    /** Returns the fitted sensitivity at {@code specificity}, or empty when nothing was fitted. */
    public OptionalDouble sensitivityAt(double specificity) {
        if (intercept.isEmpty() || slope.getAsDouble() == 0) return OptionalDouble.empty();
        double z = STANDARD_NORMAL.inverseCumulativeProbability(specificity);
        return OptionalDouble.of(
                STANDARD_NORMAL.cumulativeProbability(
                        (z - intercept.getAsDouble()) / slope.getAsDouble()));
    }
}
