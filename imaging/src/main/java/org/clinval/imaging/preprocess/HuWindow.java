package org.clinval.imaging.preprocess;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Clips values to the window {@code [lowerHu, upperHu]}: {@code v' = min(max(v, lower), upper)}.
 *
 * @param lowerHu lower bound in HU
 * @param upperHu upper bound in HU, greater than the lower
 */
public record HuWindow(double lowerHu, double upperHu) implements Transform {

    public HuWindow {
        if (!(Double.isFinite(lowerHu) && Double.isFinite(upperHu) && lowerHu < upperHu)) {
            throw new IllegalArgumentException(
                    "window is not finite with lower < upper: " + lowerHu + ", " + upperHu);
        }
    }

    @Override
    public Raster apply(Raster in) {
        float[] v = in.values();
        float[] out = new float[v.length];
        float lo = (float) lowerHu, hi = (float) upperHu;
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.max(lo, Math.min(hi, v[i]));
        }
        return in.with(out);
    }

    @Override
    public String name() {
        return "window";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("lower", lowerHu);
        p.put("upper", upperHu);
        return p;
    }
}
