package org.clinval.imaging.volume;

import java.util.Arrays;
import java.util.Objects;
import org.clinval.imaging.dicom.write.Segment;
import org.clinval.imaging.dicom.write.SegmentMask;
import org.clinval.validation.segmentation.Mask;

/**
 * A binary mask on a volume's grid, slice-major ({@code [slice][row · columns + column]}): a
 * thresholded prediction or a reference placed on the series. Immutable.
 */
public final class VolumeMask {

    private final VolumeGeometry geometry;
    private final boolean[][] voxels;

    /** Creates a mask of one {@code rows · columns} array per slice; the arrays are copied. */
    public VolumeMask(VolumeGeometry geometry, boolean[][] voxels) {
        this.geometry = Objects.requireNonNull(geometry, "geometry");
        if (voxels.length != geometry.slices()) {
            throw new IllegalArgumentException(
                    voxels.length + " slices of mask, the grid has " + geometry.slices());
        }
        int plane = geometry.rows() * geometry.columns();
        this.voxels = new boolean[voxels.length][];
        for (int s = 0; s < voxels.length; s++) {
            if (voxels[s] == null || voxels[s].length != plane) {
                throw new IllegalArgumentException(
                        "mask slice " + s + " does not have " + plane + " voxels");
            }
            this.voxels[s] = voxels[s].clone();
        }
    }

    /** Returns an empty mask on {@code geometry}. */
    public static VolumeMask empty(VolumeGeometry geometry) {
        return new VolumeMask(
                geometry, new boolean[geometry.slices()][geometry.rows() * geometry.columns()]);
    }

    /** Returns the grid. */
    public VolumeGeometry geometry() {
        return geometry;
    }

    /** Returns whether voxel (slice, row, column) is set. */
    public boolean at(int slice, int row, int column) {
        return voxels[slice][row * geometry.columns() + column];
    }

    /** Returns a copy of slice {@code s}, row-major. */
    public boolean[] slice(int s) {
        return voxels[s].clone();
    }

    /** Returns the number of voxels set. */
    public long count() {
        long n = 0;
        for (boolean[] s : voxels) {
            for (boolean b : s) {
                n += b ? 1 : 0;
            }
        }
        return n;
    }

    /** Returns whether no voxel is set. */
    public boolean isEmpty() {
        return count() == 0;
    }

    /** Returns the union of this mask and {@code o} on the same grid. */
    public VolumeMask or(VolumeMask o) {
        if (!geometry.equals(o.geometry)) {
            throw new IllegalArgumentException("masks lie on different grids");
        }
        boolean[][] out = new boolean[voxels.length][];
        for (int s = 0; s < voxels.length; s++) {
            out[s] = voxels[s].clone();
            for (int i = 0; i < out[s].length; i++) {
                out[s][i] |= o.voxels[s][i];
            }
        }
        return new VolumeMask(geometry, out);
    }

    /**
     * Returns this mask without its 26-connected components smaller than {@code minMm3} cubic
     * millimetres (voxel count times {@link VolumeGeometry#voxelVolumeMm3()}); {@code minMm3 <= 0}
     * keeps every component.
     */
    public VolumeMask withoutComponentsBelow(double minMm3) {
        return withoutComponents(minMm3, 0);
    }

    /**
     * Returns this mask without the 26-connected components a segmentation protocol's
     * post-processing removes ({@code segmentation.min_component_mm3}, {@code
     * segmentation.max_elongation}): those smaller than {@code minMm3} mm³, and those more
     * elongated than {@code maxElongation}, the elongation being the largest extent of the
     * component's bounding box in mm (along the slice, row and column axes) divided by the diameter
     * of the sphere of its volume, {@code (6 V / π)^(1/3)}: about 1 for a compact nodule, well
     * above for a vessel that a slice-wise model marks on slice after slice. A bound {@code <= 0}
     * is not applied.
     */
    public VolumeMask withoutComponents(double minMm3, double maxElongation) {
        if (!(minMm3 > 0) && !(maxElongation > 0)) {
            return this;
        }
        int[] count = new int[1];
        int rows = geometry.rows();
        int columns = geometry.columns();
        int[][] labels =
                org.clinval.imaging.volume.internal.Components.label(voxels, rows, columns, count);
        int n = count[0];
        long[] size = new long[n + 1];
        int[][] lo = new int[n + 1][];
        int[][] hi = new int[n + 1][];
        for (int s = 0; s < labels.length; s++) {
            for (int i = 0; i < labels[s].length; i++) {
                int l = labels[s][i];
                if (l == 0) continue;
                int r = i / columns;
                int c = i % columns;
                if (size[l]++ == 0) {
                    lo[l] = new int[] {s, r, c};
                    hi[l] = new int[] {s, r, c};
                } else {
                    lo[l][0] = Math.min(lo[l][0], s);
                    lo[l][1] = Math.min(lo[l][1], r);
                    lo[l][2] = Math.min(lo[l][2], c);
                    hi[l][0] = Math.max(hi[l][0], s);
                    hi[l][1] = Math.max(hi[l][1], r);
                    hi[l][2] = Math.max(hi[l][2], c);
                }
            }
        }
        double voxel = geometry.voxelVolumeMm3();
        double[] mm = geometry.spacingMm();
        boolean[] keep = new boolean[n + 1];
        for (int l = 1; l <= n; l++) {
            double volume = size[l] * voxel;
            double diameter = Math.cbrt(6 * volume / Math.PI);
            double extent = 0;
            for (int a = 0; a < 3; a++) {
                extent = Math.max(extent, (hi[l][a] - lo[l][a] + 1) * mm[a]);
            }
            keep[l] =
                    (!(minMm3 > 0) || volume >= minMm3)
                            && (!(maxElongation > 0) || extent / diameter <= maxElongation);
        }
        boolean[][] out = new boolean[voxels.length][];
        for (int s = 0; s < voxels.length; s++) {
            out[s] = new boolean[voxels[s].length];
            for (int i = 0; i < out[s].length; i++) {
                out[s][i] = keep[labels[s][i]];
            }
        }
        return new VolumeMask(geometry, out);
    }

    /**
     * Returns the mask as the segmentation metrics take it: shape {@code {slices, rows, columns}},
     * row-major; pair it with {@link VolumeGeometry#spacingMm()}.
     */
    public Mask toMask() {
        int plane = geometry.rows() * geometry.columns();
        boolean[] flat = new boolean[voxels.length * plane];
        for (int s = 0; s < voxels.length; s++) {
            System.arraycopy(voxels[s], 0, flat, s * plane, plane);
        }
        return Mask.of(new int[] {geometry.slices(), geometry.rows(), geometry.columns()}, flat);
    }

    /** Returns the mask as one segment of a DICOM SEG over the volume's source slices. */
    public SegmentMask toSegmentMask(Segment segment) {
        return new SegmentMask(segment, voxels);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VolumeMask m
                && geometry.equals(m.geometry)
                && Arrays.deepEquals(voxels, m.voxels);
    }

    @Override
    public int hashCode() {
        return 31 * geometry.hashCode() + Arrays.deepHashCode(voxels);
    }

    @Override
    public String toString() {
        return "VolumeMask["
                + geometry.slices()
                + " x "
                + geometry.rows()
                + " x "
                + geometry.columns()
                + ", "
                + count()
                + " set]";
    }
}
