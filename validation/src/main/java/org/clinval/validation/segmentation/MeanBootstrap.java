package org.clinval.validation.segmentation;

import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.clinval.validation.bootstrap.BootstrapInterval;
import org.clinval.validation.bootstrap.BootstrapSpec;
import org.clinval.validation.bootstrap.Intervals;

/**
 * Bootstrap confidence intervals of the mean of a metric over cases: replicate {@code r} draws
 * {@code n} cases with replacement from {@link BootstrapSpec#random(int)} and takes their mean;
 * percentile and BCa intervals by {@link Intervals}, the acceleration from the leave-one-out means.
 * The values are the cases where the metric is defined; the undefined ones are counted beside the
 * interval by the caller, never imputed.
 */
public final class MeanBootstrap {

    /** How cases are resampled, recorded with the interval. */
    public static final String RESAMPLING = "cases with the metric defined, with replacement";

    private MeanBootstrap() {}

    /** Returns the intervals, empty when there are fewer than 2 values (nothing to resample). */
    public static Optional<BootstrapInterval> of(double[] values, BootstrapSpec spec) {
        int n = values.length;
        if (n < 2) return Optional.empty();
        double total = 0;
        for (double v : values) total += v;
        double estimate = SegmentationMetrics.mean(values);
        double[] replicates = new double[spec.replicates()];
        double[] draw = new double[n];
        for (int r = 0; r < replicates.length; r++) {
            UniformRandomProvider random = spec.random(r);
            for (int i = 0; i < n; i++) draw[i] = values[random.nextInt(n)];
            replicates[r] = SegmentationMetrics.mean(draw);
        }
        double[] jackknife = new double[n];
        for (int i = 0; i < n; i++) jackknife[i] = (total - values[i]) / (n - 1);
        return Optional.of(Intervals.of(estimate, replicates, jackknife, spec, RESAMPLING));
    }
}
