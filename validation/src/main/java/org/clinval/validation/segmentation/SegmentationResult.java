package org.clinval.validation.segmentation;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.validation.Checks;

/**
 * The comparison of a predicted mask {@code A} with a reference mask {@code B}: overlap, surface
 * distances and surface Dice, with the spacing, tolerance and emptiness they were computed under.
 *
 * <p>Undefined values are empty, never NaN: the distances when exactly one mask is empty (there is
 * no surface to measure to), and surface Dice when no tolerance was given. See {@link
 * SegmentationMetrics} for the formulas and the policy on empty masks.
 *
 * @param dice {@code 2|A ∩ B| / (|A| + |B|)}; 1 when both are empty
 * @param iou {@code |A ∩ B| / |A ∪ B|}; 1 when both are empty
 * @param hausdorff Hausdorff distance in mm
 * @param hd95 the larger of the two directed 95th percentiles, in mm (MONAI's HD95)
 * @param hd95Pooled the 95th percentile of both directions pooled, in mm (MedPy's {@code hd95})
 * @param assd the mean of both directions' surface distances pooled, in mm
 * @param surfaceDice surface Dice at {@code tolerance}
 * @param spacing voxel spacing in mm
 * @param tolerance surface-Dice tolerance in mm, empty when none was given
 * @param empty which masks were empty
 * @param voxels the voxel counts
 */
public record SegmentationResult(
        double dice,
        double iou,
        OptionalDouble hausdorff,
        OptionalDouble hd95,
        OptionalDouble hd95Pooled,
        OptionalDouble assd,
        OptionalDouble surfaceDice,
        Spacing spacing,
        OptionalDouble tolerance,
        EmptyMasks empty,
        VoxelCounts voxels) {

    public SegmentationResult {
        Checks.closedUnit("dice", dice);
        Checks.closedUnit("iou", iou);
        Objects.requireNonNull(spacing, "spacing");
        Objects.requireNonNull(empty, "empty");
        Objects.requireNonNull(voxels, "voxels");
        for (OptionalDouble d : new OptionalDouble[] {hausdorff, hd95, hd95Pooled, assd}) {
            if (d.isPresent()) {
                if (!(d.getAsDouble() >= 0) || Double.isInfinite(d.getAsDouble())) {
                    throw new IllegalArgumentException(
                            "a surface distance is not a non-negative finite number: "
                                    + d.getAsDouble());
                }
            } else if (empty == EmptyMasks.NEITHER || empty == EmptyMasks.BOTH) {
                throw new IllegalArgumentException(
                        "surface distances are defined unless exactly one mask is empty");
            }
        }
        if (surfaceDice.isPresent()) {
            Checks.closedUnit("surface dice", surfaceDice.getAsDouble());
        }
        if (surfaceDice.isPresent() != tolerance.isPresent()) {
            throw new IllegalArgumentException(
                    "surface Dice is defined exactly when a tolerance is given");
        }
    }

    /** Returns {@code metric}'s value, empty when undefined. */
    public OptionalDouble value(SegmentationMetric metric) {
        return switch (metric) {
            case DICE -> OptionalDouble.of(dice);
            case IOU -> OptionalDouble.of(iou);
            case HAUSDORFF -> hausdorff;
            case HD95 -> hd95;
            case HD95_POOLED -> hd95Pooled;
            case ASSD -> assd;
            case SURFACE_DICE -> surfaceDice;
        };
    }

    /** Returns why {@code metric} is undefined, empty when it is defined. */
    public Optional<String> undefinedReason(SegmentationMetric metric) {
        if (value(metric).isPresent()) {
            return Optional.empty();
        }
        if (metric == SegmentationMetric.SURFACE_DICE) {
            return Optional.of("no surface-Dice tolerance was given");
        }
        return Optional.of(
                empty.names().get(0) + " mask is empty: surface distances are undefined");
    }
}
