package org.clinval.validation.ranking;

import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.validation.Direction;

/**
 * Average precision of a score.
 *
 * @param estimate {@code Σ_k (R_k − R_{k−1}) P_k}, empty when there is no positive case
 * @param positives {@code m}
 * @param negatives {@code n}
 * @param direction how scores were oriented
 * @param method the definition
 * @param undefinedReason why the estimate is missing, if it is
 */
public record AveragePrecision(
        OptionalDouble estimate,
        int positives,
        int negatives,
        Direction direction,
        String method,
        Optional<String> undefinedReason) {}
