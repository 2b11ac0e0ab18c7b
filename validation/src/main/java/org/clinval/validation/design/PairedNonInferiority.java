package org.clinval.validation.design;

import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Interval;

/**
 * Non-inferiority of a new test's proportion to a reference's on the same cases, {@code H0: p_new −
 * p_ref <= −margin}.
 *
 * @param counts the paired table
 * @param newProportion {@code (both + newOnly) / n}
 * @param referenceProportion {@code (both + referenceOnly) / n}
 * @param difference {@code newProportion − referenceProportion = (newOnly − referenceOnly) / n}
 * @param margin the non-inferiority margin {@code δ >= 0}
 * @param z Tango's score statistic at {@code −δ}; empty when undefined
 * @param p the one-sided p-value {@code 1 − Φ(z)}; empty when undefined
 * @param ci Tango's two-sided score interval of the difference at {@code level}
 * @param level confidence level of {@code ci}
 * @param method the test and interval
 * @param undefinedReason why {@code z} and {@code p} are missing, if they are
 */
public record PairedNonInferiority(
        PairedCounts counts,
        double newProportion,
        double referenceProportion,
        double difference,
        double margin,
        OptionalDouble z,
        OptionalDouble p,
        Interval ci,
        ConfidenceLevel level,
        String method,
        Optional<String> undefinedReason) {}
