package org.clinval.validation.paired;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * McNemar's test of two paired proportions.
 *
 * @param statistic the chi-square statistic with 1 degree of freedom; empty when undefined
 * @param p the two-sided p-value {@code P(χ²₁ >= statistic)}; empty when undefined
 * @param continuityCorrection whether Edwards' continuity correction was applied
 * @param undefinedReason why the test is undefined (no discordant pairs), if it is
 */
public record McNemarResult(
        OptionalDouble statistic,
        OptionalDouble p,
        boolean continuityCorrection,
        Optional<String> undefinedReason) {}
