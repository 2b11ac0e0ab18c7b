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
        if (d.task() != Task.SEGMENTATION) {
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

    /**
     * Returns a grading model's per-image answer: {@code batch} rows of one probability per grade
     * (softmax over logits, or the model's probabilities checked to lie in [0, 1] and sum to 1
     * within rounding, then renormalised), or of one expected grade (kind score, checked finite).
     */
    public static double[][] classProbabilities(ModelDescriptor d, Tensor out, int batch)
            throws ModelRunException {
        OutputSpec o = d.output();
        long[] s = out.shape();
        int classes = o.classes();
        boolean ok =
                (s.length == 2 && s[0] == batch && s[1] == classes)
                        || (classes == 1 && s.length == 1 && s[0] == batch);
        if (!ok) throw shape(d, out, "(" + batch + ", " + classes + ")");
        float[] v = out.data();
        double[][] p = new double[batch][classes];
        for (int n = 0; n < batch; n++) {
            double max = Double.NEGATIVE_INFINITY, sum = 0;
            for (int c = 0; c < classes; c++) {
                double x = v[n * classes + c];
                if (!Double.isFinite(x)) {
                    throw new ModelRunException(
                            "model "
                                    + d.name()
                                    + " gave a non-finite output for grade "
                                    + c
                                    + ": "
                                    + x);
                }
                p[n][c] = x;
                max = Math.max(max, x);
            }
            if (o.kind() == OutputKind.SCORE) continue;
            if (o.kind() == OutputKind.LOGIT) {
                for (int c = 0; c < classes; c++) sum += p[n][c] = Math.exp(p[n][c] - max);
            } else {
                for (int c = 0; c < classes; c++) {
                    if (!(p[n][c] >= -TOLERANCE && p[n][c] <= 1 + TOLERANCE)) {
                        throw new ModelRunException(
                                "model "
                                        + d.name()
                                        + " is declared to output probabilities but gave "
                                        + p[n][c]
                                        + " for grade "
                                        + c
                                        + " (set output.kind: logit?)");
                    }
                    sum += p[n][c] = Math.max(0, Math.min(1, p[n][c]));
                }
                if (Math.abs(sum - 1) > 1e-3) {
                    throw new ModelRunException(
                            "model "
                                    + d.name()
                                    + " is declared to output probabilities but its grades'"
                                    + " probabilities sum to "
                                    + sum
                                    + ", not 1 (set output.kind: logit?)");
                }
            }
            for (int c = 0; c < classes; c++) p[n][c] /= sum;
        }
        return p;
    }

    /**
     * Returns the grade of one image's {@link #classProbabilities} row: the most probable grade
     * (the lowest on a tie), or the expected grade rounded half up and clamped to {@code [0, grades
     * − 1]}.
     */
    public static int grade(ModelDescriptor d, double[] row) {
        int k = d.grades().size();
        if (d.expectedGrade()) {
            return (int) Math.max(0, Math.min(k - 1, Math.floor(row[0] + 0.5)));
        }
        int best = 0;
        for (int c = 1; c < row.length; c++) if (row[c] > row[best]) best = c;
        return best;
    }

    /** The image-level probability of a grading model: {@code 1 − P(grade 0)} (see Prediction). */
    public static double anyGrade(ModelDescriptor d, double[] row) {
        if (d.expectedGrade()) {
            return Math.max(0, Math.min(1, row[0] / (d.grades().size() - 1)));
        }
        double p = 0;
        for (int c = 1; c < row.length; c++) p += row[c];
        return Math.max(0, Math.min(1, p));
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
