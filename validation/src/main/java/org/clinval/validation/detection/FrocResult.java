package org.clinval.validation.detection;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A FROC analysis: counts, the curve, the sensitivity at each FP rate and their mean (the CPM).
 *
 * <p>Without any reference lesion the sensitivity is undefined: the curve, the sensitivities and
 * the CPM are empty and {@link #undefinedReason()} says why.
 *
 * @param scans {@code N}, the scans dividing the false positives
 * @param lesions reference lesions
 * @param lesionsHit lesions hit by at least one candidate
 * @param candidates candidates
 * @param falsePositives candidates hitting no lesion
 * @param curve the curve, empty when undefined
 * @param sensitivityAtFp sensitivity by FP rate per scan, ascending; empty when undefined
 * @param cpm the mean of {@code sensitivityAtFp}, the competition performance metric
 * @param method how the curve was read at each FP rate
 * @param undefinedReason why the sensitivities are missing, if they are
 */
public record FrocResult(
        int scans,
        int lesions,
        int lesionsHit,
        int candidates,
        int falsePositives,
        Optional<FrocCurve> curve,
        Map<Double, Double> sensitivityAtFp,
        OptionalDouble cpm,
        String method,
        Optional<String> undefinedReason) {

    public FrocResult {
        sensitivityAtFp = Collections.unmodifiableMap(new LinkedHashMap<>(sensitivityAtFp));
    }
}
