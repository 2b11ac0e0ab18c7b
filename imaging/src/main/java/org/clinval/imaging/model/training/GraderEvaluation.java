package org.clinval.imaging.model.training;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.clinval.imaging.model.internal.Architectures;
import org.clinval.imaging.model.internal.Engines;
import org.clinval.imaging.model.training.internal.GraderInput;
import org.clinval.imaging.phantom.FundusCase;
import org.clinval.imaging.phantom.FundusGenerator;

/**
 * Runs grader weights on fresh fundus phantoms, preprocessing each image as the descriptor says,
 * and returns per case the true grade, the three graders' grades and the softmax probabilities. The
 * statistics are left to the caller (the model card's are computed by {@code validation}).
 */
public final class GraderEvaluation {

    /**
     * One evaluated case.
     *
     * @param caseId the phantom's case id
     * @param grade the true grade
     * @param graders the three simulated graders' grades
     * @param probabilities softmax over the five grades
     */
    public record Graded(String caseId, int grade, int[] graders, double[] probabilities) {

        /** Returns the most probable grade. */
        public int predicted() {
            int best = 0;
            for (int g = 1; g < probabilities.length; g++) {
                if (probabilities[g] > probabilities[best]) best = g;
            }
            return best;
        }
    }

    private GraderEvaluation() {}

    /**
     * Grades cases {@code 0 … n−1} of {@code generator} with {@code weights}, standardised with
     * {@code mean} and {@code std}.
     */
    public static List<Graded> run(
            byte[] weights, double[] mean, double[] std, FundusGenerator generator, int n)
            throws IOException {
        List<FundusCase> cases = new ArrayList<>(n);
        List<float[]> inputs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            FundusCase c = generator.generateCase(i);
            cases.add(
                    new FundusCase(
                            c.caseId(),
                            c.index(),
                            c.patient(),
                            c.camera(),
                            c.studyDate(),
                            c.laterality(),
                            c.grade(),
                            c.graders(),
                            c.lesions(),
                            0,
                            0,
                            c.pixelSpacingMm(),
                            new byte[0],
                            new boolean[0]));
            inputs.add(GraderInput.standardize(GraderInput.scaled(c), mean, std));
        }
        double[][] p = probabilities(Architectures.GRADER, 3, 5, weights, inputs);
        List<Graded> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            FundusCase c = cases.get(i);
            out.add(new Graded(c.caseId(), c.grade(), c.graders(), p[i]));
        }
        return out;
    }

    /**
     * Returns the softmax of {@code classes} logits of a block of {@code architecture} with {@code
     * weights} for each input ({@code channels} planes of 128²), in batches of 16.
     */
    public static double[][] probabilities(
            String architecture, int channels, int classes, byte[] weights, List<float[]> inputs)
            throws IOException {
        Engines.configure();
        int side = GraderInput.SIDE;
        double[][] out = new double[inputs.size()][];
        try (Model model = Model.newInstance(architecture, Device.cpu(), "PyTorch")) {
            Block block = Architectures.build(architecture);
            block.initialize(
                    model.getNDManager(), DataType.FLOAT32, new Shape(1, channels, side, side));
            try {
                block.loadParameters(
                        model.getNDManager(),
                        new DataInputStream(new ByteArrayInputStream(weights)));
            } catch (MalformedModelException e) {
                throw new IOException(
                        "the weights are not " + architecture + "'s: " + e.getMessage(), e);
            }
            block.freezeParameters(true);
            model.setBlock(block);
            int batch = 16;
            int plane = channels * side * side;
            try (Predictor<NDList, NDList> p = model.newPredictor(new NoopTranslator())) {
                for (int from = 0; from < inputs.size(); from += batch) {
                    int to = Math.min(inputs.size(), from + batch);
                    float[] x = new float[(to - from) * plane];
                    for (int i = from; i < to; i++) {
                        System.arraycopy(inputs.get(i), 0, x, (i - from) * plane, plane);
                    }
                    try (NDManager m = model.getNDManager().newSubManager()) {
                        NDArray in = m.create(x, new Shape(to - from, channels, side, side));
                        float[] prob =
                                p.predict(new NDList(in))
                                        .singletonOrThrow()
                                        .softmax(1)
                                        .toFloatArray();
                        for (int k = 0; k < to - from; k++) {
                            double[] pr = new double[classes];
                            for (int g = 0; g < classes; g++) pr[g] = prob[k * classes + g];
                            out[from + k] = pr;
                        }
                    }
                }
            } catch (TranslateException e) {
                throw new IOException(architecture + " failed: " + e.getMessage(), e);
            }
        }
        return out;
    }
}
