package org.clinval.validation.segmentation;

import java.util.Arrays;

/**
 * An immutable 2D or 3D binary mask on a regular grid, stored in row-major (C, numpy default)
 * order: the last axis varies fastest, so voxel {@code (i, j, k)} of shape {@code (n0, n1, n2)} is
 * at flat index {@code (i·n1 + j)·n2 + k}.
 */
public final class Mask {

    /** A test of one voxel by its index, {@code index.length} being the mask's dimensions. */
    @FunctionalInterface
    public interface VoxelTest {
        /** Returns whether the voxel at {@code index} is in the mask; do not keep the array. */
        boolean test(int[] index);
    }

    private final int[] shape;
    private final boolean[] voxels;
    private final int count;

    /** Takes ownership of {@code voxels}; callers pass a fresh array. */
    private Mask(int[] shape, boolean[] voxels) {
        this.shape = shape;
        this.voxels = voxels;
        int c = 0;
        for (boolean v : voxels) {
            if (v) c++;
        }
        this.count = c;
    }

    /**
     * Returns the mask of {@code shape} whose voxels, in row-major order, are {@code voxels}.
     *
     * @throws IllegalArgumentException if the shape has not 2 or 3 positive sizes or the voxel
     *     count differs from the shape's product
     */
    public static Mask of(int[] shape, boolean[] voxels) {
        int size = size(shape);
        if (voxels.length != size) {
            throw new IllegalArgumentException(
                    "mask of shape "
                            + Arrays.toString(shape)
                            + " needs "
                            + size
                            + " voxels, got "
                            + voxels.length);
        }
        return new Mask(shape.clone(), voxels.clone());
    }

    /** Returns the mask of {@code shape} holding the voxels that pass {@code test}. */
    public static Mask where(int[] shape, VoxelTest test) {
        boolean[] voxels = new boolean[size(shape)];
        int[] index = new int[shape.length];
        for (int flat = 0; flat < voxels.length; flat++) {
            voxels[flat] = test.test(index);
            for (int axis = shape.length - 1; axis >= 0; axis--) {
                if (++index[axis] < shape[axis]) break;
                index[axis] = 0;
            }
        }
        return new Mask(shape.clone(), voxels);
    }

    /** Returns the mask of {@code shape} with no voxel set. */
    public static Mask empty(int... shape) {
        return new Mask(shape.clone(), new boolean[size(shape)]);
    }

