package org.clinval.imaging.volume;

import java.util.ArrayList;
import java.util.List;
import org.clinval.imaging.model.ImagePredictor;
import org.clinval.imaging.model.InputShape;
import org.clinval.imaging.model.ModelDescriptor;
import org.clinval.imaging.model.ModelRunException;
import org.clinval.imaging.model.SlidingWindow;
import org.clinval.imaging.preprocess.HuWindow;
import org.clinval.imaging.preprocess.Preprocessing;
import org.clinval.imaging.preprocess.Raster;
import org.clinval.imaging.preprocess.Transform;

/**
 * Patch-wise inference of a model with a 3D input over a volume, as MONAI's {@code
 * sliding_window_inference}: the volume is padded to at least the patch along every axis (the
 * missing voxels split {@code ⌊diff/2⌋} before and the rest after, filled with the window's lower
 * bound in HU, or the volume's lowest value when the preprocessing has no window), preprocessed
 * voxelwise, cut into the windows of {@link SlidingWindow#starts}, and every voxel's probability is
 * the mean of the patches covering it weighted by {@link SlidingWindow#importanceMap}; the padding
 * is cropped off again.
 */
final class SlidingWindowInference {

    private SlidingWindowInference() {}

    static ProbabilityVolume run(
            ModelDescriptor d, ImagePredictor predictor, int batch, SeriesVolume volume)
            throws ModelRunException {
        InputShape in = d.input();
        SlidingWindow sw = d.inference().orElseThrow();
        VolumeGeometry g = volume.geometry();
        int pd = in.depth().getAsInt(), ph = in.height(), pw = in.width();
        int nd = Math.max(g.slices(), pd),
                nh = Math.max(g.rows(), ph),
                nw = Math.max(g.columns(), pw);
        int od = (nd - g.slices()) / 2, oh = (nh - g.rows()) / 2, ow = (nw - g.columns()) / 2;
        float[] x = padded(d.preprocessing(), volume, nd, nh, nw, od, oh, ow);
        float[] weight = sw.importanceMap(pd, ph, pw);
        float[] sum = new float[x.length];
        float[] count = new float[x.length];
        List<int[]> corners = new ArrayList<>();
        for (int z : sw.starts(nd, pd)) {
            for (int y : sw.starts(nh, ph)) {
                for (int c : sw.starts(nw, pw)) corners.add(new int[] {z, y, c});
            }
        }
        for (int first = 0; first < corners.size(); first += batch) {
            List<int[]> at = corners.subList(first, Math.min(corners.size(), first + batch));
            List<float[]> patches = new ArrayList<>(at.size());
            for (int[] k : at) patches.add(cut(x, nh, nw, k, pd, ph, pw));
            List<float[]> out;
            try {
                out = predictor.predictPatches(patches);
            } catch (ModelRunException e) {
                throw new ModelRunException(
                        volume.name()
                                + ": patches "
                                + (first + 1)
                                + ".."
                                + (first + at.size())
                                + " of "
                                + corners.size()
                                + ": "
                                + e.getMessage(),
                        e);
            }
            for (int n = 0; n < at.size(); n++) {
                add(out.get(n), weight, sum, count, nh, nw, at.get(n), pd, ph, pw);
            }
        }
        float[][] p = new float[g.slices()][g.rows() * g.columns()];
        for (int s = 0; s < g.slices(); s++) {
            for (int r = 0; r < g.rows(); r++) {
                for (int c = 0; c < g.columns(); c++) {
                    int i = ((s + od) * nh + r + oh) * nw + c + ow;
                    float v = sum[i] / count[i];
                    if (!Float.isFinite(v)) {
                        throw new ModelRunException(
                                volume.name()
                                        + ": model "
                                        + d.name()
                                        + " gave a non-finite probability at slice "
                                        + (s + 1));
                    }
                    // a weighted mean of probabilities stays in [0, 1] up to rounding
                    p[s][r * g.columns() + c] = Math.max(0f, Math.min(1f, v));
                }
            }
        }
        return new ProbabilityVolume(g, p);
    }

    /** Returns the volume padded to {@code nd × nh × nw} and preprocessed, slice-major. */
    private static float[] padded(
            Preprocessing pre, SeriesVolume v, int nd, int nh, int nw, int od, int oh, int ow) {
        float fill = padValue(pre, v);
        float[] x = new float[nd * nh * nw];
        int plane = nh * nw;
        for (int z = 0; z < nd; z++) {
            float[] s = new float[plane];
            java.util.Arrays.fill(s, fill);
            int src = z - od;
            if (src >= 0 && src < v.slices()) {
                float[] hu = v.slice(src);
                for (int r = 0; r < v.rows(); r++) {
                    System.arraycopy(hu, r * v.columns(), s, (r + oh) * nw + ow, v.columns());
                }
            }
            Raster out = pre.apply(new Raster(s, nh, nw));
            System.arraycopy(out.values(), 0, x, z * plane, plane);
        }
        return x;
    }

    /** The window's lower bound (what air becomes), else the lowest voxel of the volume. */
    static float padValue(Preprocessing pre, SeriesVolume v) {
        for (Transform t : pre.steps()) {
            if (t instanceof HuWindow w) return (float) w.lowerHu();
        }
        float min = Float.POSITIVE_INFINITY;
        for (int s = 0; s < v.slices(); s++) {
            for (float f : v.slice(s)) min = Math.min(min, f);
        }
        return min;
    }

    private static float[] cut(float[] x, int nh, int nw, int[] k, int pd, int ph, int pw) {
        float[] p = new float[pd * ph * pw];
        for (int z = 0; z < pd; z++) {
            for (int y = 0; y < ph; y++) {
                System.arraycopy(
                        x, ((k[0] + z) * nh + k[1] + y) * nw + k[2], p, (z * ph + y) * pw, pw);
            }
        }
        return p;
    }

    private static void add(
            float[] p,
            float[] w,
            float[] sum,
            float[] count,
            int nh,
            int nw,
            int[] k,
            int pd,
            int ph,
            int pw) {
        for (int z = 0; z < pd; z++) {
            for (int y = 0; y < ph; y++) {
                int dst = ((k[0] + z) * nh + k[1] + y) * nw + k[2];
                int src = (z * ph + y) * pw;
                for (int c = 0; c < pw; c++) {
                    sum[dst + c] += w[src + c] * p[src + c];
                    count[dst + c] += w[src + c];
                }
            }
        }
    }
}
