package org.clinval.imaging.phantom.internal;

/**
 * Paints a fundus photograph in linear reflectance (three planes in [0, 1]): the field, vessels and
 * lesions are soft-edged shapes composited in order, and every lesion pixel at least half covered
 * is marked in the mask. Sizes are in pixels of the canvas; the camera's response is applied
 * afterwards by {@link #expose}.
 */
public final class FundusPainter {

    private final int size;
    private final float[][] plane;
    private final boolean[] mask;
    private final double cx;
    private final double cy;
    private final double radius;
    private final float[][] layers = new float[3][];

    /** A canvas of {@code size}² pixels with the circular field of radius {@code 0.47 size}. */
    public FundusPainter(int size) {
        this.size = size;
        this.plane = new float[3][size * size];
        this.mask = new boolean[size * size];
        this.cx = (size - 1) / 2.0;
        this.cy = (size - 1) / 2.0;
        this.radius = 0.47 * size;
    }

    /** Returns the field radius in pixels. */
    public double radius() {
        return radius;
    }

    /** Returns the centre column. */
    public double cx() {
        return cx;
    }

    /** Returns the centre row. */
    public double cy() {
        return cy;
    }

    /** Returns whether (x, y) lies inside the field at {@code share} of its radius. */
    public boolean inField(double x, double y, double share) {
        double dx = x - cx, dy = y - cy;
        return dx * dx + dy * dy <= share * share * radius * radius;
    }

    /** Returns the lesion mask, row-major. */
    public boolean[] mask() {
        return mask;
    }

    /** Fills the field with {@code colour} and a smooth, seeded choroidal texture. */
    public void background(double[] colour, Rng rng) {
        double[][] waves = new double[6][4];
        for (double[] w : waves) {
            double angle = rng.uniform(0, Math.PI);
            double freq = rng.uniform(2, 7) * Math.PI / size;
            w[0] = Math.cos(angle) * freq;
            w[1] = Math.sin(angle) * freq;
            w[2] = rng.uniform(0, 2 * Math.PI);
            w[3] = rng.uniform(0.01, 0.035);
        }
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                double t = 1;
                for (double[] w : waves) t += w[3] * StrictMath.sin(w[0] * c + w[1] * r + w[2]);
                int i = r * size + c;
                for (int k = 0; k < 3; k++) plane[k][i] = (float) (colour[k] * t);
            }
        }
    }

    /**
     * Blends {@code colour} into a disc at (x, y) of radius {@code r} with opacity {@code alpha}
     * (soft edge of one pixel, or a Gaussian fall-off when {@code soft}); marks lesion pixels.
     */
    public void disc(
            double x,
            double y,
            double r,
            double[] colour,
            double alpha,
            boolean soft,
            boolean lesion) {
        int r0 = (int) Math.floor(y - r - 2), r1 = (int) Math.ceil(y + r + 2);
        int c0 = (int) Math.floor(x - r - 2), c1 = (int) Math.ceil(x + r + 2);
        for (int row = Math.max(0, r0); row <= Math.min(size - 1, r1); row++) {
            for (int col = Math.max(0, c0); col <= Math.min(size - 1, c1); col++) {
                double d = Math.hypot(col - x, row - y);
                double cover =
                        soft
                                ? StrictMath.exp(-0.5 * (d * d) / (0.36 * r * r))
                                : Math.max(0, Math.min(1, r + 0.5 - d));
                if (cover <= 0) continue;
                int i = row * size + col;
                double a = alpha * cover;
                for (int k = 0; k < 3; k++) {
                    plane[k][i] = (float) (plane[k][i] * (1 - a) + colour[k] * a);
                }
                if (lesion && cover >= 0.5) mask[i] = true;
            }
        }
    }

    /**
     * Adds a hard-edged disc to stroke layer {@code layer} (0–2), keeping the largest coverage per
     * pixel, so that overlapping stamps along a line do not darken it twice.
     */
    public void stroke(int layer, double x, double y, double r) {
        if (layers[layer] == null) layers[layer] = new float[size * size];
        float[] a = layers[layer];
        int r0 = (int) Math.floor(y - r - 2), r1 = (int) Math.ceil(y + r + 2);
        int c0 = (int) Math.floor(x - r - 2), c1 = (int) Math.ceil(x + r + 2);
        for (int row = Math.max(0, r0); row <= Math.min(size - 1, r1); row++) {
            for (int col = Math.max(0, c0); col <= Math.min(size - 1, c1); col++) {
                double cover = Math.max(0, Math.min(1, r + 0.5 - Math.hypot(col - x, row - y)));
                int i = row * size + col;
                if (cover > a[i]) a[i] = (float) cover;
            }
        }
    }

    /** Multiplies the pixels of stroke layer {@code layer} by {@code factor}, then clears it. */
    public void applyStrokes(int layer, double[] factor, boolean lesion) {
        float[] a = layers[layer];
        if (a == null) return;
        for (int i = 0; i < a.length; i++) {
            double cover = a[i];
            if (cover <= 0) continue;
            for (int k = 0; k < 3; k++) {
                plane[k][i] = (float) (plane[k][i] * (1 - cover + cover * factor[k]));
            }
            if (lesion && cover >= 0.5) mask[i] = true;
        }
        layers[layer] = null;
    }

    /** Multiplies the pixels of a disc by {@code factor} per channel, soft-edged. */
    public void shade(double x, double y, double r, double[] factor, boolean soft, boolean lesion) {
        int r0 = (int) Math.floor(y - 2 * r - 2), r1 = (int) Math.ceil(y + 2 * r + 2);
        int c0 = (int) Math.floor(x - 2 * r - 2), c1 = (int) Math.ceil(x + 2 * r + 2);
        for (int row = Math.max(0, r0); row <= Math.min(size - 1, r1); row++) {
            for (int col = Math.max(0, c0); col <= Math.min(size - 1, c1); col++) {
                double d = Math.hypot(col - x, row - y);
                double cover =
                        soft
                                ? StrictMath.exp(-0.5 * (d * d) / (r * r))
                                : Math.max(0, Math.min(1, r + 0.5 - d));
                if (cover <= 0.002) continue;
                int i = row * size + col;
                for (int k = 0; k < 3; k++) {
                    plane[k][i] = (float) (plane[k][i] * (1 - cover + cover * factor[k]));
                }
                if (lesion && cover >= 0.5) mask[i] = true;
            }
        }
    }

    /**
     * Applies a camera: gamma, colour gains, vignetting, sensor noise, the dark surround outside
     * the field, rounding to 8 bits. Returns R G B per pixel.
     */
    public byte[] expose(double[] gains, double gamma, double vignetting, double noise, Rng rng) {
        byte[] rgb = new byte[3 * size * size];
        double r2 = radius * radius;
        for (int row = 0; row < size; row++) {
            for (int col = 0; col < size; col++) {
                int i = row * size + col;
                double d2 = ((col - cx) * (col - cx) + (row - cy) * (row - cy)) / r2;
                // a one-pixel soft rim around the field, as the camera's aperture blurs it
                double inside = Math.max(0, Math.min(1, radius + 0.5 - Math.sqrt(d2) * radius));
                double light = (1 - vignetting * d2) * inside;
                for (int k = 0; k < 3; k++) {
                    double v = Math.max(0, plane[k][i]);
                    double s = 255 * gains[k] * StrictMath.pow(v, gamma) * light;
                    s += noise * rng.gaussian() * (0.3 + 0.7 * inside);
                    rgb[3 * i + k] = (byte) Math.max(0, Math.min(255, Math.rint(s + 2)));
                }
            }
        }
        return rgb;
    }
}
