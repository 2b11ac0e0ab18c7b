package org.clinval.workflows.protocol;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The protocol's {@code segmentation} block.
 *
 * @param label the segment of each reference DICOM SEG to compare with: its segment number (e.g.
 *     {@code 1}) or its label; empty when the reference has a single segment
 * @param minComponentMm3 the predicted mask's 26-connected components smaller than this volume in
 *     mm³ are removed before the comparison (key {@code min_component_mm3}); 0 keeps every one
 * @param maxElongation the predicted mask's components more elongated than this (largest
 *     bounding-box extent over the diameter of the sphere of the same volume) are removed (key
 *     {@code max_elongation}); 0 keeps every one
 * @param surfaceToleranceMm tolerance of the surface Dice in mm; empty when surface Dice is not
 *     computed (it is then undefined in every case)
 */
public record SegmentationSettings(
        Optional<String> label,
        OptionalDouble surfaceToleranceMm,
        double minComponentMm3,
        double maxElongation) {

    public SegmentationSettings {
        if (surfaceToleranceMm.isPresent()
                && !(surfaceToleranceMm.getAsDouble() >= 0
                        && Double.isFinite(surfaceToleranceMm.getAsDouble()))) {
            throw new IllegalArgumentException(
                    "surface_tolerance_mm is not a non-negative finite number: "
                            + surfaceToleranceMm.getAsDouble());
        }
        if (!(maxElongation >= 0 && Double.isFinite(maxElongation))) {
            throw new IllegalArgumentException(
                    "max_elongation is not a non-negative finite number: " + maxElongation);
        }
        if (!(minComponentMm3 >= 0 && Double.isFinite(minComponentMm3))) {
            throw new IllegalArgumentException(
                    "min_component_mm3 is not a non-negative finite number: " + minComponentMm3);
        }
        if (label.isPresent() && label.get().isBlank()) {
            throw new IllegalArgumentException("segmentation label is blank");
        }
    }

    /** The settings of a segmentation protocol without a {@code segmentation} block. */
    public static final SegmentationSettings DEFAULT =
            new SegmentationSettings(Optional.empty(), OptionalDouble.empty(), 0, 0);
}
