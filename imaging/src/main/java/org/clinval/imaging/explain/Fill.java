package org.clinval.imaging.explain;

import java.util.Arrays;
import org.clinval.imaging.model.ImageSlice;

/**
 * Fill values for {@link Occlusion} and {@link Lime}: what covers a patch or a switched-off
 * superpixel, one value per channel of the image (a grey image's single value is its HU fill).
 */
public final class Fill {

    private Fill() {}

    /**
     * Returns the {@code q} quantile (nearest rank: the {@code ⌈q n⌉}-th smallest of the {@code n}
     * pixels) of each channel of {@code image}: one value for a grey image, R, G, B for a colour
     * one.
     *
     * @throws IllegalArgumentException if {@code q} is not in [0, 1]
     */
    public static double[] percentile(ImageSlice image, double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile is not in [0, 1]: " + q);
        }
        int plane = image.rows() * image.columns();
        double[] out = new double[image.channels()];
        for (int k = 0; k < out.length; k++) {
            float[] s = Arrays.copyOfRange(image.hu(), k * plane, (k + 1) * plane);
            Arrays.sort(s);
            int i = (int) Math.min(plane - 1, Math.max(0, Math.ceil(q * plane) - 1));
            out[k] = s[i];
        }
        return out;
    }

    /** The fills for {@code image}'s channels: {@code perChannel}, or {@code scalar} in each. */
    static double[] forImage(double[] perChannel, Double scalar, ImageSlice image) {
        if (perChannel == null) {
            double[] out = new double[image.channels()];
            Arrays.fill(out, scalar);
            return out;
        }
        if (perChannel.length != image.channels()) {
            throw new IllegalArgumentException(
                    "fill values are given for "
                            + perChannel.length
                            + " channel(s), the image has "
                            + image.channels());
        }
        return perChannel;
    }

    /** Records the fill in a method's parameters: {@code fill_hu} grey, {@code fill_rgb} colour. */
    static void record(java.util.Map<String, String> params, double[] fill) {
        if (fill.length == 1) {
            params.put("fill_hu", Double.toString(fill[0]));
        } else {
            StringBuilder s = new StringBuilder();
            for (double v : fill) s.append(s.length() == 0 ? "" : " ").append(v);
            params.put("fill_rgb", s.toString());
        }
    }

    /** Returns {@code image} with the pixels where {@code cover} is true set to {@code fill}. */
    static ImageSlice covered(ImageSlice image, boolean[] cover, double[] fill) {
        float[] hu = image.hu().clone();
        int plane = image.rows() * image.columns();
        for (int k = 0; k < fill.length; k++) {
            float f = (float) fill[k];
            for (int i = 0; i < plane; i++) if (cover[i]) hu[k * plane + i] = f;
        }
        return new ImageSlice(
                hu,
                image.rows(),
                image.columns(),
                image.rowSpacingMm(),
                image.columnSpacingMm(),
                image.channels(),
                image.context());
    }

    /** The checked per-channel fills of a builder. */
    static double[] checked(double... fills) {
        if (fills.length != 1 && fills.length != 3) {
            throw new IllegalArgumentException(
                    "fill values are not one (grey) or three (R, G, B): " + fills.length);
        }
        for (double v : fills) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(
                        "fill value is not finite: " + Arrays.toString(fills));
            }
        }
        return fills.clone();
    }
}
