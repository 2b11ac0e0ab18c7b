package org.clinval.validation.roc;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.clinval.validation.Checks;
import org.clinval.validation.bootstrap.BootstrapSpec;
import org.clinval.validation.bootstrap.Intervals;

/**
 * Sensitivity at given specificities and specificity at given sensitivities, on the observed curve
 * and by stratified bootstrap, as pROC 1.18.0's {@code coords(roc, x, input = "specificity" |
 * "sensitivity")}, {@code ci.se} and {@code ci.sp}.
 *
 * <p>On a curve, with the points ordered by increasing specificity (pROC's order): when points lie
 * exactly at the specificity asked, the most sensitive of them is taken; otherwise the sensitivity
 * is interpolated linearly between the two neighbouring points. Likewise for the specificity at a
 * sensitivity (the most specific point at that sensitivity). Sensitivity is {@code tp/m} and
 * specificity {@code (n − fp)/n}, computed as pROC does so that exact matches agree.
 *
 * <p>The interval resamples positives and negatives separately ({@code m} and {@code n} draws with
 * replacement), rebuilds the curve and reads it at the same values; the bounds are type-7 quantiles
 * of the replicates at {@code (1 − level)/2} and {@code (1 + level)/2}, the median at ½.
 */
public final class OperatingPoints {

    private OperatingPoints() {}

    /** Returns the sensitivity of {@code curve} at {@code specificity}. */
    public static double sensitivityAt(RocCurve curve, double specificity) {
        Checks.closedUnit("specificity", specificity);
        double[][] v = ordered(curve);
        return at(v[1], v[0], specificity, false);
    }

    /** Returns the specificity of {@code curve} at {@code sensitivity}. */
    public static double specificityAt(RocCurve curve, double sensitivity) {
        Checks.closedUnit("sensitivity", sensitivity);
        double[][] v = ordered(curve);
        return at(v[0], v[1], sensitivity, true);
    }

    /** pROC's {@code ci.se(roc, specificities)}: one interval per specificity. */
    public static List<OperatingPointInterval> ciSensitivity(
            RocInput input, double[] specificities, BootstrapSpec spec) {
        for (double s : specificities) Checks.closedUnit("specificity", s);
        return intervals(input, specificities, spec, false);
    }

    /** pROC's {@code ci.sp(roc, sensitivities)}: one interval per sensitivity. */
    public static List<OperatingPointInterval> ciSpecificity(
            RocInput input, double[] sensitivities, BootstrapSpec spec) {
        for (double s : sensitivities) Checks.closedUnit("sensitivity", s);
        return intervals(input, sensitivities, spec, true);
    }

    /**
     * pROC's {@code ci.thresholds(roc, thresholds)}: at each threshold (on the user's scale, a case
     * positive when its score is at or beyond it, pROC's rule), the specificity and sensitivity on
     * the observed data and their stratified bootstrap intervals. Each returned interval's {@code
     * at} is the threshold.
     *
     * @return for each threshold, {@code {specificity, sensitivity}}
     */
    public static List<OperatingPointInterval[]> ciThresholds(
            RocInput input, double[] thresholds, BootstrapSpec spec) {
        double[] t = new double[thresholds.length];
        for (int k = 0; k < t.length; k++) {
            if (!Double.isFinite(thresholds[k])) {
                throw new IllegalArgumentException("threshold is not finite: " + thresholds[k]);
            }
            t[k] = input.direction().orient(thresholds[k]) + 0.0;
        }
        double[] x = input.x();
        double[] y = input.y();
        double[][] sp = new double[t.length][spec.replicates()];
        double[][] se = new double[t.length][spec.replicates()];
        IntStream.range(0, spec.replicates())
                .parallel()
                .forEach(
                        r -> {
                            UniformRandomProvider rng = spec.random(r);
                            double[] xs = new double[x.length];
                            double[] ys = new double[y.length];
                            for (int i = 0; i < xs.length; i++) xs[i] = x[rng.nextInt(x.length)];
                            for (int i = 0; i < ys.length; i++) ys[i] = y[rng.nextInt(y.length)];
                            Arrays.sort(xs);
                            Arrays.sort(ys);
                            for (int k = 0; k < t.length; k++) {
                                sp[k][r] = (double) below(ys, t[k]) / ys.length;
                                se[k][r] = (double) (xs.length - below(xs, t[k])) / xs.length;
                            }
                        });
        OperatingPointInterval[][] out = new OperatingPointInterval[t.length][];
        for (int k = 0; k < t.length; k++) {
            double spObserved = (double) below(input.ySorted(), t[k]) / y.length;
            double seObserved = (double) (x.length - below(input.xSorted(), t[k])) / x.length;
            out[k] =
                    new OperatingPointInterval[] {
                        interval(thresholds[k], spObserved, sp[k], spec),
                        interval(thresholds[k], seObserved, se[k], spec)
                    };
        }
        return List.of(out);
    }

