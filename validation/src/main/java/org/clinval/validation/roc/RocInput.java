package org.clinval.validation.roc;

import java.util.Arrays;
import org.clinval.validation.Direction;

/**
 * Scores of reference-positive and reference-negative cases, oriented so that higher means
 * positive, and sorted ascending. The direction is an explicit input, never inferred.
 *
 * <p>Positives are called {@code X} and negatives {@code Y}, with sizes {@code m} and {@code n}, as
 * in DeLong, DeLong, Clarke-Pearson (1988).
 */
public final class RocInput {

    private final Direction direction;
    private final double[] x; // positives, oriented, in case order
    private final double[] y; // negatives, oriented, in case order
    private final double[] xSorted;
    private final double[] ySorted;

    private RocInput(Direction direction, double[] x, double[] y) {
        this.direction = direction;
        this.x = x;
        this.y = y;
        this.xSorted = x.clone();
        this.ySorted = y.clone();
        Arrays.sort(xSorted);
        Arrays.sort(ySorted);
    }

    /**
     * Splits {@code score} by {@code positive} and orients it by {@code direction}.
     *
     * @throws IllegalArgumentException if lengths differ, a score is NaN or infinite (naming its
     *     index), or either class is absent
     */
    public static RocInput of(boolean[] positive, double[] score, Direction direction) {
        if (positive.length != score.length) {
            throw new IllegalArgumentException(
                    "labels and scores differ in length: "
                            + positive.length
                            + " vs "
                            + score.length);
        }
        int m = 0;
        for (int i = 0; i < score.length; i++) {
            if (!Double.isFinite(score[i])) {
                throw new IllegalArgumentException(
                        "score at index " + i + " is not finite: " + score[i]);
            }
            if (positive[i]) m++;
        }
        int n = score.length - m;
        if (m == 0 || n == 0) {
            throw new IllegalArgumentException(
                    "ROC analysis needs both classes: "
                            + m
                            + " positive and "
                            + n
                            + " negative cases");
        }
        double[] x = new double[m];
        double[] y = new double[n];
        int i1 = 0, i0 = 0;
        for (int i = 0; i < score.length; i++) {
            double s = direction.orient(score[i]) + 0.0; // + 0.0 folds -0.0 into 0.0
            if (positive[i]) x[i1++] = s;
            else y[i0++] = s;
        }
        return new RocInput(direction, x, y);
    }

    /** Wraps scores already oriented by {@code direction}; used for bootstrap replicates. */
    static RocInput oriented(Direction direction, double[] x, double[] y) {
        return new RocInput(direction, x, y);
    }

    /** Returns the direction the scores were oriented by. */
    public Direction direction() {
        return direction;
    }

    /** Returns the number of positive cases, {@code m}. */
    public int positives() {
        return x.length;
    }

    /** Returns the number of negative cases, {@code n}. */
    public int negatives() {
        return y.length;
    }

    double[] x() {
        return x;
    }

    double[] y() {
        return y;
    }

    double[] xSorted() {
        return xSorted;
    }

    double[] ySorted() {
        return ySorted;
    }

    /** Returns an oriented score to the user's scale. */
    double toScale(double oriented) {
        return direction.orient(oriented);
    }
}
