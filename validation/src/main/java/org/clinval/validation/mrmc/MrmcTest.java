package org.clinval.validation.mrmc;

import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.validation.Interval;

/**
 * A two-sided test of an MRMC estimate against its null value, with its confidence interval.
 *
 * @param method how the reference distribution was chosen, e.g. {@code "normal"}, {@code "t, df
 *     BDG"}, {@code "t, df Hillis"}
 * @param df the degrees of freedom of the t distribution used; empty for the normal approximation
 *     or when undefined
 * @param statistic {@code (estimate − null) / SE}; empty when undefined
 * @param p two-sided p-value; empty when undefined
 * @param ci interval {@code estimate ± q·SE}; empty when undefined
 * @param undefinedReason why the test is undefined (e.g. a negative variance estimate), if it is
 */
public record MrmcTest(
        String method,
        OptionalDouble df,
        OptionalDouble statistic,
        OptionalDouble p,
        Optional<Interval> ci,
        Optional<String> undefinedReason) {

    static MrmcTest undefined(String method, OptionalDouble df, String reason) {
        return new MrmcTest(
                method,
                df,
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                Optional.empty(),
                Optional.of(reason));
    }
}
