package org.clinval.imaging.model.internal;

import org.clinval.imaging.model.ModelDescriptor;
import org.clinval.imaging.model.ModelRunException;
import org.clinval.imaging.model.OutputKind;
import org.clinval.imaging.model.OutputSpec;
import org.clinval.imaging.model.Task;

/**
 * Turns raw outputs into positive-class probabilities as the descriptor says: one logit through the
 * logistic function, several through softmax over the class axis, probabilities as they are
 * (rejected when outside [0, 1] by more than rounding), scores as they are (rejected when not
 * finite).
 */
public final class OutputDecoder {

    private static final double TOLERANCE = 1e-4;

    private OutputDecoder() {}

    /**
     * Checks that {@code out} has the shape the task needs for {@code batch} images of {@code h ×
     * w} and returns the positive probabilities: {@code batch} values for a classifier, {@code
     * batch × h' × w'} for a segmenter (h', w' as output by the model), {@code batch × d' × h' ×
     * w'} for a segmenter with a 3D input.
     */
    public static float[] probabilities(ModelDescriptor d, Tensor out, int batch)
            throws ModelRunException {
        OutputSpec o = d.output();
        long[] s = out.shape();
        int classes = o.classes();
        int spatial;
        if (d.task() == Task.CLASSIFICATION) {
            boolean ok =
                    (s.length == 2 && s[0] == batch && s[1] == classes)
                            || (classes == 1 && s.length == 1 && s[0] == batch);
            if (!ok) throw shape(d, out, "(" + batch + ", " + classes + ")");
            spatial = 1;
        } else if (d.input().volumetric()) {
            if (s.length != 5 || s[0] != batch || s[1] != classes) {
                throw shape(d, out, "(" + batch + ", " + classes + ", D, H, W)");
            }
            spatial = (int) (s[2] * s[3] * s[4]);
        } else {
            if (s.length != 4 || s[0] != batch || s[1] != classes) {
                throw shape(d, out, "(" + batch + ", " + classes + ", H, W)");
            }
            spatial = (int) (s[2] * s[3]);
        }
        float[] v = out.data();
        float[] p = new float[batch * spatial];
        for (int n = 0; n < batch; n++) {
            for (int k = 0; k < spatial; k++) {
                p[n * spatial + k] = decode(d, o, v, n * classes * spatial, spatial, k);
            }
        }
        return p;
    }

    private static float decode(
            ModelDescriptor d, OutputSpec o, float[] v, int base, int stride, int k)
            throws ModelRunException {
        int classes = o.classes();
        float x = v[base + o.positiveIndex() * stride + k];
        if (o.kind() == OutputKind.PROBABILITY) {
            if (!(x >= -TOLERANCE && x <= 1 + TOLERANCE)) {
                throw new ModelRunException(
                        "model "
                                + d.name()
                                + " is declared to output probabilities but gave "
                                + x
                                + " (set output.kind: logit?)");
            }
            return Math.max(0f, Math.min(1f, x));
        }
        if (!Float.isFinite(x)) {
            throw new ModelRunException(
                    "model "
                            + d.name()
                            + " gave a non-finite "
                            + (o.kind() == OutputKind.SCORE ? "score" : "logit")
                            + ": "
                            + x);
        }
        if (o.kind() == OutputKind.SCORE) return x;
        if (classes == 1) return (float) (1 / (1 + Math.exp(-x)));
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) max = Math.max(max, v[base + c * stride + k]);
        double sum = 0;
        for (int c = 0; c < classes; c++) sum += Math.exp(v[base + c * stride + k] - max);
        return (float) (Math.exp(x - max) / sum);
    }

    private static ModelRunException shape(ModelDescriptor d, Tensor out, String expected) {
        return new ModelRunException(
                "model "
                        + d.name()
                        + " output has shape "
                        + java.util.Arrays.toString(out.shape())
                        + " but its descriptor ("
                        + d.task().name().toLowerCase(java.util.Locale.ROOT)
                        + ", "
                        + d.output().classes()
                        + " classes) needs "
                        + expected);
    }
}
