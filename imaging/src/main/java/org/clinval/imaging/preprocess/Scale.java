package org.clinval.imaging.preprocess;

import java.util.Map;

/**
 * Multiplies every value by a factor: {@code v' = v · factor}, e.g. {@code 1/255} to bring 8-bit
 * colour to [0, 1].
 *
 * @param factor finite and not 0
 */
public record Scale(double factor) implements Transform {

    public Scale {
        if (!Double.isFinite(factor) || factor == 0) {
            throw new IllegalArgumentException(
                    "scale factor is not finite and non-zero: " + factor);
        }
    }

    @Override
    public Raster apply(Raster in) {
        float[] v = in.values();
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] * factor);
        }
        return in.with(out);
    }

    @Override
    public String name() {
        return "scale";
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("factor", factor);
    }
}
