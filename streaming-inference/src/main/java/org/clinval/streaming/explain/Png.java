package org.clinval.streaming.explain;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.clinval.imaging.dicom.write.Colormap;
import org.clinval.imaging.preprocess.Raster;

/** Opaque RGB PNGs of an image, a heat map and a mask (no alpha: they go into PDF/A reports). */
final class Png {

    private Png() {}

    /** The image in grey, {@code lo} black and {@code hi} white. */
    static void grey(Path file, Raster image, double lo, double hi) throws IOException {
        BufferedImage out =
                new BufferedImage(image.columns(), image.rows(), BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < image.rows(); r++) {
            for (int c = 0; c < image.columns(); c++) {
                double g = (image.at(r, c) - lo) / (hi - lo);
                int y = (int) Math.round(255 * Math.max(0, Math.min(1, g)));
                out.setRGB(c, r, (y << 16) | (y << 8) | y);
            }
        }
        write(out, file);
    }

    /** A colour image (planes R, G, B in [0, 255]) in its own colours. */
    static void rgb(Path file, Raster image) throws IOException {
        if (image.channels() != 3) {
            throw new IllegalArgumentException(
                    "a colour PNG needs 3 channels, the image has " + image.channels());
        }
        int plane = image.rows() * image.columns();
        float[] v = image.values();
        BufferedImage out =
                new BufferedImage(image.columns(), image.rows(), BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < plane; i++) {
            int px = 0;
            for (int k = 0; k < 3; k++) {
                px = (px << 8) | (int) Math.round(Math.max(0, Math.min(255, v[k * plane + i])));
            }
            out.setRGB(i % image.columns(), i / image.columns(), px);
        }
        write(out, file);
    }

    /** Values in [0, 1] through {@code map}. */
    static void colour(Path file, float[] heat, int rows, int columns, Colormap map)
            throws IOException {
        BufferedImage out = new BufferedImage(columns, rows, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                double[] rgb = map.rgb(heat[r * columns + c]);
                int v = 0;
                for (double x : rgb) v = (v << 8) | (int) Math.round(255 * x);
                out.setRGB(c, r, v);
            }
        }
        write(out, file);
    }

    /** White inside the mask, black outside. */
    static void mask(Path file, boolean[] mask, int rows, int columns) throws IOException {
        BufferedImage out = new BufferedImage(columns, rows, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < mask.length; i++) {
            out.setRGB(i % columns, i / columns, mask[i] ? 0xFFFFFF : 0);
        }
        write(out, file);
    }

    private static void write(BufferedImage img, Path file) throws IOException {
        if (!ImageIO.write(img, "png", file.toFile())) {
            throw new IOException("no PNG writer for " + file);
        }
    }
}
