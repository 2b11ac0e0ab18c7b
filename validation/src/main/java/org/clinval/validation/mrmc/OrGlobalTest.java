package org.clinval.validation.mrmc;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The Obuchowski–Rockette test that all modalities have the same reader-averaged AUC.
 *
 * @param distribution {@code "F"} or {@code "chi-square"}
 * @param df1 numerator degrees of freedom ({@code t − 1})
 * @param df2 denominator degrees of freedom of the F test (Hillis's {@code ddf_H} with random
 *     readers and cases); empty for the chi-square test or when undefined
 * @param statistic the F or chi-square statistic; empty when undefined
 * @param p the p-value; empty when undefined
 * @param undefinedReason why the test is undefined, if it is
 */
public record OrGlobalTest(
        String distribution,
        double df1,
        OptionalDouble df2,
        OptionalDouble statistic,
        OptionalDouble p,
        Optional<String> undefinedReason) {}
