package org.clinval.validation.segmentation;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** The metrics of a {@link SegmentationResult}, with their machine-readable keys. */
public enum SegmentationMetric {
    /** Dice coefficient {@code 2|A ∩ B| / (|A| + |B|)}. */
    DICE("dice"),
    /** Intersection over union (Jaccard) {@code |A ∩ B| / |A ∪ B|}. */
    IOU("iou"),
    /** Hausdorff distance in mm: the largest surface distance in either direction. */
    HAUSDORFF("hd"),
    /** The larger of the two directed 95th percentiles of the surface distances, in mm. */
    HD95("hd95"),
    /** The 95th percentile of both directions' surface distances pooled, in mm. */
    HD95_POOLED("hd95_pooled"),
    /** Average symmetric surface distance: the mean of both directions pooled, in mm. */
    ASSD("assd"),
    /** Surface Dice at the tolerance: the fraction of surface voxels within it of the other. */
    SURFACE_DICE("surface_dice");

    private final String key;

    SegmentationMetric(String key) {
        this.key = key;
    }

    /** Returns the key used in JSON and CSV output, e.g. {@code hd95_pooled}. */
    public String key() {
        return key;
    }

    /** Returns the metric's value in {@code result}, empty when undefined. */
    public OptionalDouble of(SegmentationResult result) {
        return result.value(this);
    }

    /** Returns why the metric is undefined in {@code result}, empty when it is defined. */
    public Optional<String> undefinedReason(SegmentationResult result) {
        return result.undefinedReason(this);
    }

    /** Parses a key such as {@code hd95} or {@code surface-dice}. */
    public static SegmentationMetric parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (SegmentationMetric m : values()) {
            if (m.key.equals(t)) return m;
        }
        throw new IllegalArgumentException(
                "segmentation metric is not one of dice, iou, hd, hd95, hd95_pooled, assd,"
                        + " surface_dice: "
                        + text);
    }
}
