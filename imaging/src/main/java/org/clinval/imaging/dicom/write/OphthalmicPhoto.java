package org.clinval.imaging.dicom.write;

import java.util.Objects;

/**
 * One colour fundus photograph: 8-bit RGB samples, colour-by-pixel (R, G, B of a pixel together,
 * rows top to bottom), with the calibrated spacing of the retina at the image plane.
 *
 * @param rows image rows
 * @param columns image columns
 * @param rgb {@code 3 × rows × columns} samples, R G B per pixel
 * @param pixelSpacingMm spacing between pixel centres on the retina, in mm (rows and columns)
 * @param laterality {@code R} or {@code L}: the eye
 * @param fieldOfViewDegrees the camera's horizontal field of view
 * @param instanceNumber Instance Number
 */
public record OphthalmicPhoto(
        int rows,
        int columns,
        byte[] rgb,
        double pixelSpacingMm,
        String laterality,
        double fieldOfViewDegrees,
        int instanceNumber) {

    public OphthalmicPhoto {
        if (rows < 1 || columns < 1) {
            throw new IllegalArgumentException(
                    "image size is not positive: " + rows + " x " + columns);
        }
        Objects.requireNonNull(rgb, "rgb samples");
        if (rgb.length != 3 * rows * columns) {
            throw new IllegalArgumentException(
                    "rgb has "
                            + rgb.length
                            + " samples, not 3 x "
                            + rows
                            + " x "
                            + columns
                            + " = "
                            + 3 * rows * columns);
        }
        if (!(pixelSpacingMm > 0 && Double.isFinite(pixelSpacingMm))) {
            throw new IllegalArgumentException(
                    "pixel spacing is not a positive finite number: " + pixelSpacingMm);
        }
        if (!"R".equals(laterality) && !"L".equals(laterality)) {
            throw new IllegalArgumentException("laterality is not R or L: " + laterality);
        }
        if (!(fieldOfViewDegrees > 0 && fieldOfViewDegrees <= 200)) {
            throw new IllegalArgumentException(
                    "field of view is not in (0, 200] degrees: " + fieldOfViewDegrees);
        }
        if (instanceNumber < 1) {
            throw new IllegalArgumentException(
                    "instance number is not positive: " + instanceNumber);
        }
    }
}
