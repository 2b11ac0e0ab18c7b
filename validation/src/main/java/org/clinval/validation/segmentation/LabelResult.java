package org.clinval.validation.segmentation;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The comparison of one label of two label maps: the channel {@code label} of MONAI's one-hot form.
 *
 * <p>A label absent from both maps leaves every metric undefined ("label absent from both"): MONAI
 * gives NaN there (Dice with its default {@code ignore_empty=True}, the distances always) and its
 * reductions skip it; here it is reported and counted. A label absent from the reference only has
 * Dice = IoU = 0 (MONAI's {@code ignore_empty=False}; with the default it would be NaN) and
 * undefined distances (MONAI: inf); absent from the prediction only, Dice = IoU = 0 and undefined
 * distances.
 *
 * <p>{@link #FOREGROUND} stands for "every non-zero voxel" of two binary masks; there both masks
 * empty is clinval's correct "nothing here" (Dice = IoU = 1, distances 0), as in {@link
 * SegmentationMetrics}.
 *
 * @param label the label value, or {@link #FOREGROUND}
 * @param dice {@code 2|A ∩ B| / (|A| + |B|)}
 * @param iou {@code |A ∩ B| / |A ∪ B|}
 * @param distances surface distances at the chosen metric and percentile
 * @param hd95 the larger directed 95th percentile, Euclidean, in mm (MONAI's HD95)
 * @param voxels voxel counts of the label in prediction, reference, both
 */
public record LabelResult(
        int label,
        OptionalDouble dice,
        OptionalDouble iou,
        DirectedDistances distances,
        OptionalDouble hd95,
        VoxelCounts voxels) {

    /** The reason given for every metric of a label absent from both maps. */
    public static final String ABSENT = "label absent from both prediction and reference";

    /** The label of a binary comparison: every non-zero voxel. */
    public static final int FOREGROUND = -1;

    public LabelResult {
        Objects.requireNonNull(distances, "distances");
        Objects.requireNonNull(voxels, "voxels");
    }

    /** Returns whether the label is absent from both maps. */
    public boolean absent() {
        return label != FOREGROUND && distances.empty() == EmptyMasks.BOTH;
    }

    /** The keys of {@link #value}, in output order. */
    public static final java.util.List<String> KEYS =
            java.util.List.of(
                    "dice",
                    "iou",
                    "hd",
                    "hd95",
                    "assd",
                    "hd_pred_to_truth",
                    "hd_truth_to_pred",
                    "asd_pred_to_truth",
                    "asd_truth_to_pred");

    /** Returns the metric named {@code key}: dice, iou, hd, hd95, assd and the directed ones. */
    public OptionalDouble value(String key) {
        if (absent()) return OptionalDouble.empty();
        return switch (key) {
            case "dice" -> dice;
            case "iou" -> iou;
            case "hd" -> distances.hd();
            case "hd95" -> hd95;
            case "assd" -> distances.assd();
            case "hd_pred_to_truth" -> distances.hdPredictionToReference();
            case "hd_truth_to_pred" -> distances.hdReferenceToPrediction();
            case "asd_pred_to_truth" -> distances.asdPredictionToReference();
            case "asd_truth_to_pred" -> distances.asdReferenceToPrediction();
            default -> throw new IllegalArgumentException("unknown label metric: " + key);
        };
    }

    /** Returns why the metric {@code key} is undefined, empty when it is defined. */
    public Optional<String> undefinedReason(String key) {
        if (value(key).isPresent()) return Optional.empty();
        if (absent()) return Optional.of(ABSENT);
        return distances.undefinedReason();
    }
}
