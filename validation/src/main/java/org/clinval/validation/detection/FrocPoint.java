package org.clinval.validation.detection;

/**
 * One operating point of a FROC curve: every candidate scoring at least {@code threshold} accepted.
 *
 * @param threshold the lowest accepted score
 * @param truePositives lesions whose best hitting score is at least the threshold
 * @param falsePositives false-positive candidates scoring at least the threshold
 * @param fpPerScan {@code falsePositives / N}
 * @param sensitivity {@code truePositives / lesions}
 */
public record FrocPoint(
        double threshold,
        long truePositives,
        long falsePositives,
        double fpPerScan,
        double sensitivity) {}
