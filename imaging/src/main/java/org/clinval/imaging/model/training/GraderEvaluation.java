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
        Engines.configure();
        int side = GraderInput.SIDE;
        List<Graded> out = new ArrayList<>(n);
        try (Model model = Model.newInstance(GraderTrainer.NAME, Device.cpu(), "PyTorch")) {
            Block block = Architectures.build(Architectures.GRADER);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 3, side, side));
            try {
                block.loadParameters(
                        model.getNDManager(),
                        new DataInputStream(new ByteArrayInputStream(weights)));
            } catch (MalformedModelException e) {
                throw new IOException("the weights are not the grader's: " + e.getMessage(), e);
            }
            block.freezeParameters(true);
            model.setBlock(block);
            int batch = 16;
            try (Predictor<NDList, NDList> p = model.newPredictor(new NoopTranslator())) {
                for (int from = 0; from < n; from += batch) {
                    int to = Math.min(n, from + batch);
                    List<FundusCase> cases = new ArrayList<>();
                    float[] x = new float[(to - from) * 3 * side * side];
                    for (int i = from; i < to; i++) {
                        FundusCase c = generator.generateCase(i);
                        cases.add(c);
                        float[] in = GraderInput.standardize(GraderInput.scaled(c), mean, std);
                        System.arraycopy(in, 0, x, (i - from) * in.length, in.length);
                    }
                    try (NDManager m = model.getNDManager().newSubManager()) {
                        NDArray in = m.create(x, new Shape(to - from, 3, side, side));
                        float[] prob =
                                p.predict(new NDList(in))
                                        .singletonOrThrow()
                                        .softmax(1)
                                        .toFloatArray();
                        for (int k = 0; k < cases.size(); k++) {
                            double[] pr = new double[5];
                            for (int g = 0; g < 5; g++) pr[g] = prob[k * 5 + g];
                            FundusCase c = cases.get(k);
                            out.add(new Graded(c.caseId(), c.grade(), c.graders(), pr));
                        }
                    }
                }
            } catch (TranslateException e) {
                throw new IOException("the grader failed: " + e.getMessage(), e);
            }
        }
        return out;
    }
}
