package org.clinval.imaging.model.training.internal;

import org.clinval.imaging.phantom.GreyCase;

/**
 * The MR and X-ray classifiers' input, as their descriptors state it (their preprocessing steps):
 *
 * <ul>
 *   <li>MR: {@code zscore: {}} — (v − mean) / std over all pixels of the image — then {@code
 *       resize} to 128 × 128;
 *   <li>DX: MONOCHROME1 turned into its MONOCHROME2 equivalent on reading (v → 0 + 4095 − v for 12
 *       bits stored, the window centre likewise), then {@code voi_lut: {}} — the header's linear
 *       window (PS3.3 C.11.2.1.2.1) onto [0, 1] — then {@code standardize: {mean: 0.4, std: 0.25}}
 *       (centres the windowed radiograph) and {@code resize}.
 * </ul>
 */
public final class GreyInput {

    /** The X-ray classifier's standardisation after the VOI window. */
    public static final double DX_MEAN = 0.4;

    /** The X-ray classifier's standardisation after the VOI window. */
    public static final double DX_STD = 0.25;

    private GreyInput() {}

    /** Returns the model input of {@code c}, {@link GraderInput#SIDE}² values. */
    public static float[] of(GreyCase c) {
        int n = c.stored().length;
        float[] v = new float[n];
        if (c.modality().equals("MR")) {
            double s = 0, s2 = 0;
            for (int x : c.stored()) {
                s += x;
                s2 += (double) x * x;
            }
            double mean = s / n, std = Math.sqrt(Math.max(1e-12, s2 / n - mean * mean));
            for (int i = 0; i < n; i++) v[i] = (float) ((c.stored()[i] - mean) / std);
        } else {
            int max = 4095;
            double centre = c.monochrome1() ? max - c.windowCenter() : c.windowCenter();
            double width = c.windowWidth();
            double lo = centre - 0.5 - (width - 1) / 2, hi = centre - 0.5 + (width - 1) / 2;
            for (int i = 0; i < n; i++) {
                int x = c.monochrome1() ? max - c.stored()[i] : c.stored()[i];
                double w = x <= lo ? 0 : x > hi ? 1 : (x - (centre - 0.5)) / (width - 1) + 0.5;
                v[i] = (float) ((w - DX_MEAN) / DX_STD);
            }
        }
        return new org.clinval.imaging.preprocess.Raster(v, c.rows(), c.columns())
                .resize(GraderInput.SIDE, GraderInput.SIDE)
                .values();
    }
}
