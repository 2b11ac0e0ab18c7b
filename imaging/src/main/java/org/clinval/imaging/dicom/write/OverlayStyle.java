package org.clinval.imaging.dicom.write;

import java.util.Objects;

/**
 * How an explanation map is drawn over its source image: the display window of the source (in its
 * physical values, e.g. HU), the largest opacity of the map and its colour map.
 *
 * <p>The source value {@code v} becomes grey {@code y} in [0, 1] by the linear VOI function of
 * PS3.3 §C.11.2.1.2.1: {@code y = clamp((v - (c - 0.5)) / (w - 1) + 0.5)}. A pixel with map value
 * {@code h} is then {@code (1 - a h) y + a h rgb(h)} per channel, scaled to 0..255 and rounded:
 * where the map is zero the source shows unchanged.
 *
 * @param windowCentre window centre {@code c}
 * @param windowWidth window width {@code w}, at least 1
 * @param opacity the largest opacity {@code a} of the map, in [0, 1]
 * @param colormap the colour map {@code rgb}
 */
public record OverlayStyle(
        double windowCentre, double windowWidth, double opacity, Colormap colormap) {

    public OverlayStyle {
        if (!Double.isFinite(windowCentre)) {
            throw new IllegalArgumentException("window centre is not finite: " + windowCentre);
        }
        if (!(windowWidth >= 1) || !Double.isFinite(windowWidth)) {
            throw new IllegalArgumentException("window width is not at least 1: " + windowWidth);
        }
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new IllegalArgumentException("opacity is not in [0, 1]: " + opacity);
        }
        Objects.requireNonNull(colormap, "colormap");
    }

    /** Returns the grey level in [0, 1] of source value {@code v}. */
    public double grey(double v) {
        return Colormap.clamp((v - (windowCentre - 0.5)) / (windowWidth - 1) + 0.5);
    }

    /**
     * Returns the blended red, green, blue (0..255) of source value {@code v}, map value {@code h}.
     */
    public int[] blend(double v, double h) {
        double y = grey(v);
        double[] c = colormap.rgb(h);
        double a = opacity * h;
        int[] out = new int[3];
        for (int i = 0; i < 3; i++) {
            out[i] = (int) Math.round(255 * ((1 - a) * y + a * c[i]));
        }
        return out;
    }

    /**
     * Returns the blended red, green, blue (0..255) of a colour source pixel (its red, green, blue
     * in [0, 1], shown as they are: the window is not used) and map value {@code h}: per channel
     * {@code (1 - a h) s + a h rgb(h)}.
     */
    public int[] blendColour(double red, double green, double blue, double h) {
        double[] s = {red, green, blue};
        double[] c = colormap.rgb(h);
        double a = opacity * h;
        int[] out = new int[3];
        for (int i = 0; i < 3; i++) {
            out[i] = (int) Math.round(255 * ((1 - a) * Colormap.clamp(s[i]) + a * c[i]));
        }
        return out;
    }
}
