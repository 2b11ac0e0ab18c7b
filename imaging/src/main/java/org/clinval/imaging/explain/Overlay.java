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
 * the map is zero the grey image shows unchanged.
 */
public final class Overlay {

    private Overlay() {}

    /**
     * Returns the overlay image.
     *
     * @param hu the image in HU
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
                double g = (hu.at(r, c) - windowLowHu) / (windowHighHu - windowLowHu);
                int grey = (int) Math.round(255 * Math.max(0, Math.min(1, g)));
                double v = max > 0 ? Math.max(0, map.at(r, c)) / max : 0;
                int heat = HeatColours.rgb(v);
                double a = alpha * v;
                int red = blend(grey, (heat >> 16) & 0xFF, a);
                int green = blend(grey, (heat >> 8) & 0xFF, a);
                int blue = blend(grey, heat & 0xFF, a);
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

    private static int blend(int under, int over, double a) {
        return (int) Math.round(under * (1 - a) + over * a);
    }
}
