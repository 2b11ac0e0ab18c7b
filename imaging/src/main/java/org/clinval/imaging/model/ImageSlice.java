package org.clinval.imaging.model;

import org.clinval.imaging.phantom.PhantomImage;
import org.clinval.imaging.preprocess.Raster;

/**
 * One 2D image in HU with its pixel spacing: the input of every model. Spacing is required (never
 * defaulted): it is what turns a segmentation's pixel count into mm².
 *
 * @param hu values in HU, row-major (not copied: treat as read-only)
 * @param rows number of rows
 * @param columns number of columns
 * @param rowSpacingMm distance between row centres in mm (DICOM PixelSpacing[0])
 * @param columnSpacingMm distance between column centres in mm (DICOM PixelSpacing[1])
 */
public record ImageSlice(
        float[] hu, int rows, int columns, double rowSpacingMm, double columnSpacingMm) {

    public ImageSlice {
        if (!(rowSpacingMm > 0 && Double.isFinite(rowSpacingMm))
                || !(columnSpacingMm > 0 && Double.isFinite(columnSpacingMm))) {
            throw new IllegalArgumentException(
                    "pixel spacing is not positive and finite: "
                            + rowSpacingMm
                            + ", "
                            + columnSpacingMm);
        }
        new Raster(hu, rows, columns); // checks the size
        for (int i = 0; i < hu.length; i++) {
            if (!Float.isFinite(hu[i])) {
                throw new IllegalArgumentException(
                        "pixel " + i + " (row " + i / columns + ") is not finite: " + hu[i]);
            }
        }
    }

    /** Returns slice {@code s} of a phantom image. */
    public static ImageSlice of(PhantomImage image, int s) {
        if (s < 0 || s >= image.slices()) {
            throw new IllegalArgumentException(
                    "slice is not in [0, " + (image.slices() - 1) + "]: " + s);
        }
        int plane = image.rows() * image.columns();
        float[] hu = new float[plane];
        System.arraycopy(image.hu(), s * plane, hu, 0, plane);
        return new ImageSlice(
                hu, image.rows(), image.columns(), image.rowSpacingMm(), image.columnSpacingMm());
    }

    /** Returns the values as a raster. */
    public Raster raster() {
        return new Raster(hu, rows, columns);
    }
}
