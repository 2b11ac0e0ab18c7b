package org.clinval.validation.paired;

import java.util.Optional;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.roc.AucComparison;

/**
 * The AUC of a candidate model compared with its baseline's on the same cases by DeLong's paired
 * test ({@code first} is the candidate, {@code second} the baseline, the difference {@code
 * candidate − baseline}).
 *
 * @param delong the paired DeLong test; empty when a class is absent
 * @param positives positive cases
 * @param negatives negative cases
 * @param margin the non-inferiority margin
 * @param level the confidence level
 * @param verdict the verdict from DeLong's interval of the difference
 * @param undefinedReason why there is no interval, if there is none
 */
public record AucChange(
        Optional<AucComparison> delong,
        int positives,
        int negatives,
        double margin,
        ConfidenceLevel level,
        Verdict verdict,
        Optional<String> undefinedReason) {}
