package org.clinval.imaging.model.training.internal;

import org.clinval.imaging.phantom.FundusCase;
import org.clinval.imaging.preprocess.Raster;

/**
 * The grader's input, as its descriptor states it: each of R, G, B bilinearly resized to 128 × 128
 * (the same {@link Raster#resize} every prediction uses), scaled by 1/255 and standardised with the
 * descriptor's per-channel mean and standard deviation; planar, channel-major.
 */
public final class GraderInput {

    /** Input side. */
    public static final int SIDE = 128;

    /** The scale factor of the descriptor's {@code scale} step. */
    public static final double SCALE = 1 / 255.0;

    private GraderInput() {}

    /** Returns the scaled (not yet standardised) planar input of {@code c}. */
    public static float[] scaled(FundusCase c) {
        int plane = SIDE * SIDE;
        float[] out = new float[3 * plane];
        for (int ch = 0; ch < 3; ch++) {
            float[] v =
                    new Raster(c.channel(ch), c.rows(), c.columns()).resize(SIDE, SIDE).values();
            for (int i = 0; i < plane; i++) out[ch * plane + i] = (float) (v[i] * SCALE);
        }
        return out;
    }

    /** Standardises {@code scaled} in place per channel. */
    public static float[] standardize(float[] scaled, double[] mean, double[] std) {
        int plane = SIDE * SIDE;
        for (int ch = 0; ch < 3; ch++) {
            for (int i = 0; i < plane; i++) {
                int k = ch * plane + i;
                scaled[k] = (float) ((scaled[k] - mean[ch]) / std[ch]);
            }
        }
        return scaled;
    }
}
