package org.clinval.validation.ranking;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.validation.Direction;

/**
 * The empirical precision–recall curve as scikit-learn 1.2.1's {@code
 * precision_recall_curve(y_true, probas_pred)} computes it, listed in the opposite order.
 *
 * <p>The first point is (recall 0, precision 1) without a threshold. Then one point per distinct
 * score from the strictest threshold down: every case with that score or a more positive one is
 * called positive, so tied positives and negatives enter together; precision {@code tp / (tp +
 * fp)}, recall {@code tp / m}, down to the most lenient threshold (every case called positive). The
 * curve goes on past the first point of recall 1, as scikit-learn 1.2's does (releases before 1.1
 * stopped there). No interpolation: the average precision {@link #averagePrecision()} is the step
 * sum {@code Σ_k (R_k − R_{k−1}) P_k}, scikit-learn's {@code average_precision_score}.
 *
 * <p>Without a positive case recall is undefined: the curve has no points and the average precision
 * is empty with the reason (scikit-learn warns and returns a curve of recall 1 and an average
 * precision of −0.0).
 */
public final class PrecisionRecallCurve {

    static final String METHOD =
            "step-wise average precision: sum over thresholds of (R_k - R_k-1) * P_k, no"
                    + " interpolation (sklearn.metrics.average_precision_score)";

    private final Direction direction;
    private final int positives;
    private final int negatives;
    private final List<PrecisionRecallPoint> points;

    private PrecisionRecallCurve(
            Direction direction, int positives, int negatives, List<PrecisionRecallPoint> points) {
        this.direction = direction;
        this.positives = positives;
        this.negatives = negatives;
        this.points = Collections.unmodifiableList(points);
    }

    /**
     * Builds the curve of {@code score} against {@code positive}, oriented by {@code direction}.
     *
     * @throws IllegalArgumentException if lengths differ or a score is not finite, naming its index
     */
    public static PrecisionRecallCurve of(boolean[] positive, double[] score, Direction direction) {
        return of(Ranked.of(positive, score, direction));
    }

    static PrecisionRecallCurve of(Ranked r) {
        int m = r.positives();
        List<PrecisionRecallPoint> points = new ArrayList<>();
        if (m > 0) {
            points.add(new PrecisionRecallPoint(OptionalDouble.empty(), 0, 0, 1, 0));
            long tp = 0, fp = 0;
            for (int v = 0; v < r.level.length; v++) {
                tp += r.pos[v];
                fp += r.neg[v];
                points.add(
                        new PrecisionRecallPoint(
                                OptionalDouble.of(r.threshold(v)),
                                tp,
                                fp,
                                (double) tp / (tp + fp),
                                (double) tp / m));
            }
        }
        return new PrecisionRecallCurve(r.direction, m, r.negatives(), points);
    }

    /** Returns the points from (recall 0, precision 1) to every case called positive. */
    public List<PrecisionRecallPoint> points() {
        return points;
    }

    /** Returns the score direction. */
    public Direction direction() {
        return direction;
    }

    /** Returns the number of positive cases, {@code m}. */
    public int positives() {
        return positives;
    }

    /** Returns the number of negative cases, {@code n}. */
    public int negatives() {
        return negatives;
    }

    /** Returns the step-wise average precision {@code Σ_k (R_k − R_{k−1}) P_k}. */
    public AveragePrecision averagePrecision() {
        if (positives == 0) {
            return new AveragePrecision(
                    OptionalDouble.empty(),
                    0,
                    negatives,
                    direction,
                    METHOD,
                    Optional.of("average precision is undefined: no positive case, so no recall"));
        }
        double sum = 0;
        for (int k = 1; k < points.size(); k++) {
            PrecisionRecallPoint p = points.get(k);
            sum += (p.recall() - points.get(k - 1).recall()) * p.precision();
        }
        return new AveragePrecision(
                OptionalDouble.of(sum), positives, negatives, direction, METHOD, Optional.empty());
    }
}
