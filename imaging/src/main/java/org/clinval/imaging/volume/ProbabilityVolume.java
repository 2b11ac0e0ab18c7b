package org.clinval.imaging.volume;

import java.util.Objects;

/**
 * Per-voxel probabilities in [0, 1] on a volume's grid, slice-major ({@code [slice][row · columns +
 * column]}): a segmentation model's output over a {@link SeriesVolume}. Immutable.
 */
public final class ProbabilityVolume {

    private final VolumeGeometry geometry;
    private final float[][] values;

    /**
     * Creates a volume of {@code values}, one array of {@code rows · columns} per slice, each value
     * finite and in [0, 1]; the arrays are copied.
     */
    public ProbabilityVolume(VolumeGeometry geometry, float[][] values) {
        this.geometry = Objects.requireNonNull(geometry, "geometry");
        if (values.length != geometry.slices()) {
            throw new IllegalArgumentException(
                    values.length + " slices of probabilities, the grid has " + geometry.slices());
        }
        int plane = geometry.rows() * geometry.columns();
        this.values = new float[values.length][];
        for (int s = 0; s < values.length; s++) {
            if (values[s] == null || values[s].length != plane) {
                throw new IllegalArgumentException(
                        "slice " + s + " does not have " + plane + " probabilities");
            }
            for (int i = 0; i < plane; i++) {
                float p = values[s][i];
                if (!(p >= 0 && p <= 1)) {
                    throw new IllegalArgumentException(
                            "probability at slice "
                                    + s
                                    + ", row "
                                    + i / geometry.columns()
                                    + ", column "
                                    + i % geometry.columns()
                                    + " is not in [0, 1]: "
                                    + p);
                }
            }
            this.values[s] = values[s].clone();
        }
    }

    /** Returns the grid. */
    public VolumeGeometry geometry() {
        return geometry;
    }

    /** Returns the probability of voxel (slice, row, column). */
    public float at(int slice, int row, int column) {
        return values[slice][row * geometry.columns() + column];
    }

    /** Returns a copy of slice {@code s}'s probabilities, row-major. */
    public float[] slice(int s) {
        return values[s].clone();
    }

    /** Returns the highest voxel probability: the case-level score. */
    public double max() {
        float m = 0;
        for (float[] slice : values) {
            for (float p : slice) {
                m = Math.max(m, p);
            }
        }
        return m;
    }

    /**
     * Returns the mask of voxels with {@code p >= threshold}, the rule of the descriptors and the
     * study protocol.
     *
     * @throws IllegalArgumentException if the threshold is not finite
     */
    public VolumeMask threshold(double threshold) {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold is not finite: " + threshold);
        }
        boolean[][] m = new boolean[values.length][];
        for (int s = 0; s < values.length; s++) {
            m[s] = new boolean[values[s].length];
            for (int i = 0; i < m[s].length; i++) {
                m[s][i] = values[s][i] >= threshold;
            }
        }
        return new VolumeMask(geometry, m);
    }
}
