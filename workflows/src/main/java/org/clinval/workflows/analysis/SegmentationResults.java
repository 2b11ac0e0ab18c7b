package org.clinval.workflows.analysis;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clinval.validation.segmentation.SegmentationMetric;
import org.clinval.validation.segmentation.SegmentationSummary;

/**
 * The segmentation analysis of a study: every metric's mean and median over the cases where it is
 * defined, with bootstrap intervals over cases at the protocol's table level, the counts of empty
 * masks, the mean Dice per subgroup and per reference-size band.
 *
 * @param summary counts, undefined reasons, means and medians per metric (the validation module's
 *     summary type)
 * @param means each metric's mean with its bootstrap over cases
 * @param medians each metric's median with its bootstrap over cases
 * @param subgroups mean Dice per value of each protocol subgroup attribute, in protocol order
 * @param sizeBands mean Dice per band of reference volume in voxels ({@link
 *     SegmentationAnalysis#SIZE_BANDS})
 */
public record SegmentationResults(
        SegmentationSummary summary,
        Map<SegmentationMetric, CaseAggregate> means,
        Map<SegmentationMetric, CaseAggregate> medians,
        Map<String, List<GroupAggregate>> subgroups,
        List<GroupAggregate> sizeBands) {

    public SegmentationResults {
        means = Collections.unmodifiableMap(new EnumMap<>(means));
        medians = Collections.unmodifiableMap(new EnumMap<>(medians));
        subgroups = Collections.unmodifiableMap(new LinkedHashMap<>(subgroups));
        sizeBands = List.copyOf(sizeBands);
    }

    /** Returns {@code metric}'s mean or median. */
    public CaseAggregate aggregate(SegmentationMetric metric, Aggregate aggregate) {
        return aggregate == Aggregate.MEAN ? means.get(metric) : medians.get(metric);
    }

    /**
     * An aggregate over some of the cases: one subgroup or size band.
     *
     * @param group the group's name, e.g. {@code Siemens} or {@code 1000-9999 voxels}
     * @param n cases in the group
     * @param value the aggregate over its cases
     */
    public record GroupAggregate(String group, int n, CaseAggregate value) {}
}
