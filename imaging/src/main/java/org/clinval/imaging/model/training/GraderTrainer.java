package org.clinval.imaging.model.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.clinval.common.Sha256;
import org.clinval.imaging.model.internal.Architectures;
import org.clinval.imaging.model.internal.Engines;
import org.clinval.imaging.model.training.internal.GraderInput;
import org.clinval.imaging.model.training.internal.GraderLoop;
import org.clinval.imaging.phantom.FundusCase;
import org.clinval.imaging.phantom.FundusGenerator;

/**
 * Trains the reference diabetic-retinopathy grader on fundus phantoms with DJL (PyTorch engine,
 * CPU) and writes {@code dr-grader.params} and {@code descriptor.yaml} ({@code task: grading},
 * three channels, per-channel standardisation, five softmax logits). The channel means and standard
 * deviations are measured on the training images (after the 1/255 scale) and rounded to three
 * decimals; the same numbers go into the descriptor, so training and every prediction standardise
 * alike.
 */
public final class GraderTrainer {

    /** The model's name, weights file stem and resource folder. */
    public static final String NAME = "dr-grader";

    /** The classpath folder holding descriptor, weights and card. */
    public static final String RESOURCE_FOLDER = "/org/clinval/imaging/models/dr-grader/";

    private GraderTrainer() {}

    /** What training wrote. */
    public record Run(
            GraderSpec spec,
            List<Float> losses,
            String sha256,
            double[] mean,
            double[] std,
            Path descriptorFile,
            Path weightsFile,
            double seconds) {

        /** Returns the mean loss over steps {@code [from, to)}. */
        public double meanLoss(int from, int to) {
            double s = 0;
            for (int i = from; i < to; i++) s += losses.get(i);
            return s / Math.max(1, to - from);
        }
    }

    /** Trains per {@code spec} and writes the weights and descriptor into {@code outDir}. */
    public static Run train(GraderSpec spec, Path outDir, Consumer<String> progress)
            throws IOException {
        long start = System.nanoTime();
        Engines.configure();
        FundusGenerator g = generator(spec.seed());
        progress.accept(
                "generating " + spec.cases() + " fundus phantoms (seed " + spec.seed() + ")");
        int[] labels = new int[spec.cases()];
        float[][] inputs =
                IntStream.range(0, spec.cases())
                        .parallel()
                        .mapToObj(
                                i -> {
                                    FundusCase c = g.generateCase(i);
                                    labels[i] = c.grade();
                                    return GraderInput.scaled(c);
                                })
                        .toArray(float[][]::new);
        double[][] ms = channelStats(inputs);
        for (float[] x : inputs) GraderInput.standardize(x, ms[0], ms[1]);
        GraderLoop.Result fit =
                GraderLoop.run(
                        inputs,
                        labels,
                        spec.seed(),
                        spec.epochs(),
                        spec.batchSize(),
                        spec.learningRate(),
                        progress);
        Files.createDirectories(outDir);
        Path weights = outDir.resolve(NAME + ".params");
        Files.write(weights, fit.weights());
        String sha = Sha256.of(fit.weights());
        Path descriptor = outDir.resolve("descriptor.yaml");
        Files.writeString(
                descriptor, descriptorYaml(spec, sha, ms[0], ms[1]), StandardCharsets.UTF_8);
        return new Run(
                spec,
                fit.losses(),
                sha,
                ms[0],
                ms[1],
                descriptor,
                weights,
                (System.nanoTime() - start) / 1e9);
    }

    /** The training phantoms: every grade equally often, at {@link GraderSpec#PHANTOM_SIZE}. */
    static FundusGenerator generator(long seed) {
        return FundusGenerator.builder()
                .setSeed(seed)
                .setSize(GraderSpec.PHANTOM_SIZE)
                .optGradeShares(0.2, 0.2, 0.2, 0.2, 0.2)
                .build();
    }

    /** Per-channel mean and (population) standard deviation, rounded to three decimals. */
    static double[][] channelStats(float[][] inputs) {
        int plane = GraderInput.SIDE * GraderInput.SIDE;
        double[] mean = new double[3], std = new double[3];
        for (int ch = 0; ch < 3; ch++) {
            double s = 0, s2 = 0;
            long n = 0;
            for (float[] x : inputs) {
                for (int i = ch * plane; i < (ch + 1) * plane; i++) {
                    s += x[i];
                    s2 += (double) x[i] * x[i];
                    n++;
                }
            }
            double m = s / n;
            mean[ch] = Math.round(m * 1000) / 1000.0;
            std[ch] = Math.round(Math.sqrt(s2 / n - m * m) * 1000) / 1000.0;
        }
        return new double[][] {mean, std};
    }

    /**
     * The descriptor, of a grading model ({@code task: grading}, its grades and per-channel
     * standardize).
     */
    static String descriptorYaml(GraderSpec s, String sha256, double[] mean, double[] std) {
        return String.format(
                Locale.ROOT,
                """
                # Written by: clinval model train grader --cases %d --epochs %d --seed %d
                # batch %d, Adam lr %s cosine to lr/20, flips; phantoms %d x %d, grades equally often
                name: %s
                version: '1'
                task: grading
                format: djl
                architecture: %s
                file: %s.params
                sha256: %s
                input:
                  channels: 3
                  height: %d
                  width: %d
                preprocessing:
                - resize:
                    height: %d
                    width: %d
                - scale:
                    factor: %s
                - standardize:
                    mean: [%s, %s, %s]
                    std: [%s, %s, %s]
                output:
                  kind: logit
                  classes: 5
                grades: [%s]
                """,
                s.cases(),
                s.epochs(),
                s.seed(),
                s.batchSize(),
                s.learningRate(),
                GraderSpec.PHANTOM_SIZE,
                GraderSpec.PHANTOM_SIZE,
                NAME,
                Architectures.GRADER,
                NAME,
                sha256,
                GraderInput.SIDE,
                GraderInput.SIDE,
                GraderInput.SIDE,
                GraderInput.SIDE,
                GraderInput.SCALE,
                mean[0],
                mean[1],
                mean[2],
                std[0],
                std[1],
                std[2],
                String.join(", ", FundusGenerator.GRADES));
    }
}
