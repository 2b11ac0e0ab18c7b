package org.clinval.imaging.preprocess;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Standardises with fixed statistics: {@code v' = (v − mean) / std}. The statistics are the model's
 * (from its training data), never the image's own, so one image cannot shift another's scale.
 *
 * @param mean subtracted value
 * @param std divisor, positive
 */
public record Standardize(double mean, double std) implements Transform {

    public Standardize {
        if (!Double.isFinite(mean) || !(std > 0 && Double.isFinite(std))) {
            throw new IllegalArgumentException(
                    "standardize needs a finite mean and std > 0: " + mean + ", " + std);
        }
    }

    @Override
    public Raster apply(Raster in) {
        float[] v = in.values();
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) ((v[i] - mean) / std);
        }
        return new Raster(out, in.rows(), in.columns());
    }

    @Override
    public String name() {
        return "standardize";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("mean", mean);
        p.put("std", std);
        return p;
    }
}
