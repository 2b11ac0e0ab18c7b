package org.clinval.validation.bootstrap;

import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Interval;

/**
 * Bootstrap confidence intervals of a statistic, with the choices that produced them.
 *
 * @param estimate the statistic on the original sample
 * @param percentile the percentile interval
 * @param bca the bias-corrected and accelerated interval, empty when undefined
 * @param biasCorrection BCa's {@code z0}, empty when infinite
 * @param acceleration BCa's {@code a}, from the jackknife
 * @param level confidence level
 * @param replicates replicate count
 * @param seed the seed
 * @param resampling how cases were resampled, e.g. {@code stratified by class}
 * @param undefinedReason why BCa is missing, if it is
 */
public record BootstrapInterval(
        double estimate,
        Interval percentile,
        Optional<Interval> bca,
        OptionalDouble biasCorrection,
        double acceleration,
        ConfidenceLevel level,
        int replicates,
        long seed,
        String resampling,
        Optional<String> undefinedReason) {}
