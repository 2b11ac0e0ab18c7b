package org.clinval.validation.multiclass;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The Hand–Till multi-class AUC with the pairwise AUCs it averages.
 *
 * @param auc {@code 2 / (c (c − 1)) Σ_{i<j} A(i,j)} over the {@code c} observed classes; empty when
 *     fewer than two classes are observed
 * @param pairs {@code A(i,j) = (Â(i|j) + Â(j|i)) / 2} keyed {@code "i/j"} by class names, in scale
 *     order
 * @param observed the classes with at least one case, in scale order
 * @param method the definition
 * @param undefinedReason why the AUC is missing, if it is
 */
public record HandTillAuc(
        OptionalDouble auc,
        Map<String, Double> pairs,
        List<String> observed,
        String method,
        Optional<String> undefinedReason) {

    public HandTillAuc {
        pairs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pairs));
        observed = List.copyOf(observed);
    }
}
