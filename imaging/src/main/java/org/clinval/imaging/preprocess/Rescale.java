package org.clinval.imaging.preprocess;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps {@code [lower, upper]} linearly onto {@code [0, 1]}: {@code v' = (v − lower) / (upper −
 * lower)}. Values outside the range map outside {@code [0, 1]}; clip first with {@link HuWindow}.
 *
 * @param lower the value mapped to 0
 * @param upper the value mapped to 1, greater than lower
 */
public record Rescale(double lower, double upper) implements Transform {

    public Rescale {
        if (!(Double.isFinite(lower) && Double.isFinite(upper) && lower < upper)) {
            throw new IllegalArgumentException(
                    "rescale range is not finite with lower < upper: " + lower + ", " + upper);
        }
    }

    @Override
    public Raster apply(Raster in) {
        float[] v = in.values();
        float[] out = new float[v.length];
        double scale = 1 / (upper - lower);
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) ((v[i] - lower) * scale);
        }
        return in.with(out);
    }

    @Override
    public String name() {
        return "rescale";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("lower", lower);
        p.put("upper", upper);
        return p;
    }
}
