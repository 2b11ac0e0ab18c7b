package org.clinval.workflows.analysis;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.validation.segmentation.EmptyMasks;
import org.clinval.validation.segmentation.SegmentationMetric;

/**
 * The segmentation columns of one row of {@code case-results.csv}: the metrics of the case's
 * predicted mask against its reference, as the inference step computed them with the validation
 * module's {@code SegmentationMetrics}.
 *
 * @param caseId the case identifier
 * @param values each metric's value, absent when undefined (an empty cell)
 * @param empty which masks were empty
 * @param referenceVoxels voxels in the reference mask
 * @param predictedVoxels voxels in the predicted mask
 */
public record SegmentationCase(
        String caseId,
        Map<SegmentationMetric, Double> values,
        EmptyMasks empty,
        long referenceVoxels,
        long predictedVoxels) {

    public SegmentationCase {
        values = Collections.unmodifiableMap(new EnumMap<>(values));
        for (SegmentationMetric m :
                new SegmentationMetric[] {SegmentationMetric.DICE, SegmentationMetric.IOU}) {
            if (!values.containsKey(m)) {
                throw new IllegalArgumentException(
                        "case " + caseId + ": " + m.key() + " is always defined");
            }
        }
        if (referenceVoxels < 0 || predictedVoxels < 0) {
            throw new IllegalArgumentException("case " + caseId + ": a voxel count is negative");
        }
    }

    /** Returns {@code metric}'s value, empty when undefined. */
    public OptionalDouble value(SegmentationMetric metric) {
        Double v = values.get(metric);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /**
     * Returns why {@code metric} is undefined, empty when it is defined; the reasons of the
     * validation module's {@code SegmentationResult}.
     */
    public Optional<String> undefinedReason(SegmentationMetric metric) {
        if (values.containsKey(metric)) {
            return Optional.empty();
        }
        if (metric == SegmentationMetric.SURFACE_DICE) {
            return Optional.of("no surface-Dice tolerance was given");
        }
        String mask = empty.names().isEmpty() ? "a" : empty.names().get(0);
        return Optional.of(mask + " mask is empty: surface distances are undefined");
    }
}
