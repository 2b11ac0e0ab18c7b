package org.clinval.imaging.dicom.write;

import java.util.Objects;

/**
 * One grey-scale MR or projection X-ray image as stored: unsigned values of {@code bitsStored}
 * bits, row-major, with what a viewer needs to show it.
 *
 * @param rows image rows
 * @param columns image columns
 * @param stored stored pixel values, each in [0, 2^bitsStored − 1]
 * @param bitsStored Bits Stored (8–16; 16 bits are allocated)
 * @param monochrome1 whether the image is MONOCHROME1 (the lowest value displays white); else
 *     MONOCHROME2
 * @param windowCenter Window Center of the image's VOI window, in stored values
 * @param windowWidth Window Width, &gt; 0 (the VOI LUT module's linear window)
 * @param bodyPart Body Part Examined, e.g. {@code HEAD} or {@code CHEST}
 * @param instanceNumber Instance Number
 */
public record GreyImage(
        int rows,
        int columns,
        int[] stored,
        int bitsStored,
        boolean monochrome1,
        double windowCenter,
        double windowWidth,
        String bodyPart,
        int instanceNumber) {

    public GreyImage {
        if (rows < 1 || columns < 1) {
            throw new IllegalArgumentException(
                    "image size is not positive: " + rows + " x " + columns);
        }
        Objects.requireNonNull(stored, "stored values");
        if (stored.length != rows * columns) {
            throw new IllegalArgumentException(
                    "image has " + stored.length + " values, not " + rows + " x " + columns);
        }
        if (bitsStored < 8 || bitsStored > 16) {
            throw new IllegalArgumentException("bits stored is not in [8, 16]: " + bitsStored);
        }
        int max = (1 << bitsStored) - 1;
        for (int i = 0; i < stored.length; i++) {
            if (stored[i] < 0 || stored[i] > max) {
                throw new IllegalArgumentException(
                        "stored value "
                                + stored[i]
                                + " at row "
                                + i / columns
                                + ", column "
                                + i % columns
                                + " is not in [0, "
                                + max
                                + "]");
            }
        }
        if (!(windowWidth > 0) || !Double.isFinite(windowCenter)) {
            throw new IllegalArgumentException(
                    "window is not a finite centre with a positive width: "
                            + windowCenter
                            + ", "
                            + windowWidth);
        }
        Objects.requireNonNull(bodyPart, "body part");
        if (instanceNumber < 1) {
            throw new IllegalArgumentException(
                    "instance number is not positive: " + instanceNumber);
        }
    }
}
