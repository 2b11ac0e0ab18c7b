package org.clinval.imaging.model.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.clinval.imaging.model.BuiltInModel;
import org.clinval.imaging.model.ModelDescriptor;
import org.clinval.imaging.model.internal.Architectures;
import org.clinval.imaging.model.internal.Engines;
import org.clinval.imaging.model.internal.Sha256;
import org.clinval.imaging.model.training.internal.BceDiceLoss;
import org.clinval.imaging.model.training.internal.Progress;
import org.clinval.imaging.model.training.internal.TrainingSet;

/**
 * Trains a built-in model on phantoms with DJL (PyTorch engine, CPU) and writes its weights and
 * descriptor. The preprocessing applied to the training images is the descriptor's own, the one
 * every prediction applies.
 *
 * <p>Optimiser: Adam with cosine decay of the learning rate over all steps. Loss: binary
 * cross-entropy on the logit (classifier), plus soft Dice (U-Net); see {@link BceDiceLoss}.
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
        Engine.getEngine("PyTorch").setRandomSeed((int) spec.seed());
        SplittableRandom rng = new SplittableRandom(spec.seed() ^ 0x5DEECE66DL);
        int stepsPerEpoch = Math.max(1, spec.cases() / spec.batchSize());
        int total = stepsPerEpoch * spec.epochs();
        List<Float> losses = new ArrayList<>(total);
        byte[] weights;
        try (Model model = Model.newInstance(d.name(), Device.cpu(), "PyTorch")) {
            model.setBlock(Architectures.build(d.architecture().orElseThrow()));
            Tracker lr =
                    Tracker.cosine()
                            .setBaseValue((float) spec.learningRate())
                            .optFinalValue((float) spec.learningRate() / 20)
                            .setMaxUpdates(total)
                            .build();
            DefaultTrainingConfig config =
                    new DefaultTrainingConfig(new BceDiceLoss(seg ? 1.0 : 0.0))
                            .optOptimizer(Adam.builder().optLearningRateTracker(lr).build())
                            .optDevices(new Device[] {Device.cpu()});
            int side = spec.crop() == 0 ? BuiltInDescriptors.SIZE : spec.crop();
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(spec.batchSize(), 1, side, side));
                long trainStart = System.nanoTime();
                int step = 0;
                for (int epoch = 0; epoch < spec.epochs(); epoch++) {
                    int[] order = permutation(data.size(), rng);
                    for (int s = 0; s < stepsPerEpoch; s++) {
                        int[] idx = new int[spec.batchSize()];
                        for (int b = 0; b < idx.length; b++) {
                            idx[b] = order[(s * spec.batchSize() + b) % order.length];
                        }
                        TrainingSet.Batch batch = data.batch(idx, spec.crop(), seg, rng);
                        losses.add(step(trainer, batch, seg));
                        step++;
                        if (step % 25 == 0 || step == total) {
                            progress.accept(
                                    Progress.line(
                                                    "train " + d.name() + " steps",
                                                    step,
                                                    total,
                                                    trainStart)
                                            + String.format(
                                                    Locale.ROOT,
                                                    ", epoch %d, loss %.4f",
                                                    epoch + 1,
                                                    mean(losses, 25)));
                        }
                    }
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                model.getBlock().saveParameters(out);
            }
            weights = bytes.toByteArray();
        }
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

    private static float step(Trainer trainer, TrainingSet.Batch batch, boolean seg) {
        // Every array of the step lives in this sub-manager and is freed with it.
        try (NDManager m = trainer.getManager().newSubManager()) {
            Shape shape = new Shape(batch.n(), 1, batch.side(), batch.side());
            NDArray x = m.create(batch.x(), shape);
            NDArray y =
                    seg ? m.create(batch.y(), shape) : m.create(batch.y(), new Shape(batch.n(), 1));
            float loss;
            try (GradientCollector gc = trainer.newGradientCollector()) {
                NDList pred = trainer.forward(new NDList(x));
                NDArray l = trainer.getLoss().evaluate(new NDList(y), pred);
                gc.backward(l);
                loss = l.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).getFloat();
            }
            trainer.step();
            return loss;
        }
    }

    private static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static double mean(List<Float> v, int last) {
        int from = Math.max(0, v.size() - last);
        double s = 0;
        for (int i = from; i < v.size(); i++) s += v.get(i);
        return s / Math.max(1, v.size() - from);
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
