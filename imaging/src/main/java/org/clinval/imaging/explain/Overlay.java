package org.clinval.imaging.explain;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.clinval.imaging.explain.internal.HeatColours;
import org.clinval.imaging.preprocess.Raster;

/**
 * Draws an explanation map over its image as an opaque RGB PNG (no alpha channel, so it can go into
 * PDF/A reports): the image in grey through an HU window, the map's positive part scaled by its
 * maximum, coloured dark-blue → red, and alpha-blended with weight {@code alpha × value}, so where
 * the map is zero the grey image shows unchanged. A colour image (three channels R, G, B in [0,
 * 255]) is drawn in its own colours, the window not applied.
 */
public final class Overlay {

    private Overlay() {}

    /**
     * Returns the overlay image.
     *
     * @param hu the image in HU, or a colour image (three planes R, G, B in [0, 255])
     * @param map the explanation map, on the same grid
     * @param windowLowHu HU shown black
     * @param windowHighHu HU shown white
     * @param alpha maximum opacity of the heat map, in [0, 1]
     */
    public static BufferedImage render(
            Raster hu, Raster map, double windowLowHu, double windowHighHu, double alpha) {
        if (hu.rows() != map.rows() || hu.columns() != map.columns()) {
            throw new IllegalArgumentException(
                    "map "
                            + map.rows()
                            + " x "
                            + map.columns()
                            + " is not on the image grid "
                            + hu.rows()
                            + " x "
                            + hu.columns());
        }
        if (!(windowLowHu < windowHighHu)) {
            throw new IllegalArgumentException(
                    "window is not low < high: " + windowLowHu + ", " + windowHighHu);
        }
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha is not in [0, 1]: " + alpha);
        }
        float max = 0;
        for (float v : map.values()) max = Math.max(max, v);
        BufferedImage out = new BufferedImage(hu.columns(), hu.rows(), BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < hu.rows(); r++) {
            for (int c = 0; c < hu.columns(); c++) {
                int[] under = under(hu, r, c, windowLowHu, windowHighHu);
                double v = max > 0 ? Math.max(0, map.at(r, c)) / max : 0;
                int heat = HeatColours.rgb(v);
                double a = alpha * v;
                int red = blend(under[0], (heat >> 16) & 0xFF, a);
                int green = blend(under[1], (heat >> 8) & 0xFF, a);
                int blue = blend(under[2], heat & 0xFF, a);
                out.setRGB(c, r, (red << 16) | (green << 8) | blue);
            }
        }
        return out;
    }

    /** Writes {@link #render} to a PNG file. */
    public static void writePng(
            Path file, Raster hu, Raster map, double windowLowHu, double windowHighHu, double alpha)
            throws IOException {
        BufferedImage img = render(hu, map, windowLowHu, windowHighHu, alpha);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        if (!ImageIO.write(img, "png", file.toFile())) {
            throw new IOException("no PNG writer for " + file);
        }
    }

    /**
     * The image's own red, green, blue (0..255) at {@code (r, c)}: grey through the window, or a
     * colour image's channels clamped to [0, 255].
     */
    static int[] under(Raster image, int r, int c, double low, double high) {
        if (image.channels() == 3) {
            int plane = image.rows() * image.columns();
            int i = r * image.columns() + c;
            int[] out = new int[3];
            for (int k = 0; k < 3; k++) {
                out[k] =
                        (int) Math.round(Math.max(0, Math.min(255, image.values()[k * plane + i])));
            }
            return out;
        }
        double g = (image.at(r, c) - low) / (high - low);
        int grey = (int) Math.round(255 * Math.max(0, Math.min(1, g)));
        return new int[] {grey, grey, grey};
    }

    private static int blend(int under, int over, double a) {
        return (int) Math.round(under * (1 - a) + over * a);
    }
}
