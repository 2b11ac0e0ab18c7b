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
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
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
import org.clinval.imaging.model.internal.Architectures;

/**
 * Trains the grader: Adam with cosine decay to a twentieth of the learning rate, softmax
 * cross-entropy of the five logits against the true grade, random horizontal and vertical flips (a
 * fundus mirrored is the other eye), every array of a step in its own sub-manager.
 */
public final class GraderLoop {

    /** The loss of every step and the trained parameters (DJL's parameter format). */
    public record Result(List<Float> losses, byte[] weights) {}

    private GraderLoop() {}

    /** Trains a new grader on {@code inputs} (standardised, planar) with {@code labels}. */
    public static Result run(
            float[][] inputs,
            int[] labels,
            long seed,
            int epochs,
            int batchSize,
            double learningRate,
            Consumer<String> progress)
            throws IOException {
        return run(
                Architectures.GRADER,
                3,
                inputs,
                labels,
                seed,
                epochs,
                batchSize,
                learningRate,
                progress);
    }

    /**
     * Trains a new block of {@code architecture} (softmax logits) on {@code inputs} of {@code
     * channels} planes of {@link GraderInput#SIDE}² with class indices {@code labels}.
     */
    public static Result run(
            String architecture,
            int channels,
            float[][] inputs,
            int[] labels,
            long seed,
            int epochs,
            int batchSize,
            double learningRate,
            Consumer<String> progress)
            throws IOException {
        Engine.getEngine("PyTorch").setRandomSeed((int) seed);
        org.clinval.imaging.model.internal.LibtorchLogLevel.apply(Engine.getEngine("PyTorch"));
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int n = inputs.length;
        int stepsPerEpoch = Math.max(1, n / batchSize);
        int total = stepsPerEpoch * epochs;
        int side = GraderInput.SIDE;
        List<Float> losses = new ArrayList<>(total);
        try (Model model = Model.newInstance(architecture, Device.cpu(), "PyTorch")) {
            model.setBlock(Architectures.build(architecture));
            Tracker lr =
                    Tracker.cosine()
                            .setBaseValue((float) learningRate)
                            .optFinalValue((float) learningRate / 20)
                            .setMaxUpdates(total)
                            .build();
            // the logits are turned into log-probabilities in step(), so fromLogit = true
            DefaultTrainingConfig config =
                    new DefaultTrainingConfig(
                                    new SoftmaxCrossEntropyLoss("cross-entropy", 1, -1, true, true))
                            .optOptimizer(Adam.builder().optLearningRateTracker(lr).build())
                            .optDevices(new Device[] {Device.cpu()});
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(batchSize, channels, side, side));
                long start = System.nanoTime();
                int step = 0;
                for (int epoch = 0; epoch < epochs; epoch++) {
                    int[] order = permutation(n, rng);
                    for (int s = 0; s < stepsPerEpoch; s++) {
                        float[] x = new float[batchSize * channels * side * side];
                        float[] y = new float[batchSize];
                        for (int b = 0; b < batchSize; b++) {
                            int i = order[(s * batchSize + b) % n];
                            flip(inputs[i], x, b, channels, rng.nextBoolean(), rng.nextBoolean());
                            y[b] = labels[i];
                        }
                        losses.add(step(trainer, x, y, batchSize, channels));
                        step++;
                        if (step % 25 == 0 || step == total) {
                            progress.accept(
                                    Progress.line(
                                                    "train " + architecture + " steps",
                                                    step,
                                                    total,
                                                    start)
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
            return new Result(losses, bytes.toByteArray());
        }
    }

    private static float step(Trainer trainer, float[] x, float[] y, int n, int channels) {
        int side = GraderInput.SIDE;
        try (NDManager m = trainer.getManager().newSubManager()) {
            NDArray in = m.create(x, new Shape(n, channels, side, side));
            NDList labels = new NDList(m.create(y, new Shape(n, 1)));
            float loss;
            try (GradientCollector gc = trainer.newGradientCollector()) {
                NDArray logits = trainer.forward(new NDList(in)).singletonOrThrow();
                NDArray l = trainer.getLoss().evaluate(labels, new NDList(logits.logSoftmax(1)));
                gc.backward(l);
                loss = l.toType(DataType.FLOAT32, false).getFloat();
            }
            trainer.step();
            return loss;
        }
    }

    /** Copies planar {@code src} into batch slot {@code b} of {@code dst}, flipped as asked. */
    private static void flip(
            float[] src, float[] dst, int b, int channels, boolean horizontal, boolean vertical) {
        int side = GraderInput.SIDE;
        int plane = side * side;
        int base = b * channels * plane;
        for (int ch = 0; ch < channels; ch++) {
            for (int r = 0; r < side; r++) {
                int sr = vertical ? side - 1 - r : r;
                for (int c = 0; c < side; c++) {
                    int sc = horizontal ? side - 1 - c : c;
                    dst[base + ch * plane + r * side + c] = src[ch * plane + sr * side + sc];
                }
            }
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
