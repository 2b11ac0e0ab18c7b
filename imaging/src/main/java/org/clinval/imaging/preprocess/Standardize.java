package org.clinval.imaging.preprocess;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Standardises with fixed statistics: {@code v' = (v − mean[k]) / std[k]} in channel {@code k}. The
 * statistics are the model's (from its training data), never the image's own, so one image cannot
 * shift another's scale. One mean and std apply to every channel; a list gives one per channel (R,
 * G, B for colour).
 *
 * @param mean subtracted values, one or one per channel
 * @param std divisors, positive, as many as {@code mean}
 */
public record Standardize(double[] mean, double[] std) implements Transform {

    public Standardize {
        if (mean == null || std == null || mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException(
                    "standardize needs as many means as stds (at least one): "
                            + Arrays.toString(mean)
                            + ", "
                            + Arrays.toString(std));
        }
        for (int k = 0; k < mean.length; k++) {
            if (!Double.isFinite(mean[k]) || !(std[k] > 0 && Double.isFinite(std[k]))) {
                throw new IllegalArgumentException(
                        "standardize needs a finite mean and std > 0: " + mean[k] + ", " + std[k]);
            }
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** One mean and std for every channel. */
    public Standardize(double mean, double std) {
        this(new double[] {mean}, new double[] {std});
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    @Override
    public Raster apply(Raster in) {
        if (mean.length != 1 && mean.length != in.channels()) {
            throw new IllegalArgumentException(
                    "has "
                            + mean.length
                            + " means and stds but the image has "
                            + in.channels()
                            + " channel(s)");
        }
        float[] v = in.values();
        float[] out = new float[v.length];
        int plane = in.plane();
        for (int i = 0; i < v.length; i++) {
            int k = mean.length == 1 ? 0 : i / plane;
            out[i] = (float) ((v[i] - mean[k]) / std[k]);
        }
        return in.with(out);
    }

    @Override
    public String name() {
        return "standardize";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("mean", mean.length == 1 ? (Object) mean[0] : Arrays.stream(mean).boxed().toList());
        p.put("std", std.length == 1 ? (Object) std[0] : Arrays.stream(std).boxed().toList());
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Standardize s
                && Arrays.equals(mean, s.mean)
                && Arrays.equals(std, s.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "Standardize[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }
}
