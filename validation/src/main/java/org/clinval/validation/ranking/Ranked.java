package org.clinval.validation.ranking;

import java.util.Arrays;
import org.clinval.validation.Direction;

/**
 * Cases grouped by distinct oriented score, from the highest (most positive) down: the count of
 * positives and negatives at each level and each case's level.
 */
final class Ranked {

    final double[] level; // distinct oriented scores, descending
    final long[] pos;
    final long[] neg;
    final int[] positiveLevel; // the level of each positive case
    final int[] negativeLevel; // the level of each negative case
    final Direction direction;

    private Ranked(
            double[] level,
            long[] pos,
            long[] neg,
            int[] positiveLevel,
            int[] negativeLevel,
            Direction direction) {
        this.level = level;
        this.pos = pos;
        this.neg = neg;
        this.positiveLevel = positiveLevel;
        this.negativeLevel = negativeLevel;
        this.direction = direction;
    }

    /**
     * Groups {@code score} oriented by {@code direction}.
     *
     * @throws IllegalArgumentException if lengths differ or a score is not finite, naming its index
     */
    static Ranked of(boolean[] positive, double[] score, Direction direction) {
        if (positive.length != score.length) {
            throw new IllegalArgumentException(
                    "labels and scores differ in length: "
                            + positive.length
                            + " vs "
                            + score.length);
        }
        int n = score.length;
        double[] oriented = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(score[i])) {
                throw new IllegalArgumentException(
                        "score at index " + i + " is not finite: " + score[i]);
            }
            oriented[i] = direction.orient(score[i]) + 0.0; // + 0.0 folds -0.0 into 0.0
            if (positive[i]) m++;
        }
        double[] sorted = oriented.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || sorted[i] != sorted[distinct - 1]) sorted[distinct++] = sorted[i];
        }
        double[] level = new double[distinct];
        for (int v = 0; v < distinct; v++) level[v] = sorted[distinct - 1 - v];
        long[] pos = new long[distinct];
        long[] neg = new long[distinct];
        int[] positiveLevel = new int[m];
        int[] negativeLevel = new int[n - m];
        int i1 = 0, i0 = 0;
        for (int i = 0; i < n; i++) {
            // level is descending: search the ascending copy and mirror the index
            int v = distinct - 1 - Arrays.binarySearch(sorted, 0, distinct, oriented[i]);
            if (positive[i]) {
                pos[v]++;
                positiveLevel[i1++] = v;
            } else {
                neg[v]++;
                negativeLevel[i0++] = v;
            }
        }
        return new Ranked(level, pos, neg, positiveLevel, negativeLevel, direction);
    }

    int positives() {
        return positiveLevel.length;
    }

    int negatives() {
        return negativeLevel.length;
    }

    /** Returns level {@code v}'s score in the user's scale. */
    double threshold(int v) {
        return direction.orient(level[v]) + 0.0;
    }

    /**
     * Average precision from per-level counts, {@code Σ_v pos(v)·TP(v)/(TP(v) + FP(v)) / m} with
     * cumulative counts from the top; NaN without positives.
     */
    static double averagePrecision(long[] pos, long[] neg) {
        long tp = 0, fp = 0;
        double sum = 0;
        for (int v = 0; v < pos.length; v++) {
            tp += pos[v];
            fp += neg[v];
            if (pos[v] != 0) sum += pos[v] * ((double) tp / (tp + fp));
        }
        return tp == 0 ? Double.NaN : sum / tp;
    }
}
