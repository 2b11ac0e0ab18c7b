package org.clinval.validation.binary;

import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Interval;

/**
 * A ratio measure (likelihood ratio, F1, prevalence-adjusted predictive value) with an optional
 * interval. When the estimate is undefined or unbounded, {@link #estimate()} is empty and {@link
 * #undefinedReason()} says why; when only the interval is undefined, the reason says that.
 *
 * @param name what is measured
 * @param estimate the point estimate, empty when undefined
 * @param interval the confidence interval, empty when undefined or not computed
 * @param level the confidence level of the interval
 * @param method how the interval was computed
 * @param undefinedReason why the estimate or interval is missing
 */
public record RatioEstimate(
        String name,
        OptionalDouble estimate,
        Optional<Interval> interval,
        ConfidenceLevel level,
        String method,
        Optional<String> undefinedReason) {

    static RatioEstimate defined(
            String name, double estimate, Interval interval, ConfidenceLevel level, String method) {
        return new RatioEstimate(
                name,
                OptionalDouble.of(estimate),
                Optional.ofNullable(interval),
                level,
                method,
                Optional.empty());
    }

    static RatioEstimate undefined(
            String name, ConfidenceLevel level, String method, String reason) {
        return new RatioEstimate(
                name, OptionalDouble.empty(), Optional.empty(), level, method, Optional.of(reason));
    }

    static RatioEstimate withoutInterval(
            String name, double estimate, ConfidenceLevel level, String method, String reason) {
        return new RatioEstimate(
                name,
                OptionalDouble.of(estimate),
                Optional.empty(),
                level,
                method,
                Optional.of(reason));
    }
}
