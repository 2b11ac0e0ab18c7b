package org.clinval.validation.segmentation;

import java.util.Locale;

/**
 * The point distance behind the surface distances, MONAI's {@code distance_metric}.
 *
 * <p>Only {@link #EUCLIDEAN} uses the voxel spacing. {@link #CHESSBOARD} and {@link #TAXICAB} are
 * counted in voxel steps and ignore the spacing, as MONAI's {@code get_surface_distance} does: it
 * calls {@code scipy.ndimage.distance_transform_cdt(~edges, metric=...)}, which takes no {@code
 * sampling} (MONAI's docstring: spacing "is relevant only if distance_metric is set to euclidean").
 */
public enum DistanceMetric {
    /** {@code sqrt(Σ (s_axis·Δ_axis)²)} in mm: {@code distance_transform_edt(sampling=spacing)}. */
    EUCLIDEAN("euclidean"),
    /**
     * {@code max_axis |Δ_axis|} in voxel steps: {@code
     * distance_transform_cdt(metric='chessboard')}.
     */
    CHESSBOARD("chessboard"),
    /** {@code Σ |Δ_axis|} in voxel steps: {@code distance_transform_cdt(metric='taxicab')}. */
    TAXICAB("taxicab");

    private final String key;

    DistanceMetric(String key) {
        this.key = key;
    }

    /** Returns MONAI's name of the metric, e.g. {@code chessboard}. */
    public String key() {
        return key;
    }

    /** Returns whether distances are in mm (true) or voxel steps (false). */
    public boolean usesSpacing() {
        return this == EUCLIDEAN;
    }

    /** Returns the unit of the distances, {@code mm} or {@code voxels}. */
    public String unit() {
        return usesSpacing() ? "mm" : "voxels";
    }

    /** Parses {@code euclidean}, {@code chessboard} or {@code taxicab}. */
    public static DistanceMetric parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (DistanceMetric m : values()) {
            if (m.key.equals(t)) return m;
        }
        throw new IllegalArgumentException(
                "distance metric is not one of euclidean, chessboard, taxicab: " + text);
    }
}
