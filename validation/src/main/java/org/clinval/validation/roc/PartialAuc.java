package org.clinval.validation.roc;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.clinval.validation.Interval;
import org.clinval.validation.bootstrap.BootstrapSpec;
import org.clinval.validation.bootstrap.Intervals;

/**
 * Partial area under the empirical ROC curve over a specificity or a sensitivity range, as pROC's
 * {@code auc(r, partial.auc = c(upper, lower), partial.auc.focus = ...)} (Robin et al. 2011,
 * doi:10.1186/1471-2105-12-77).
 *
 * <p>With focus on specificity, {@code pAUC = ∫_lower^upper Se(sp) d sp}; on sensitivity, {@code
 * pAUC = ∫_lower^upper Sp(se) d se}, the curve linear between its points. Ends that fall between
 * two points are interpolated linearly, as pROC does; vertical steps (ties) have no width and add
 * nothing.
 *
 * <p>McClish's standardisation (McClish 1989, doi:10.1177/0272989X8900900307), pROC's {@code
 * partial.auc.correct = TRUE}: {@code (1 + (pAUC − min)/(max − min))/2} with {@code max = upper −
 * lower} and {@code min = (upper − lower)(2 − upper − lower)/2}, the diagonal's area. It maps the
 * chance diagonal to 0.5 and a perfect test to 1. It is undefined (empty, with the reason) when the
 * curve lies below the diagonal over the range ({@code pAUC < min}), where pROC returns NA. {@code
 * min} and {@code max} coincide only for a range of zero width, which {@link PartialAucRange}
 * rejects.
 *
 * <p>Variance: pROC 1.18.0 defines no DeLong variance for a partial AUC ({@code var()} and {@code
 * ci.auc(method = "delong")} refuse it and point to the bootstrap), and none is invented here. The
 * interval is the stratified bootstrap percentile interval, as pROC's {@code ci.auc(method =
 * "bootstrap", boot.stratified = TRUE)}.
 */
public final class PartialAuc {

    private PartialAuc() {}

    /** Returns the raw and McClish-corrected partial AUC of {@code input} over {@code range}. */
    public static PartialAucEstimate of(RocInput input, PartialAucRange range) {
        double area = area(RocCurve.of(input), range);
        OptionalDouble corrected = mcClish(area, range);
        Optional<String> reason =
                corrected.isPresent()
                        ? Optional.empty()
                        : Optional.of(
                                "McClish correction is undefined for a curve below the diagonal"
                                        + " over the range: partial AUC "
                                        + area
                                        + " < chance area "
                                        + range.chanceArea());
        return new PartialAucEstimate(
                area,
                corrected,
                range,
                input.positives(),
                input.negatives(),
                input.direction(),
                reason);
    }

    /** Returns the area under {@code curve} over {@code range}, interpolating at the ends. */
    public static double area(RocCurve curve, PartialAucRange range) {
        boolean spec = range.focus() == PartialAucRange.Focus.SPECIFICITY;
        List<RocPoint> points = curve.points();
        double lo = range.lower();
        double hi = range.upper();
        double area = 0;
        for (int k = 1; k < points.size(); k++) {
            RocPoint a = points.get(k - 1);
            RocPoint b = points.get(k);
            // Along the curve specificity falls and sensitivity rises: order each segment by u.
            RocPoint p = spec ? b : a;
            RocPoint q = spec ? a : b;
            double u0 = spec ? p.specificity() : p.sensitivity();
            double u1 = spec ? q.specificity() : q.sensitivity();
            double v0 = spec ? p.sensitivity() : p.specificity();
            double v1 = spec ? q.sensitivity() : q.specificity();
            double l = Math.max(lo, u0);
            double h = Math.min(hi, u1);
            if (!(h > l)) continue; // outside the range, or a vertical step
            double vl = v0 + (v1 - v0) * (l - u0) / (u1 - u0);
            double vh = v0 + (v1 - v0) * (h - u0) / (u1 - u0);
            area += (h - l) * (vl + vh) / 2;
        }
        return area;
    }

    /** Returns McClish's standardised partial AUC, or empty below the diagonal. */
    static OptionalDouble mcClish(double area, PartialAucRange range) {
        double min = range.chanceArea();
        double max = range.width();
        if (area < min) return OptionalDouble.empty();
        return OptionalDouble.of((1 + (area - min) / (max - min)) / 2);
    }

    /**
     * Returns the stratified bootstrap percentile interval of the partial AUC ({@code corrected}
     * false) or of McClish's standardised partial AUC ({@code corrected} true). Each replicate
     * draws {@code m} positives and {@code n} negatives with replacement from its own seeded
     * generator; replicates where the correction is undefined are left out and counted, as pROC
     * drops their NA values.
     *
     * @throws IllegalArgumentException with fewer than 2 cases in a class, if the correction is
     *     undefined on the original sample, or if every replicate is undefined
     */
    public static PartialAucInterval bootstrap(
            RocInput input, PartialAucRange range, boolean corrected, BootstrapSpec spec) {
        int m = input.positives();
        int n = input.negatives();
        if (m < 2 || n < 2) {
            throw new IllegalArgumentException(
                    "a bootstrap interval of the partial AUC needs at least 2 positive and 2"
                            + " negative cases: "
                            + m
                            + " positive, "
                            + n
                            + " negative");
        }
        PartialAucEstimate est = of(input, range);
        if (corrected && est.corrected().isEmpty()) {
            throw new IllegalArgumentException(est.undefinedReason().orElseThrow());
        }
        double estimate = corrected ? est.corrected().getAsDouble() : est.partialAuc();
        double[] x = input.x();
        double[] y = input.y();
        double[] reps = new double[spec.replicates()];
        IntStream.range(0, spec.replicates())
                .parallel()
                .forEach(r -> reps[r] = replicate(spec.random(r), x, y, input, range, corrected));
        double[] defined = Arrays.stream(reps).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (defined.length == 0) {
            throw new IllegalArgumentException(
                    "McClish correction is undefined in every bootstrap replicate");
        }
        double alpha = 1 - spec.level().value();
        Interval ci =
                new Interval(
                        Intervals.quantile(defined, alpha / 2),
                        Intervals.quantile(defined, 1 - alpha / 2));
        return new PartialAucInterval(
                estimate,
                ci,
                spec.level(),
                range,
                corrected,
                spec.replicates(),
                reps.length - defined.length,
                spec.seed(),
                RocBootstrap.RESAMPLING);
    }

    /** Returns one replicate's statistic; NaN marks an undefined correction, filtered above. */
    private static double replicate(
            UniformRandomProvider rng,
            double[] x,
            double[] y,
            RocInput input,
            PartialAucRange range,
            boolean corrected) {
        double[] xs = new double[x.length];
        double[] ys = new double[y.length];
        for (int k = 0; k < xs.length; k++) xs[k] = x[rng.nextInt(x.length)];
        for (int k = 0; k < ys.length; k++) ys[k] = y[rng.nextInt(y.length)];
        double area = area(RocCurve.of(RocInput.oriented(input.direction(), xs, ys)), range);
        if (!corrected) return area;
        return mcClish(area, range).orElse(Double.NaN);
    }
}
