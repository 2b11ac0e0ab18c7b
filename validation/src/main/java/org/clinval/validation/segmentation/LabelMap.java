package org.clinval.validation.segmentation;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * An immutable 2D or 3D integer label map (0 = background) in row-major order, as {@link Mask}: the
 * form nnU-Net and MONAI write multi-class segmentations in.
 */
public final class LabelMap {

    private final int[] shape;
    private final int[] labels;

    private LabelMap(int[] shape, int[] labels) {
        this.shape = shape;
        this.labels = labels;
    }

    /**
     * Returns the map of {@code shape} whose voxels, in row-major order, are {@code labels}.
     *
     * @throws IllegalArgumentException if the shape is not 2 or 3 positive sizes, the voxel count
     *     differs from the shape's product, or a label is negative
     */
    public static LabelMap of(int[] shape, int[] labels) {
        Mask.empty(shape); // checks the shape
        long size = 1;
        for (int n : shape) size *= n;
        if (labels.length != size) {
            throw new IllegalArgumentException(
                    "label map of shape "
                            + Arrays.toString(shape)
                            + " needs "
                            + size
                            + " voxels, got "
                            + labels.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException(
                        "label at flat index " + i + " is negative: " + labels[i]);
            }
        }
        return new LabelMap(shape.clone(), labels.clone());
    }

    /** Returns a copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** Returns the label at row-major flat index {@code flat}. */
    public int get(int flat) {
        return labels[flat];
    }

    /** Returns the labels present, ascending, 0 included if present. */
    public int[] present() {
        TreeSet<Integer> set = new TreeSet<>();
        for (int v : labels) set.add(v);
        return set.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Returns the binary mask {@code map == label} (MONAI's one-hot channel {@code label}). */
    public Mask mask(int label) {
        boolean[] v = new boolean[labels.length];
        for (int i = 0; i < v.length; i++) v[i] = labels[i] == label;
        return Mask.of(shape, v);
    }

    @Override
    public String toString() {
        return "LabelMap" + Arrays.toString(shape);
    }
}
