package org.clinval.imaging.model.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.clinval.common.Sha256;
import org.clinval.imaging.model.BuiltInModel;
import org.clinval.imaging.model.ModelDescriptor;
import org.clinval.imaging.model.internal.Engines;
import org.clinval.imaging.model.training.internal.TrainingLoop;
import org.clinval.imaging.model.training.internal.TrainingSet;

/**
 * Trains a built-in model on phantoms with DJL (PyTorch engine, CPU) and writes its weights and
 * descriptor. The preprocessing applied to the training images is the descriptor's own, the one
 * every prediction applies.
 *
 * <p>Optimiser: Adam with cosine decay of the learning rate over all steps. Loss: binary
 * cross-entropy on the logit (classifier), plus soft Dice (U-Net).
 */
public final class ModelTrainer {

    private ModelTrainer() {}

    /** Trains per {@code spec}, writes {@code <name>.params} and {@code descriptor.yaml}. */
    public static TrainingRun train(TrainingSpec spec, Path outDir, Consumer<String> progress)
            throws IOException {
        long start = System.nanoTime();
        Engines.configure();
        ModelDescriptor d = BuiltInDescriptors.of(spec.model());
        boolean seg = spec.model() == BuiltInModel.NODULE_UNET;
        TrainingSet data =
                TrainingSet.generate(
                        spec.seed(),
                        spec.cases(),
                        spec.prevalence(),
                        BuiltInDescriptors.SIZE,
                        d.preprocessing(),
                        progress);
        TrainingLoop.Result fit =
                TrainingLoop.run(
                        d,
                        data,
                        spec.seed(),
                        spec.epochs(),
                        spec.batchSize(),
                        spec.learningRate(),
                        spec.crop(),
                        progress);
        List<Float> losses = fit.losses();
        byte[] weights = fit.weights();
        Files.createDirectories(outDir);
        Path weightsFile = outDir.resolve(d.file());
        Files.write(weightsFile, weights);
        ModelDescriptor written = d.withSha256(Sha256.of(weights));
        Path descriptorFile = outDir.resolve("descriptor.yaml");
        Files.writeString(descriptorFile, header(spec) + written.toYaml(), StandardCharsets.UTF_8);
        return new TrainingRun(
                spec,
                losses,
                written,
                descriptorFile,
                weightsFile,
                (System.nanoTime() - start) / 1e9);
    }

    private static String header(TrainingSpec s) {
        return String.format(
                Locale.ROOT,
                "# Written by: clinval model train %s --cases %d --epochs %d --seed %d%n"
                        + "# batch %d, Adam lr %s cosine to lr/20, crop %d, prevalence %s%n",
                s.model() == BuiltInModel.NODULE_CLASSIFIER ? "classifier" : "unet",
                s.cases(),
                s.epochs(),
                s.seed(),
                s.batchSize(),
                s.learningRate(),
                s.crop(),
                s.prevalence());
    }
}
