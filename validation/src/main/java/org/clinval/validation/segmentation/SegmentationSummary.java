package org.clinval.validation.segmentation;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Every metric summarised over the same cases.
 *
 * @param n number of cases
 * @param tolerance the surface-Dice tolerance shared by the cases, in mm, or empty if none
 * @param emptyMasks number of cases per {@link EmptyMasks} value (all values present)
 * @param metrics one summary per metric (all metrics present)
 */
public record SegmentationSummary(
        int n,
        OptionalDouble tolerance,
        Map<EmptyMasks, Integer> emptyMasks,
        Map<SegmentationMetric, MetricSummary> metrics) {

    public SegmentationSummary {
        emptyMasks = Collections.unmodifiableMap(new EnumMap<>(emptyMasks));
        metrics = Collections.unmodifiableMap(new EnumMap<>(metrics));
    }

    /**
     * Summarises {@code results}, which share the tolerance of the first.
     *
     * @throws IllegalArgumentException if the results do not share one tolerance (averaging surface
     *     Dice over different tolerances would mean nothing)
     */
    public static SegmentationSummary of(List<SegmentationResult> results) {
        return of(results, results.isEmpty() ? OptionalDouble.empty() : results.get(0).tolerance());
    }

    /**
     * Summarises {@code results}, all computed at {@code tolerance}.
     *
     * @throws IllegalArgumentException if a result has another tolerance
     */
    public static SegmentationSummary of(
            List<SegmentationResult> results, OptionalDouble tolerance) {
        Map<EmptyMasks, Integer> empty = new EnumMap<>(EmptyMasks.class);
        for (EmptyMasks e : EmptyMasks.values()) empty.put(e, 0);
        for (int i = 0; i < results.size(); i++) {
            SegmentationResult r = results.get(i);
            if (!r.tolerance().equals(tolerance)) {
                throw new IllegalArgumentException(
                        "case "
                                + i
                                + " has surface-Dice tolerance "
                                + r.tolerance()
                                + ", but the summary is at "
                                + tolerance);
            }
            empty.merge(r.empty(), 1, Integer::sum);
        }
        Map<SegmentationMetric, MetricSummary> metrics = new EnumMap<>(SegmentationMetric.class);
        for (SegmentationMetric m : SegmentationMetric.values()) {
            metrics.put(m, MetricSummary.of(m, results));
        }
        return new SegmentationSummary(results.size(), tolerance, empty, metrics);
    }

    /** Returns the summary of {@code metric}. */
    public MetricSummary metric(SegmentationMetric metric) {
        return metrics.get(metric);
    }
}
