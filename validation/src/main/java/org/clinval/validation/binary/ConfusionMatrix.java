package org.clinval.validation.binary;

import org.clinval.validation.Checks;
import org.clinval.validation.ThresholdRule;

/**
 * Counts of a binary decision against a reference standard.
 *
 * @param tp true positives
 * @param fp false positives
 * @param tn true negatives
 * @param fn false negatives
 */
public record ConfusionMatrix(long tp, long fp, long tn, long fn) {

    public ConfusionMatrix {
        Checks.nonNegative("tp", tp);
        Checks.nonNegative("fp", fp);
        Checks.nonNegative("tn", tn);
        Checks.nonNegative("fn", fn);
    }

    /**
     * Counts decisions {@code rule(score[i], threshold)} against {@code positive[i]}.
     *
     * @throws IllegalArgumentException if lengths differ or a score or the threshold is not finite
     */
    public static ConfusionMatrix of(
            boolean[] positive, double[] score, double threshold, ThresholdRule rule) {
        if (positive.length != score.length) {
            throw new IllegalArgumentException(
                    "labels and scores differ in length: "
                            + positive.length
                            + " vs "
                            + score.length);
        }
        Checks.finite("threshold", threshold);
        Checks.allFinite("score", score);
        long tp = 0, fp = 0, tn = 0, fn = 0;
        for (int i = 0; i < score.length; i++) {
            boolean called = rule.isPositive(score[i], threshold);
            if (positive[i]) {
                if (called) tp++;
                else fn++;
            } else {
                if (called) fp++;
                else tn++;
            }
        }
        return new ConfusionMatrix(tp, fp, tn, fn);
    }

    /** Returns the number of reference-positive cases, {@code tp + fn}. */
    public long positives() {
        return tp + fn;
    }

    /** Returns the number of reference-negative cases, {@code tn + fp}. */
    public long negatives() {
        return tn + fp;
    }

    /** Returns the number of cases. */
    public long total() {
        return tp + fp + tn + fn;
    }
}
