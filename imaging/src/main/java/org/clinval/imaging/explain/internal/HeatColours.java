package org.clinval.imaging.explain.internal;

/** A blue → cyan → yellow → red colour map for values in [0, 1]. */
public final class HeatColours {

    private static final double[][] STOPS = {
        {0.00, 0, 0, 128},
        {0.25, 0, 128, 255},
        {0.50, 0, 255, 128},
        {0.75, 255, 255, 0},
        {1.00, 255, 0, 0}
    };

    private HeatColours() {}

    /** Returns {@code 0xRRGGBB} for {@code v}, clamped to [0, 1]. */
    public static int rgb(double v) {
        double x = Math.max(0, Math.min(1, v));
        for (int i = 1; i < STOPS.length; i++) {
            if (x <= STOPS[i][0]) {
                double[] a = STOPS[i - 1], b = STOPS[i];
                double t = (x - a[0]) / (b[0] - a[0]);
                int r = (int) Math.round(a[1] + t * (b[1] - a[1]));
                int g = (int) Math.round(a[2] + t * (b[2] - a[2]));
                int bl = (int) Math.round(a[3] + t * (b[3] - a[3]));
                return (r << 16) | (g << 8) | bl;
            }
        }
        return 0xFF0000;
    }
}
