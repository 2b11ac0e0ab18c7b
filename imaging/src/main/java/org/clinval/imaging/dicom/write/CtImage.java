package org.clinval.imaging.dicom.write;

import java.util.Objects;

/**
 * One CT slice in physical values: Hounsfield units, row-major, {@code hu[r * columns + c]}.
 *
 * @param rows number of rows
 * @param columns number of columns
 * @param hu the values, {@code rows * columns} finite floats
 * @param geometry where the slice lies
 * @param instanceNumber the slice's Instance Number, from 1
 */
public record CtImage(
        int rows, int columns, float[] hu, SliceGeometry geometry, int instanceNumber) {

    public CtImage {
        if (rows < 1 || columns < 1 || rows > 65535 || columns > 65535) {
            throw new IllegalArgumentException(
                    "image size is not in 1..65535: " + rows + " x " + columns);
        }
        Objects.requireNonNull(hu, "hu");
        if (hu.length != rows * columns) {
            throw new IllegalArgumentException(
                    "hu has " + hu.length + " values, not rows * columns = " + rows * columns);
        }
        for (int i = 0; i < hu.length; i++) {
            if (!Float.isFinite(hu[i])) {
                throw new IllegalArgumentException(
                        "hu value at row "
                                + i / columns
                                + ", column "
                                + i % columns
                                + " is not finite: "
                                + hu[i]);
            }
        }
        Objects.requireNonNull(geometry, "geometry");
        if (instanceNumber < 1) {
            throw new IllegalArgumentException(
                    "instance number is not positive: " + instanceNumber);
        }
        hu = hu.clone();
    }

    @Override
    public float[] hu() {
        return hu.clone();
    }

    /** Returns the value at row {@code r}, column {@code c}. */
    public float at(int r, int c) {
        return hu[r * columns + c];
    }
}
