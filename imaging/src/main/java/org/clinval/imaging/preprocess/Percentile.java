package org.clinval.imaging.preprocess;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Normalises each image by its own percentiles, per channel: the {@code lower} percentile maps to 0
 * and the {@code upper} to 1, linearly, and values outside are clipped to [0, 1]. Percentiles
 * interpolate linearly between order statistics, as {@code numpy.percentile} does by default: with
 * the values sorted {@code a[0] ≤ … ≤ a[n−1]} and {@code h = (n − 1) · p / 100}, the percentile is
 * {@code a[⌊h⌋] + (h − ⌊h⌋) · (a[⌊h⌋ + 1] − a[⌊h⌋])}. Robust to a few hot pixels, unlike min–max.
 *
 * @param lower lower percentile, in [0, 100)
 * @param upper upper percentile, in (lower, 100]
 */
public record Percentile(double lower, double upper) implements Transform {

    public Percentile {
        if (!(lower >= 0 && lower < upper && upper <= 100)) {
            throw new IllegalArgumentException(
                    "percentiles are not 0 <= lower < upper <= 100: " + lower + ", " + upper);
        }
    }

    @Override
    public Raster apply(Raster in) {
        float[] v = in.values();
        float[] out = new float[v.length];
        int plane = in.plane();
        for (int k = 0; k < in.channels(); k++) {
            int from = k * plane;
            float[] sorted = Arrays.copyOfRange(v, from, from + plane);
            Arrays.sort(sorted);
            double lo = percentile(sorted, lower);
            double hi = percentile(sorted, upper);
            if (!(hi > lo)) {
                throw new IllegalArgumentException(
                        "the "
                                + lower
                                + "th and "
                                + upper
                                + "th percentiles are equal ("
                                + lo
                                + (in.channels() > 1 ? ", channel " + k : "")
                                + "): the image is (nearly) constant");
            }
            double scale = 1 / (hi - lo);
            for (int i = from; i < from + plane; i++) {
                out[i] = (float) Math.max(0, Math.min(1, (v[i] - lo) * scale));
            }
        }
        return in.with(out);
    }

    /** The {@code p}-th percentile of sorted values, numpy's default (linear) method. */
    static double percentile(float[] sorted, double p) {
        double h = (sorted.length - 1) * p / 100;
        int i = (int) Math.floor(h);
        if (i >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        return sorted[i] + (h - i) * ((double) sorted[i + 1] - sorted[i]);
    }

    @Override
    public String name() {
        return "percentile";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("lower", lower);
        p.put("upper", upper);
        return p;
    }
}
