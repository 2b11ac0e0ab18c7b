package org.clinval.validation.segmentation;

import java.util.Arrays;

/**
 * Voxel spacing in millimetres, one positive finite value per axis, in the axis order of the mask
 * it describes. There is no default: a spacing is always an explicit input, because a silent 1 mm
 * makes every distance wrong on anisotropic scans.
 */
public final class Spacing {

    private final double[] mm;

    private Spacing(double[] mm) {
        this.mm = mm;
    }

    /**
     * Returns the spacing {@code mm[0], mm[1], …}.
     *
     * @throws IllegalArgumentException if there are not 2 or 3 values or a value is not a positive
     *     finite number (the message names the axis)
     */
    public static Spacing of(double... mm) {
        if (mm.length < 2 || mm.length > 3) {
            throw new IllegalArgumentException(
                    "spacing needs 2 or 3 values (one per axis): " + Arrays.toString(mm));
        }
        for (int axis = 0; axis < mm.length; axis++) {
            if (!(mm[axis] > 0) || Double.isInfinite(mm[axis])) {
                throw new IllegalArgumentException(
                        "spacing[" + axis + "] is not a positive finite number: " + mm[axis]);
            }
        }
        return new Spacing(mm.clone());
    }

    /** Returns the number of axes. */
    public int dimensions() {
        return mm.length;
    }

    /** Returns the spacing of {@code axis} in mm. */
    public double get(int axis) {
        return mm[axis];
    }

    /** Returns a copy of the values in mm. */
    public double[] values() {
        return mm.clone();
    }

    /** Returns a spacing with every value multiplied by {@code factor > 0}. */
    public Spacing scaled(double factor) {
        double[] out = new double[mm.length];
        for (int i = 0; i < out.length; i++) out[i] = mm[i] * factor;
        return of(out);
    }

    /** Checks that this spacing has one value per axis of {@code mask}. */
    void requireMatches(Mask mask) {
        if (mask.dimensions() != mm.length) {
            throw new IllegalArgumentException(
                    "spacing "
                            + this
                            + " has "
                            + mm.length
                            + " values but the mask has "
                            + mask.dimensions()
                            + " axes "
                            + Arrays.toString(mask.shape()));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Spacing s && Arrays.equals(mm, s.mm);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(mm);
    }

    /** Returns e.g. {@code (0.7, 0.7, 2.5) mm}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < mm.length; i++) {
            if (i > 0) b.append(", ");
            b.append(mm[i]);
        }
        return b.append(") mm").toString();
    }
}
