package org.clinval.common;

import java.util.List;

/**
 * The per-case columns a segmentation or detection study adds to {@code case-results.csv}, after
 * {@code prediction}: written by the inference step, read by the analysis, the acceptance criteria
 * and the reports. One list, so writer and readers cannot drift apart.
 */
public final class TaskColumns {

    /**
     * Segmentation: overlap, surface distances in mm (empty when undefined), surface Dice, which
     * masks were empty ({@code neither|prediction|reference|both}) and the voxel counts.
     */
    public static final List<String> SEGMENTATION =
            List.of(
                    "dice",
                    "iou",
                    "hd",
                    "hd95",
                    "hd95_pooled",
                    "assd",
                    "surface_dice",
                    "empty",
                    "reference_voxels",
                    "predicted_voxels");

    /**
     * Detection, at the operating threshold: reference lesions, lesions hit, false positives and
     * candidates accepted.
     */
    public static final List<String> DETECTION =
            List.of("lesions", "hits", "false_positives", "candidates");

    /**
     * Grading: the reference grade and the model's grade (grade names), then the model's
     * probability of each grade, {@code p_<grade name>} in scale order.
     */
    public static List<String> grading(List<String> grades) {
        List<String> out = new java.util.ArrayList<>(List.of("truth_grade", "predicted_grade"));
        for (String g : grades) out.add("p_" + g);
        return List.copyOf(out);
    }

    private TaskColumns() {}
}
