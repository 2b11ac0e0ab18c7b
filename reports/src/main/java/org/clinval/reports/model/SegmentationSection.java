package org.clinval.reports.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The segmentation results of a segmentation study: every case's metrics, their aggregates with
 * bootstrap intervals over cases, the empty-mask counts and the mean Dice per size band and
 * subgroup.
 *
 * @param cases every analysed case, sorted worst Dice first ({@link
 *     SegmentationCaseRow#worstFirst})
 * @param metrics the aggregate of each metric, in print order
 * @param emptyMasks cases per empty-mask outcome ({@code neither}, {@code prediction}, {@code
 *     reference}, {@code both}), in that order
 * @param label the reference segment compared, e.g. {@code all}
 * @param toleranceMm the surface-Dice tolerance in mm, empty if none
 * @param level the intervals' confidence level
 * @param replicates bootstrap replicates
 * @param seed bootstrap seed
 * @param resampling how the bootstrap resampled, e.g. {@code cases with replacement}
 * @param sizeBands mean Dice per band of reference volume
 * @param subgroups mean Dice per subgroup
 * @param overlayLimitation why the report draws no contour overlay of the worst cases, if it draws
 *     none
 * @param overlays the run's contour overlays (PNG, {@code results/overlay/<case>.png}) of the worst
 *     cases, by case id
 */
public record SegmentationSection(
        List<SegmentationCaseRow> cases,
        List<MetricAggregateRow> metrics,
        Map<String, Integer> emptyMasks,
        String label,
        OptionalDouble toleranceMm,
        double level,
        int replicates,
        long seed,
        String resampling,
        List<GroupRow> sizeBands,
        List<GroupRow> subgroups,
        String overlayLimitation,
        Map<String, byte[]> overlays) {

    public SegmentationSection {
        overlays = Map.copyOf(overlays);
        List<SegmentationCaseRow> sorted =
                new ArrayList<>(Fields.list("segmentation cases", cases));
        sorted.sort(SegmentationCaseRow::worstFirst);
        cases = List.copyOf(sorted);
        metrics = Fields.list("segmentation metrics", metrics);
        emptyMasks =
                Collections.unmodifiableMap(
                        new LinkedHashMap<>(Fields.present("empty masks", emptyMasks)));
        int counted = emptyMasks.values().stream().mapToInt(Integer::intValue).sum();
        if (counted != cases.size()) {
            throw new IllegalArgumentException(
                    "empty-mask counts add up to "
                            + counted
                            + " but there are "
                            + cases.size()
                            + " cases");
        }
        Fields.text("segment label", label);
        Fields.present("surface-Dice tolerance", toleranceMm);
        Fields.text("bootstrap resampling", resampling);
        sizeBands = Fields.list("size bands", sizeBands);
        subgroups = Fields.list("segmentation subgroups", subgroups);
        Fields.present("overlay limitation", overlayLimitation);
    }

    /** Returns the {@code k} worst cases by Dice. */
    public List<SegmentationCaseRow> worst(int k) {
        return cases.subList(0, Math.min(k, cases.size()));
    }
}
