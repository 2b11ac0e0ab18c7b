package org.clinval.imaging.model;

import java.util.Objects;
import org.clinval.imaging.phantom.PhantomImage;
import org.clinval.imaging.preprocess.ImageContext;
import org.clinval.imaging.preprocess.Raster;

/**
 * One 2D image with its pixel spacing: the input of every model. Grey images (one channel) hold
 * physical values (HU for CT, after the modality LUT; a MONOCHROME1 image already inverted to its
 * MONOCHROME2 equivalent); colour images hold three planes R, G, B in [0, 255]. Spacing is never
 * defaulted: it is what turns a segmentation's pixel count into mm². An image without Pixel Spacing
 * (a photograph, a secondary capture) has both spacings NaN, which only a model that needs no sizes
 * (classification, grading) may take ({@link #hasSpacing()}).
 *
 * @param hu values, planar (channel-major) and row-major within a channel (not copied: treat as
 *     read-only)
 * @param rows number of rows
 * @param columns number of columns
 * @param rowSpacingMm distance between row centres in mm (DICOM PixelSpacing[0]), or NaN
 * @param columnSpacingMm distance between column centres in mm (DICOM PixelSpacing[1]), or NaN
 * @param channels 1 (grey) or 3 (R, G, B)
 * @param context what the header says that preprocessing steps may need
 */
public record ImageSlice(
        float[] hu,
        int rows,
        int columns,
        double rowSpacingMm,
        double columnSpacingMm,
        int channels,
        ImageContext context) {

    public ImageSlice {
        boolean unknown = Double.isNaN(rowSpacingMm) && Double.isNaN(columnSpacingMm);
        if (!unknown
                && (!(rowSpacingMm > 0 && Double.isFinite(rowSpacingMm))
                        || !(columnSpacingMm > 0 && Double.isFinite(columnSpacingMm)))) {
            throw new IllegalArgumentException(
                    "pixel spacing is not positive and finite: "
                            + rowSpacingMm
                            + ", "
                            + columnSpacingMm);
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("image channels is not 1 or 3: " + channels);
        }
        Objects.requireNonNull(context, "context");
        new Raster(hu, rows, columns, channels); // checks the size
        for (int i = 0; i < hu.length; i++) {
            if (!Float.isFinite(hu[i])) {
                throw new IllegalArgumentException(
                        "pixel " + i + " (row " + i / columns + ") is not finite: " + hu[i]);
            }
        }
    }

    /** A grey image without header context. */
    public ImageSlice(
            float[] hu, int rows, int columns, double rowSpacingMm, double columnSpacingMm) {
        this(hu, rows, columns, rowSpacingMm, columnSpacingMm, 1, ImageContext.NONE);
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

    /** Returns whether the pixel spacing is known (false for an image without Pixel Spacing). */
    public boolean hasSpacing() {
        return !Double.isNaN(rowSpacingMm);
    }

    /** Returns the values as a raster of {@link #channels()} channels. */
    public Raster raster() {
        return new Raster(hu, rows, columns, channels);
    }
}
