package org.clinval.validation.roc;

import java.util.OptionalDouble;
import org.clinval.validation.ConfidenceLevel;

/**
 * The sensitivity at a fixed specificity (or the specificity at a fixed sensitivity) with its
 * stratified bootstrap interval, as pROC's {@code ci.se} / {@code ci.sp}.
 *
 * @param at the fixed specificity (for {@code ci.se}) or sensitivity (for {@code ci.sp})
 * @param estimate the value on the observed curve, pROC's {@code coords(roc, at, input = ...)}
 * @param lower the {@code (1 − level)/2} quantile of the replicates; empty when no replicate is
 *     defined
 * @param median the 0.5 quantile of the replicates, the middle value pROC prints
 * @param upper the {@code (1 + level)/2} quantile of the replicates
 * @param level the confidence level
 * @param replicates the number of replicates
 * @param seed the seed
 */
public record OperatingPointInterval(
        double at,
        double estimate,
        OptionalDouble lower,
        OptionalDouble median,
        OptionalDouble upper,
        ConfidenceLevel level,
        int replicates,
        long seed) {}
