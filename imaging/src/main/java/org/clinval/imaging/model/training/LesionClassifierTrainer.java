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
import org.clinval.imaging.model.training.internal.GreyInput;
import org.clinval.imaging.phantom.GreyCase;
import org.clinval.imaging.phantom.GreyPhantomGenerator;

/**
 * Trains the reference lesion classifiers of the MR and chest X-ray phantoms ({@value
 * Architectures#LESION_CLASSIFIER}: the grader's network with two softmax logits) and writes {@code
 * <name>.params} and {@code descriptor.yaml}. MR input is z-scored per image, X-ray input windowed
 * with the header's VOI window after MONOCHROME1 inversion (see {@link GreyInput}).
 */
public final class LesionClassifierTrainer {

    /** Training seed of the committed MR classifier; never used by demos or tests. */
    public static final long MR_SEED = 9_100_004L;

    /** Training seed of the committed X-ray classifier; never used by demos or tests. */
    public static final long DX_SEED = 9_100_005L;

    /** Held-out evaluation seed of the MR classifier. */
    public static final long MR_EVALUATION_SEED = 9_200_004L;

    /** Held-out evaluation seed of the X-ray classifier. */
    public static final long DX_EVALUATION_SEED = 9_200_005L;

    /** Side of the training phantoms (also the input side: resize is the identity). */
    public static final int PHANTOM_SIZE = 128;

    private LesionClassifierTrainer() {}

    /** What training wrote. */
    public record Run(
            String name,
            List<Float> losses,
            String sha256,
            Path descriptorFile,
            Path weightsFile,
            double seconds) {}

    /** Returns the model input of {@code c} (its descriptor's preprocessing). */
    public static float[] input(GreyCase c) {
        return GreyInput.of(c);
    }

    /** Returns P(lesion) of each input under {@code weights}. */
    public static double[] scores(byte[] weights, List<float[]> inputs) throws IOException {
        double[][] p =
                GraderEvaluation.probabilities(
                        Architectures.LESION_CLASSIFIER, 1, 2, weights, inputs);
        double[] s = new double[p.length];
        for (int i = 0; i < p.length; i++) s[i] = p[i][1];
        return s;
    }

    /** Returns the model name of {@code modality}: {@code mr-lesion-classifier} etc. */
    public static String name(String modality) {
        return modality.toLowerCase(Locale.ROOT) + "-lesion-classifier";
    }

    /** Returns the training phantoms of {@code modality} (prevalence 0.5). */
    public static GreyPhantomGenerator generator(String modality, long seed) {
        return GreyPhantomGenerator.of(modality, seed, PHANTOM_SIZE, 0.5);
    }

    /** Trains on {@code cases} phantoms of {@code modality} for {@code epochs}. */
    public static Run train(
            String modality,
            int cases,
            int epochs,
            long seed,
            Path outDir,
            Consumer<String> progress)
            throws IOException {
        long start = System.nanoTime();
        Engines.configure();
        GreyPhantomGenerator g = generator(modality, seed);
        progress.accept("generating " + cases + " " + modality + " phantoms (seed " + seed + ")");
        int[] labels = new int[cases];
        float[][] inputs =
                IntStream.range(0, cases)
                        .parallel()
                        .mapToObj(
                                i -> {
                                    GreyCase c = g.generateCase(i);
                                    labels[i] = c.positive() ? 1 : 0;
                                    return GreyInput.of(c);
                                })
                        .toArray(float[][]::new);
        GraderLoop.Result fit =
                GraderLoop.run(
                        Architectures.LESION_CLASSIFIER,
                        1,
                        inputs,
                        labels,
                        seed,
                        epochs,
                        32,
                        2e-3,
                        progress);
        String name = name(modality);
        Files.createDirectories(outDir);
        Path weights = outDir.resolve(name + ".params");
        Files.write(weights, fit.weights());
        String sha = Sha256.of(fit.weights());
        Path descriptor = outDir.resolve("descriptor.yaml");
        Files.writeString(
                descriptor,
                descriptorYaml(modality, name, cases, epochs, seed, sha),
                StandardCharsets.UTF_8);
        return new Run(
                name, fit.losses(), sha, descriptor, weights, (System.nanoTime() - start) / 1e9);
    }

    static String descriptorYaml(
            String modality, String name, int cases, int epochs, long seed, String sha256) {
        String first =
                modality.equals("MR")
                        ? "- zscore: {}"
                        : "- voi_lut: {}\n- standardize:\n    mean: "
                                + GreyInput.DX_MEAN
                                + "\n    std: "
                                + GreyInput.DX_STD;
        return String.format(
                Locale.ROOT,
                """
                # Written by: clinval model train %s --cases %d --epochs %d --seed %d
                # batch 32, Adam lr 0.002 cosine to lr/20, flips; phantoms %d x %d, prevalence 0.5
                name: %s
                version: '1'
                task: classification
                format: djl
                architecture: %s
                file: %s.params
                sha256: %s
                input:
                  channels: 1
                  height: %d
                  width: %d
                preprocessing:
                %s
                - resize:
                    height: %d
                    width: %d
                output:
                  kind: logit
                  classes: 2
                  positive_index: 1
                threshold: 0.5
                """,
                modality.toLowerCase(Locale.ROOT),
                cases,
                epochs,
                seed,
                PHANTOM_SIZE,
                PHANTOM_SIZE,
                name,
                Architectures.LESION_CLASSIFIER,
                name,
                sha256,
                GraderInput.SIDE,
                GraderInput.SIDE,
                first,
                GraderInput.SIDE,
                GraderInput.SIDE);
    }
}
