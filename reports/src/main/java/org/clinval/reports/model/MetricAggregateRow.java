package org.clinval.reports.model;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.clinval.validation.Interval;

/**
 * The mean and median of one segmentation metric over the cases where it is defined, with their
 * bootstrap intervals over all cases; the undefined cases are counted with their reasons.
 *
 * @param metric the metric for reading, e.g. {@code HD95 (mm)}
 * @param key the metric's key in {@code case-results.csv} and {@code metrics.json}, e.g. {@code
 *     hd95}
 * @param n all cases
 * @param nDefined cases with the metric defined
 * @param mean the mean, empty when no case has the metric
 * @param meanCi its percentile bootstrap interval
 * @param meanBca its BCa bootstrap interval, empty when undefined
 * @param median the median, empty when no case has the metric
 * @param medianCi its percentile bootstrap interval
 * @param medianBca its BCa bootstrap interval, empty when undefined
 * @param undefinedReasons reason → cases without the metric, sorted by reason
 */
public record MetricAggregateRow(
        String metric,
        String key,
        int n,
        int nDefined,
        OptionalDouble mean,
        Optional<Interval> meanCi,
        Optional<Interval> meanBca,
        OptionalDouble median,
        Optional<Interval> medianCi,
        Optional<Interval> medianBca,
        Map<String, Integer> undefinedReasons) {

    public MetricAggregateRow {
        Fields.text("metric", metric);
        Fields.text(metric + " key", key);
        Fields.nonNegative(metric + " n", n);
        if (nDefined < 0 || nDefined > n) {
            throw new IllegalArgumentException(
                    metric + " defined cases are not in [0, " + n + "]: " + nDefined);
        }
        Fields.present(metric + " mean", mean);
        Fields.optional(metric + " mean interval", meanCi);
        Fields.optional(metric + " mean BCa interval", meanBca);
        Fields.present(metric + " median", median);
        Fields.optional(metric + " median interval", medianCi);
        Fields.optional(metric + " median BCa interval", medianBca);
        undefinedReasons =
                java.util.Collections.unmodifiableMap(
                        new TreeMap<>(Fields.present(metric + " reasons", undefinedReasons)));
    }
}
