package org.clinval.imaging.dicom.write;

/**
 * Colour maps of explanation heat maps: a value {@code h} in [0, 1] to red, green and blue in [0,
 * 1]. {@code clamp} limits to [0, 1].
 */
public enum Colormap {
    /** Black, red, yellow, white: {@code r = clamp(3h), g = clamp(3h - 1), b = clamp(3h - 2)}. */
    HOT {
        @Override
        public double[] rgb(double h) {
            return new double[] {clamp(3 * h), clamp(3 * h - 1), clamp(3 * h - 2)};
        }
    },
    /**
     * Blue, cyan, yellow, red (MATLAB's "jet" shape): {@code r = clamp(1.5 - |4h - 3|), g =
     * clamp(1.5 - |4h - 2|), b = clamp(1.5 - |4h - 1|)}.
     */
    JET {
        @Override
        public double[] rgb(double h) {
            return new double[] {
                clamp(1.5 - Math.abs(4 * h - 3)),
                clamp(1.5 - Math.abs(4 * h - 2)),
                clamp(1.5 - Math.abs(4 * h - 1))
            };
        }
    };

    /** Returns red, green and blue in [0, 1] for {@code h} in [0, 1]. */
    public abstract double[] rgb(double h);

    static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
