package org.clinval.validation.roc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.clinval.validation.Checks;
import org.clinval.validation.Direction;

/**
 * The exact empirical ROC curve: one point per distinct score, from the strictest threshold (no
 * case positive, the point (0, 0)) to the most lenient (every case positive, (1, 1)).
 *
 * <p>Tied scores of positives and negatives move the curve diagonally in one step, so the
 * trapezoidal area equals the Mann–Whitney AUC with ties counted one half; {@link #trapezoidArea()}
 * is the independent cross-check of {@link DeLong#auc}.
 */
public final class RocCurve {

    private final Direction direction;
    private final List<RocPoint> points;

    private RocCurve(Direction direction, List<RocPoint> points) {
        this.direction = direction;
        this.points = Collections.unmodifiableList(points);
    }

    /** Builds the curve of {@code input}. */
    public static RocCurve of(RocInput input) {
        double[] x = input.xSorted();
        double[] y = input.ySorted();
        int m = x.length;
        int n = y.length;
        List<RocPoint> points = new ArrayList<>();
        points.add(new RocPoint(input.toScale(Double.POSITIVE_INFINITY), 0, 0, 0, 1));
        int i = m - 1;
        int j = n - 1;
        // Walk the distinct oriented values from the highest down; each step admits every case
        // with that value, positives and negatives together.
        while (i >= 0 || j >= 0) {
            double v =
                    Math.max(
                            i >= 0 ? x[i] : Double.NEGATIVE_INFINITY,
                            j >= 0 ? y[j] : Double.NEGATIVE_INFINITY);
            while (i >= 0 && x[i] == v) i--;
            while (j >= 0 && y[j] == v) j--;
            int tp = m - 1 - i;
            int fp = n - 1 - j;
            points.add(
                    new RocPoint(input.toScale(v), tp, fp, (double) tp / m, 1 - (double) fp / n));
        }
        return new RocCurve(input.direction(), points);
    }

    /** Returns the points from (0, 0) to (1, 1). */
    public List<RocPoint> points() {
        return points;
    }

    /** Returns the score direction. */
    public Direction direction() {
        return direction;
    }

    /** Returns the area under the curve by the trapezoidal rule. */
    public double trapezoidArea() {
        double area = 0;
        for (int k = 1; k < points.size(); k++) {
            RocPoint a = points.get(k - 1);
            RocPoint b = points.get(k);
            area +=
                    (b.falsePositiveRate() - a.falsePositiveRate())
                            * (a.sensitivity() + b.sensitivity())
                            / 2;
        }
        return area;
    }

    /**
     * Returns the point of maximal Youden's J, {@code sensitivity + specificity − 1}. Among ties,
     * the strictest threshold (highest specificity) is returned. The starting point, which no
     * finite threshold realises, is not a candidate.
     */
    public RocPoint youden() {
        RocPoint best = null;
        for (RocPoint p : points.subList(1, points.size())) {
            if (best == null || p.youden() > best.youden() + 1e-15) {
                best = p;
            }
        }
        return best;
    }

    /**
     * Returns the strictest threshold whose sensitivity is at least {@code target}: the operating
     * point of highest specificity that meets the sensitivity target.
     */
    public RocPoint forSensitivity(double target) {
        Checks.closedUnit("target sensitivity", target);
        for (RocPoint p : points.subList(1, points.size())) {
            if (p.sensitivity() >= target) {
                return p;
            }
        }
        return points.get(points.size() - 1);
    }

    /**
     * Returns the most lenient threshold whose specificity is at least {@code target}: the
     * operating point of highest sensitivity that meets the specificity target, or empty when even
     * the strictest finite threshold does not.
     */
    public Optional<RocPoint> forSpecificity(double target) {
        Checks.closedUnit("target specificity", target);
        RocPoint found = null;
        for (RocPoint p : points.subList(1, points.size())) {
            if (p.specificity() >= target) {
                found = p;
            } else {
                break;
            }
        }
        return Optional.ofNullable(found);
    }
}
