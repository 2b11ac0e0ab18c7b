package org.clinval.imaging.model.training;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.clinval.imaging.model.internal.Architectures;
import org.clinval.imaging.model.training.internal.GraderInput;
import org.clinval.imaging.model.training.internal.SoftmaxInference;
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
     * weights} for each input ({@code channels} planes of 128²).
     */
    public static double[][] probabilities(
            String architecture, int channels, int classes, byte[] weights, List<float[]> inputs)
            throws IOException {
        return SoftmaxInference.probabilities(architecture, channels, classes, weights, inputs);
    }
}
