package org.clinval.validation.segmentation;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * One metric over many cases: how many there were, how many had it defined, why the others did not,
 * and the mean and median of the defined values. Undefined cases are counted, never dropped.
 *
 * @param metric the metric
 * @param n all cases
 * @param nDefined cases with the metric defined
 * @param nUndefined {@code n − nDefined}
 * @param undefinedReasons reason → number of cases, sorted by reason
 * @param mean mean of the defined values, empty when none is
 * @param median median of the defined values (mean of the middle two for an even count, as numpy's
 *     {@code median}), empty when none is
 */
public record MetricSummary(
        SegmentationMetric metric,
        int n,
        int nDefined,
        int nUndefined,
        Map<String, Integer> undefinedReasons,
        OptionalDouble mean,
        OptionalDouble median) {

    public MetricSummary {
        if (nDefined < 0 || nUndefined < 0 || nDefined + nUndefined != n) {
            throw new IllegalArgumentException(
                    "case counts do not add up: n = "
                            + n
                            + ", defined = "
                            + nDefined
                            + ", undefined = "
                            + nUndefined);
        }
        undefinedReasons = Collections.unmodifiableMap(new TreeMap<>(undefinedReasons));
    }

    /** Summarises {@code metric} over {@code results}. */
    public static MetricSummary of(SegmentationMetric metric, List<SegmentationResult> results) {
        double[] defined = new double[results.size()];
        int k = 0;
        Map<String, Integer> reasons = new TreeMap<>();
        for (SegmentationResult r : results) {
            OptionalDouble v = r.value(metric);
            if (v.isPresent()) {
                defined[k++] = v.getAsDouble();
            } else {
                Optional<String> why = r.undefinedReason(metric);
                reasons.merge(why.orElseThrow(), 1, Integer::sum);
            }
        }
        double[] x = Arrays.copyOf(defined, k);
        if (k == 0) {
            return new MetricSummary(
                    metric,
                    results.size(),
                    0,
                    results.size(),
                    reasons,
                    OptionalDouble.empty(),
                    OptionalDouble.empty());
        }
        Arrays.sort(x);
        double median = k % 2 == 1 ? x[k / 2] : (x[k / 2 - 1] + x[k / 2]) / 2;
        return new MetricSummary(
                metric,
                results.size(),
                k,
                results.size() - k,
                reasons,
                OptionalDouble.of(SegmentationMetrics.mean(x)),
                OptionalDouble.of(median));
    }
}
