package org.clinval.imaging.model.training.internal;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.clinval.imaging.model.ModelDescriptor;
import org.clinval.imaging.model.Task;
import org.clinval.imaging.model.internal.Architectures;

/**
 * The DJL training loop: {@link Trainer} with Adam (cosine decay to a twentieth of the learning
 * rate), {@link BceDiceLoss}, one {@link GradientCollector} per step, and every array of a step in
 * its own sub-manager.
 */
public final class TrainingLoop {

    /** The loss of every step and the trained parameters (DJL's parameter format). */
    public record Result(List<Float> losses, byte[] weights) {}

    private TrainingLoop() {}

    /** Trains a new block of {@code d}'s architecture on {@code data}. */
    public static Result run(
            ModelDescriptor d,
            TrainingSet data,
            long seed,
            int epochs,
            int batchSize,
            double learningRate,
            int crop,
            Consumer<String> progress)
            throws IOException {
        boolean seg = d.task() == Task.SEGMENTATION;
        Engine.getEngine("PyTorch").setRandomSeed((int) seed);
        org.clinval.imaging.model.internal.LibtorchLogLevel.apply(Engine.getEngine("PyTorch"));
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int stepsPerEpoch = Math.max(1, data.size() / batchSize);
        int total = stepsPerEpoch * epochs;
        List<Float> losses = new ArrayList<>(total);
        byte[] weights;
        try (Model model = Model.newInstance(d.name(), Device.cpu(), "PyTorch")) {
            model.setBlock(Architectures.build(d.architecture().orElseThrow()));
            Tracker lr =
                    Tracker.cosine()
                            .setBaseValue((float) learningRate)
                            .optFinalValue((float) learningRate / 20)
                            .setMaxUpdates(total)
                            .build();
            DefaultTrainingConfig config =
                    new DefaultTrainingConfig(new BceDiceLoss(seg ? 1.0 : 0.0, seg ? 0.0 : 1.0))
                            .optOptimizer(Adam.builder().optLearningRateTracker(lr).build())
                            .optDevices(new Device[] {Device.cpu()});
            int side = crop == 0 ? data.side() : crop;
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(batchSize, 1, side, side));
                long trainStart = System.nanoTime();
                int step = 0;
                for (int epoch = 0; epoch < epochs; epoch++) {
                    int[] order = permutation(data.size(), rng);
                    for (int s = 0; s < stepsPerEpoch; s++) {
                        int[] idx = new int[batchSize];
                        for (int b = 0; b < idx.length; b++) {
                            idx[b] = order[(s * batchSize + b) % order.length];
                        }
                        TrainingSet.Batch batch = data.batch(idx, crop, seg, rng);
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
        return new Result(losses, weights);
    }

    private static float step(Trainer trainer, TrainingSet.Batch batch, boolean seg) {
        // Every array of the step lives in this sub-manager and is freed with it.
        try (NDManager m = trainer.getManager().newSubManager()) {
            Shape shape = new Shape(batch.n(), 1, batch.side(), batch.side());
            NDArray x = m.create(batch.x(), shape);
            NDList labels;
            if (seg) {
                labels = new NDList(m.create(batch.y(), shape));
            } else {
                int cs = batch.side() / TrainingSet.CELL;
                labels =
                        new NDList(
                                m.create(batch.y(), new Shape(batch.n(), 1)),
                                m.create(batch.cells(), new Shape(batch.n(), 1, cs, cs)));
            }
            float loss;
            try (GradientCollector gc = trainer.newGradientCollector()) {
                NDList pred = trainer.forward(new NDList(x));
                NDArray l = trainer.getLoss().evaluate(labels, pred);
                gc.backward(l);
                loss = l.toType(DataType.FLOAT32, false).getFloat();
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
}
