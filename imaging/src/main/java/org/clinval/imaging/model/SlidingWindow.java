package org.clinval.imaging.model;

import java.util.Locale;

/**
 * How a model with a 3D input covers a volume: patches overlapping by a fraction of their size,
 * their outputs blended with an importance map, as MONAI's {@code sliding_window_inference}
 * (Cardoso et al., MONAI, arXiv:2211.02701).
 *
 * <p>Along an axis of {@code size} voxels (already padded to at least the patch) a patch of {@code
 * p} voxels steps by {@code interval = max(1, floor(p · (1 − overlap)))} ({@code p} when {@code
 * size = p}); windows start at {@code 0, interval, 2·interval, …} until one reaches the end, and
 * that last one is moved back to end at {@code size}. The Gaussian importance map is {@code w(x) =
 * Π_axis exp(−x²/(2σ²))}, {@code x} measured from the patch centre ({@code −(p−1)/2 … (p−1)/2}),
 * {@code σ = p · }{@value #SIGMA_SCALE}, its values raised to at least {@code max(min w, 10⁻³)} so
 * that no voxel has zero weight; the constant map is 1 everywhere. A voxel's value is the weighted
 * mean of the patches covering it.
 *
 * @param overlap fraction of the patch shared with the next window along each axis, in [0, 1)
 * @param blending how overlapping outputs are weighted
 */
public record SlidingWindow(double overlap, Blending blending) {

    /** σ of the Gaussian importance map as a fraction of the patch size, MONAI's default. */
    public static final double SIGMA_SCALE = 0.125;

    /** Half-overlapping patches blended with the Gaussian map, MONAI's usual setting. */
    public static final SlidingWindow DEFAULT = new SlidingWindow(0.5, Blending.GAUSSIAN);

    /** Weights of a patch's voxels when outputs overlap. */
    public enum Blending {
        /** Highest at the patch centre, falling off towards its borders. */
        GAUSSIAN,
        /** Every voxel of every patch counts the same. */
        CONSTANT;

        /** Returns the descriptor name. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public SlidingWindow {
        if (!(overlap >= 0 && overlap < 1)) {
            throw new IllegalArgumentException("overlap is not in [0, 1): " + overlap);
        }
        if (blending == null) {
            throw new IllegalArgumentException("blending is not given");
        }
    }

    /**
     * Returns the first index of every window along an axis of {@code size} voxels.
     *
     * @throws IllegalArgumentException if {@code size < patch} (pad first) or {@code patch < 1}
     */
    public int[] starts(int size, int patch) {
        if (patch < 1 || size < patch) {
            throw new IllegalArgumentException(
                    "axis of " + size + " voxels is smaller than the patch of " + patch);
        }
        int interval = size == patch ? patch : Math.max(1, (int) (patch * (1 - overlap)));
        int n = 1;
        while ((n - 1) * interval + patch < size) n++;
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = Math.min(i * interval, size - patch);
        }
        return s;
    }

    /** Returns the importance map of a patch, {@code [z · height · width + y · width + x]}. */
    public float[] importanceMap(int depth, int height, int width) {
        float[] w = new float[depth * height * width];
        if (blending == Blending.CONSTANT) {
            java.util.Arrays.fill(w, 1f);
            return w;
        }
        double[] gz = gaussian(depth), gy = gaussian(height), gx = gaussian(width);
        float min = Float.POSITIVE_INFINITY;
        for (int z = 0, i = 0; z < depth; z++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++, i++) {
                    w[i] = (float) (gz[z] * gy[y] * gx[x]);
                    min = Math.min(min, w[i]);
                }
            }
        }
        float floor = Math.max(min, 1e-3f);
        for (int i = 0; i < w.length; i++) w[i] = Math.max(w[i], floor);
        return w;
    }

    private static double[] gaussian(int p) {
        double sigma = p * SIGMA_SCALE;
        double[] g = new double[p];
        for (int i = 0; i < p; i++) {
            double x = i - (p - 1) / 2.0;
            g[i] = Math.exp(x * x / (-2 * sigma * sigma));
        }
        return g;
    }
}