    /** Number of sorted values strictly below {@code t}. */
    private static int below(double[] sorted, double t) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < t) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static OperatingPointInterval interval(
            double at, double estimate, double[] replicates, BootstrapSpec spec) {
        double alpha = 1 - spec.level().value();
        Arrays.sort(replicates);
        return new OperatingPointInterval(
                at,
                estimate,
                OptionalDouble.of(Intervals.quantile(replicates, alpha / 2)),
                OptionalDouble.of(Intervals.quantile(replicates, 0.5)),
                OptionalDouble.of(Intervals.quantile(replicates, 1 - alpha / 2)),
                spec.level(),
                spec.replicates(),
                spec.seed());
    }

    private static List<OperatingPointInterval> intervals(
            RocInput input, double[] values, BootstrapSpec spec, boolean specificityAtSe) {
        RocCurve observed = RocCurve.of(input);
        double[][] reps = new double[values.length][spec.replicates()];
        double[] x = input.x();
        double[] y = input.y();
        IntStream.range(0, spec.replicates())
                .parallel()
                .forEach(
                        r -> {
                            UniformRandomProvider rng = spec.random(r);
                            double[] xs = new double[x.length];
                            double[] ys = new double[y.length];
                            for (int i = 0; i < xs.length; i++) xs[i] = x[rng.nextInt(x.length)];
                            for (int i = 0; i < ys.length; i++) ys[i] = y[rng.nextInt(y.length)];
                            RocCurve c = RocCurve.of(RocInput.oriented(input.direction(), xs, ys));
                            for (int k = 0; k < values.length; k++) {
                                reps[k][r] =
                                        specificityAtSe
                                                ? specificityAt(c, values[k])
                                                : sensitivityAt(c, values[k]);
                            }
                        });
        double alpha = 1 - spec.level().value();
        OperatingPointInterval[] out = new OperatingPointInterval[values.length];
        for (int k = 0; k < values.length; k++) {
            double[] s = reps[k];
            Arrays.sort(s);
            out[k] =
                    new OperatingPointInterval(
                            values[k],
                            specificityAtSe
                                    ? specificityAt(observed, values[k])
                                    : sensitivityAt(observed, values[k]),
                            OptionalDouble.of(Intervals.quantile(s, alpha / 2)),
                            OptionalDouble.of(Intervals.quantile(s, 0.5)),
                            OptionalDouble.of(Intervals.quantile(s, 1 - alpha / 2)),
                            spec.level(),
                            spec.replicates(),
                            spec.seed());
        }
        return List.of(out);
    }

    /** {@code {se, sp}} in pROC's order: specificity increasing, sensitivity decreasing. */
    private static double[][] ordered(RocCurve curve) {
        List<RocPoint> pts = curve.points();
        RocPoint last = pts.get(pts.size() - 1);
        int m = last.truePositives();
        int n = last.falsePositives();
        int k = pts.size();
        double[] se = new double[k];
        double[] sp = new double[k];
        for (int i = 0; i < k; i++) {
            RocPoint p = pts.get(k - 1 - i);
            se[i] = (double) p.truePositives() / m;
            sp[i] = (double) (n - p.falsePositives()) / n;
        }
        return new double[][] {se, sp};
    }

    /**
     * pROC's {@code coords} lookup: {@code input} is increasing ({@code decreasing} false, the
     * specificities) or decreasing (the sensitivities) along the points.
     */
    private static double at(double[] input, double[] output, double value, boolean decreasing) {
        int idx = -1;
        for (int i = 0; i < input.length; i++) {
            if (input[i] == value) {
                idx = i;
                if (!decreasing) break; // first match; with decreasing input, the last
            }
        }
        if (idx >= 0) return output[idx];
        int next = -1;
        for (int i = 0; i < input.length; i++) {
            if (decreasing ? input[i] < value : input[i] > value) {
                next = i;
                break;
            }
        }
        double proportion = (value - input[next]) / (input[next - 1] - input[next]);
        return output[next] + proportion * (output[next - 1] - output[next]);
    }
}
