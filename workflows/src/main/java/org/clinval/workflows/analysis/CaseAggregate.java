package org.clinval.workflows.analysis;

import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.validation.Interval;
import org.clinval.validation.bootstrap.BootstrapInterval;

/**
 * A mean or median of per-case values over the cases where the value is defined, with its bootstrap
 * over all cases.
 *
 * @param quantity what is summarised, e.g. {@code dice} or {@code false positives per scan}
 * @param aggregate mean or median
 * @param n all cases
 * @param nDefined cases where the value is defined
 * @param estimate the aggregate, empty when no case has the value
 * @param bootstrap percentile and BCa intervals with level, seed and replicates; empty when
 *     undefined
 * @param undefinedReason why the estimate or its interval is missing, if one is
 */
public record CaseAggregate(
        String quantity,
        Aggregate aggregate,
        int n,
        int nDefined,
        OptionalDouble estimate,
        Optional<BootstrapInterval> bootstrap,
        Optional<String> undefinedReason) {

    /** Returns the percentile interval, empty when undefined. */
    public Optional<Interval> percentile() {
        return bootstrap.map(BootstrapInterval::percentile);
    }

    /** Returns the BCa interval, empty when undefined. */
    public Optional<Interval> bca() {
        return bootstrap.flatMap(BootstrapInterval::bca);
    }
}
