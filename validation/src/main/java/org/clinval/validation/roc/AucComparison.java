package org.clinval.validation.roc;

import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Interval;

/**
 * DeLong's test of two correlated AUCs measured on the same cases.
 *
 * @param first the AUC of the first score
 * @param second the AUC of the second score
 * @param difference {@code first.auc − second.auc}
 * @param covariance DeLong covariance of the two AUCs
 * @param z {@code difference / sqrt(var1 + var2 − 2 cov)}; 0 when both difference and variance are
 *     0 (identical curves)
 * @param p two-sided p-value; {@link #p(Alternative)} gives the one-sided ones
 * @param differenceCi Wald interval of the difference at {@code level}
 * @param level confidence level of {@code differenceCi}
 * @param undefinedReason why the test is undefined, if it is
 */
public record AucComparison(
        AucEstimate first,
        AucEstimate second,
        double difference,
        OptionalDouble covariance,
        OptionalDouble z,
        OptionalDouble p,
        Optional<Interval> differenceCi,
        ConfidenceLevel level,
        Optional<String> undefinedReason) {

    /**
     * Returns the p-value of {@code z} under {@code alternative}, as pROC's {@code roc.test(paired
     * = TRUE, alternative = ...)}: {@code GREATER} is {@code Φ(−z)}, {@code LESS} is {@code Φ(z)},
     * {@code TWO_SIDED} the record's {@code p}. Identical curves (z = 0) give 1 two-sided and ½
     * one-sided. Empty when the test is undefined.
     */
    public OptionalDouble p(Alternative alternative) {
        if (z.isEmpty()) return OptionalDouble.empty();
        return OptionalDouble.of(alternative.p(z.getAsDouble(), NormalDistribution.of(0, 1)));
    }
}
