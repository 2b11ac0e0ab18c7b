package org.clinval.imaging.dicom.write;

import java.util.Arrays;

/**
 * Where one image lies in the patient coordinate system (PS3.3 §C.7.6.2): the position of the
 * centre of its first pixel, the directions of its rows and columns, the pixel spacing and the
 * slice thickness, all in millimetres. Spacing is never defaulted: a caller who does not know it
 * cannot write an image.
 *
 * @param position Image Position (Patient), x, y, z of the first transmitted pixel
 * @param orientation Image Orientation (Patient): the row direction cosines then the column
 *     direction cosines; both unit vectors, orthogonal
 * @param rowSpacing distance between the centres of adjacent rows (Pixel Spacing value 1)
 * @param columnSpacing distance between the centres of adjacent columns (Pixel Spacing value 2)
 * @param sliceThickness nominal slice thickness
 */
public record SliceGeometry(
        double[] position,
        double[] orientation,
        double rowSpacing,
        double columnSpacing,
        double sliceThickness) {

    private static final double TOLERANCE = 1e-4;

    public SliceGeometry {
        if (position == null || position.length != 3 || !finite(position)) {
            throw new IllegalArgumentException(
                    "position is not 3 finite numbers: " + Arrays.toString(position));
        }
        if (orientation == null || orientation.length != 6 || !finite(orientation)) {
            throw new IllegalArgumentException(
                    "orientation is not 6 finite numbers: " + Arrays.toString(orientation));
        }
        double[] r = Arrays.copyOfRange(orientation, 0, 3);
        double[] c = Arrays.copyOfRange(orientation, 3, 6);
        if (Math.abs(dot(r, r) - 1) > TOLERANCE
                || Math.abs(dot(c, c) - 1) > TOLERANCE
                || Math.abs(dot(r, c)) > TOLERANCE) {
            throw new IllegalArgumentException(
                    "orientation is not two orthogonal unit vectors: "
                            + Arrays.toString(orientation));
        }
        positive("row spacing", rowSpacing);
        positive("column spacing", columnSpacing);
        positive("slice thickness", sliceThickness);
        position = position.clone();
        orientation = orientation.clone();
    }

    /** Returns an axial slice: rows along +x, columns along +y, at {@code (x0, y0, z)}. */
    public static SliceGeometry axial(
            double x0, double y0, double z, double rowSpacing, double columnSpacing, double thick) {
        return new SliceGeometry(
                new double[] {x0, y0, z},
                new double[] {1, 0, 0, 0, 1, 0},
                rowSpacing,
                columnSpacing,
                thick);
    }

    @Override
    public double[] position() {
        return position.clone();
    }

    @Override
    public double[] orientation() {
        return orientation.clone();
    }

    /** Returns the unit normal, row direction × column direction. */
    public double[] normal() {
        double[] r = Arrays.copyOfRange(orientation, 0, 3);
        double[] c = Arrays.copyOfRange(orientation, 3, 6);
        return new double[] {
            r[1] * c[2] - r[2] * c[1], r[2] * c[0] - r[0] * c[2], r[0] * c[1] - r[1] * c[0]
        };
    }

    /** Returns the position projected on the normal: the slice's location along the stack. */
    public double distanceAlongNormal() {
        return dot(position, normal());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SliceGeometry g
                && Arrays.equals(position, g.position)
                && Arrays.equals(orientation, g.orientation)
                && rowSpacing == g.rowSpacing
                && columnSpacing == g.columnSpacing
                && sliceThickness == g.sliceThickness;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(position) + Arrays.hashCode(orientation);
    }

    @Override
    public String toString() {
        return "SliceGeometry[position="
                + Arrays.toString(position)
                + ", orientation="
                + Arrays.toString(orientation)
                + ", spacing="
                + rowSpacing
                + "/"
                + columnSpacing
                + ", thickness="
                + sliceThickness
                + "]";
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static boolean finite(double[] v) {
        return Arrays.stream(v).allMatch(Double::isFinite);
    }

    private static void positive(String what, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " is not a positive finite number: " + v);
        }
    }
}
