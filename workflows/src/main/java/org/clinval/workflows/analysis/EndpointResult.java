package org.clinval.workflows.analysis;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.clinval.validation.Interval;
import org.clinval.workflows.protocol.Endpoint;

/**
 * One endpoint computed and judged against its criterion.
 *
 * @param endpoint the endpoint as the protocol states it (criterion, level, method, IDs)
 * @param estimate the estimate, empty when undefined
 * @param ci the interval by the criterion's method and level, empty when undefined
 * @param method the interval method in words, e.g. {@code clopper_pearson} or {@code DeLong (Sun &
 *     Xu 2014 fast algorithm)}
 * @param numerator successes of a proportion; empty for the AUC
 * @param denominator trials of a proportion; empty for the AUC
 * @param positives reference-positive cases behind the estimate
 * @param negatives reference-negative cases behind the estimate
 * @param seed the bootstrap seed, when the interval is a bootstrap interval
 * @param replicates the bootstrap replicates, when the interval is a bootstrap interval
 * @param verdict pass or fail
 * @param reasons why, one clause per stated minimum; an undefined value is a reason to fail
 * @param pValue the one-sided p-value of the criterion's superiority test, if it states one
 */
public record EndpointResult(
        Endpoint endpoint,
        OptionalDouble estimate,
        Optional<Interval> ci,
        String method,
        OptionalLong numerator,
        OptionalLong denominator,
        long positives,
        long negatives,
        OptionalLong seed,
        OptionalLong replicates,
        Verdict verdict,
        List<String> reasons,
        OptionalDouble pValue) {

    public EndpointResult {
        reasons = List.copyOf(reasons);
    }

    /** A result without a superiority test. */
    public EndpointResult(
            Endpoint endpoint,
            OptionalDouble estimate,
            Optional<Interval> ci,
            String method,
            OptionalLong numerator,
            OptionalLong denominator,
            long positives,
            long negatives,
            OptionalLong seed,
            OptionalLong replicates,
            Verdict verdict,
            List<String> reasons) {
        this(
                endpoint,
                estimate,
                ci,
                method,
                numerator,
                denominator,
                positives,
                negatives,
                seed,
                replicates,
                verdict,
                reasons,
                OptionalDouble.empty());
    }

    /** Returns whether the endpoint passed. */
    public boolean passed() {
        return verdict == Verdict.PASS;
    }
}