    private static int size(int[] shape) {
        if (shape.length < 2 || shape.length > 3) {
            throw new IllegalArgumentException(
                    "a mask has 2 or 3 axes, not " + shape.length + ": " + Arrays.toString(shape));
        }
        long size = 1;
        for (int axis = 0; axis < shape.length; axis++) {
            if (shape[axis] < 1) {
                throw new IllegalArgumentException(
                        "mask shape[" + axis + "] is not positive: " + shape[axis]);
            }
            size *= shape[axis];
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "mask of shape " + Arrays.toString(shape) + " has too many voxels: " + size);
        }
        return (int) size;
    }

    /** Returns a copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** Returns the number of axes, 2 or 3. */
    public int dimensions() {
        return shape.length;
    }

    /** Returns the number of voxels of the grid. */
    public int size() {
        return voxels.length;
    }

    /** Returns the number of voxels in the mask. */
    public int count() {
        return count;
    }

    /** Returns whether no voxel is set. */
    public boolean isEmpty() {
        return count == 0;
    }

    /** Returns the voxel at row-major flat index {@code flat}. */
    public boolean get(int flat) {
        return voxels[flat];
    }

    /** Returns the voxel at {@code index}, one coordinate per axis. */
    public boolean at(int... index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException(
                    "index " + Arrays.toString(index) + " does not have " + shape.length + " axes");
        }
        int flat = 0;
        for (int axis = 0; axis < shape.length; axis++) {
            if (index[axis] < 0 || index[axis] >= shape[axis]) {
                throw new IllegalArgumentException(
                        "index "
                                + Arrays.toString(index)
                                + " is outside "
                                + Arrays.toString(shape));
            }
            flat = flat * shape[axis] + index[axis];
        }
        return voxels[flat];
    }

    /** Returns the shape as three sizes, a 2D mask being one plane {@code (1, n0, n1)}. */
    int[] shape3() {
        return shape.length == 3 ? shape.clone() : new int[] {1, shape[0], shape[1]};
    }

    /**
     * Returns the surface: the voxels of the mask with at least one face-connected neighbour (4 in
     * 2D, 6 in 3D) outside the mask, a neighbour outside the image counting as outside. This is
     * {@code mask & ~scipy.ndimage.binary_erosion(mask, generate_binary_structure(ndim, 1),
     * border_value=0)}.
     */
    public Mask surface() {
        int[] d = shape3();
        boolean plane = shape.length == 2; // axis 0 of d is a padding axis, not a real one
        int s0 = d[1] * d[2];
        int s1 = d[2];
        boolean[] v = voxels;
        boolean[] out = new boolean[v.length];
        int idx = 0;
        for (int i = 0; i < d[0]; i++) {
            boolean edge0 = !plane && (i == 0 || i == d[0] - 1);
            for (int j = 0; j < d[1]; j++) {
                boolean edge01 = edge0 || j == 0 || j == d[1] - 1;
                for (int k = 0; k < d[2]; k++, idx++) {
                    if (!v[idx]) continue;
                    out[idx] =
                            edge01
                                    || k == 0
                                    || k == d[2] - 1
                                    || !v[idx - 1]
                                    || !v[idx + 1]
                                    || !v[idx - s1]
                                    || !v[idx + s1]
                                    || (!plane && (!v[idx - s0] || !v[idx + s0]));
                }
            }
        }
        return new Mask(shape.clone(), out);
    }

    /**
     * Returns the inclusive bounds {@code {lo, hi}} (per axis of {@link #shape3()}) of the voxels
     * set in either mask, or null when both are empty.
     */
    static int[][] bounds(Mask a, Mask b) {
        return overlap(a, b).bounds();
    }

    /**
     * The voxels both masks share and the bounds of the voxels either has, in one scan: each row
     * (the last axis) is scanned for its first and last voxel set in either mask without a branch
     * per voxel, and the shared voxels are counted between them, so a pair of small objects in a
     * large grid costs about one read of both masks.
     *
     * @param shared the number of voxels set in both masks
     * @param bounds inclusive bounds {@code {lo, hi}} per axis of {@link #shape3()}, or null when
     *     both are empty
     */
    record Overlap(long shared, int[][] bounds) {}

    /** Returns the overlap of {@code a} and {@code b}, which have the same shape. */
    static Overlap overlap(Mask a, Mask b) {
        int[] d = a.shape3();
        boolean[] va = a.voxels;
        boolean[] vb = b.voxels;
        int row = d[2];
        int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] hi = {-1, -1, -1};
        long shared = 0;
        for (int i = 0; i < d[0]; i++) {
            for (int j = 0; j < d[1]; j++) {
                int base = (i * d[1] + j) * row;
                int first = -1;
                for (int k = 0; k < row; k++) {
                    if (va[base + k] | vb[base + k]) {
                        first = k;
                        break;
                    }
                }
                if (first < 0) continue;
                int last = first;
                for (int k = row - 1; k > first; k--) {
                    if (va[base + k] | vb[base + k]) {
                        last = k;
                        break;
                    }
                }
                for (int k = first; k <= last; k++) {
                    if (va[base + k] & vb[base + k]) shared++;
                }
                lo[0] = Math.min(lo[0], i);
                hi[0] = Math.max(hi[0], i);
                lo[1] = Math.min(lo[1], j);
                hi[1] = Math.max(hi[1], j);
                lo[2] = Math.min(lo[2], first);
                hi[2] = Math.max(hi[2], last);
            }
        }
        return new Overlap(shared, hi[0] < 0 ? null : new int[][] {lo, hi});
    }

    /** Returns the sub-grid between inclusive bounds {@code lo..hi} given per axis of shape3. */
    Mask crop(int[] lo, int[] hi) {
        int[] d = shape3();
        int[] c = {hi[0] - lo[0] + 1, hi[1] - lo[1] + 1, hi[2] - lo[2] + 1};
        boolean[] out = new boolean[c[0] * c[1] * c[2]];
        int o = 0;
        for (int i = lo[0]; i <= hi[0]; i++) {
            for (int j = lo[1]; j <= hi[1]; j++) {
                int from = (i * d[1] + j) * d[2] + lo[2];
                System.arraycopy(voxels, from, out, o, c[2]);
                o += c[2];
            }
        }
        int[] croppedShape = shape.length == 3 ? c : new int[] {c[1], c[2]};
        return new Mask(croppedShape, out);
    }

    /** Returns the number of voxels set in both masks. */
    static int intersection(Mask a, Mask b) {
        int n = 0;
        for (int i = 0; i < a.voxels.length; i++) {
            if (a.voxels[i] && b.voxels[i]) n++;
        }
        return n;
    }

    /** Checks that {@code b} has the shape of {@code a}. */
    static void requireSameShape(Mask a, Mask b) {
        if (!Arrays.equals(a.shape, b.shape)) {
            throw new IllegalArgumentException(
                    "prediction and reference masks differ in shape: "
                            + Arrays.toString(a.shape)
                            + " vs "
                            + Arrays.toString(b.shape));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mask m
                && Arrays.equals(shape, m.shape)
                && Arrays.equals(voxels, m.voxels);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(voxels);
    }

    @Override
    public String toString() {
        return "Mask" + Arrays.toString(shape) + " with " + count + " voxels";
    }
}
