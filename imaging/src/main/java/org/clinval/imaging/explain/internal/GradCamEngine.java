package org.clinval.imaging.explain.internal;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.clinval.imaging.model.ImageModel;
import org.clinval.imaging.model.ImageSlice;
import org.clinval.imaging.model.ModelDescriptor;
import org.clinval.imaging.model.ModelRunException;
import org.clinval.imaging.model.internal.Architectures;
import org.clinval.imaging.model.internal.DjlImageModel;
import org.clinval.imaging.model.internal.InputEncoder;
import org.clinval.imaging.model.internal.Tensor;
import org.clinval.imaging.preprocess.Raster;

/**
 * Grad-CAM on a built-in network's {@code features}/{@code head} split (the classifier and the
 * graders built like it).
 */
public final class GradCamEngine {

    /**
     * The map on the input grid and what it explains.
     *
     * @param map the map, divided by its maximum
     * @param probability the explained output's probability: the sigmoid of a single logit, else
     *     the softmax of the target class
     * @param target the explained output (0 for a single-logit model)
     * @param outputs how many outputs (classes) the head has
     * @param predicted whether the target is the model's own prediction (its largest output)
     */
    public record Result(
            Raster map, double probability, int target, int outputs, boolean predicted) {}

    /** The target that asks for the model's prediction (its largest output). */
    public static final int PREDICTED = -1;

    /**
     * DJL's PyTorch engine allows one gradient collector per process at a time, so Grad-CAM calls
     * from parallel subtasks in one JVM take turns.
     */
    private static final Object COLLECTOR = new Object();

    private GradCamEngine() {}

    /**
     * Runs Grad-CAM for output {@code target}, or for the largest output when {@code target} is
     * {@link #PREDICTED}.
     */
    public static Result run(ImageModel model, ImageSlice image, int target)
            throws ModelRunException {
        if (target < PREDICTED) {
            throw new IllegalArgumentException("target class is negative: " + target);
        }
        ModelDescriptor d = model.descriptor();
        // Every built-in architecture but the U-Net is a sequential block of two children,
        // features then head: the classifier, and the graders built the same way.
        if (!(model instanceof DjlImageModel dm)
                || d.architecture().map(Architectures.UNET::equals).orElse(true)
                || !(dm.djlModel().getBlock() instanceof ai.djl.nn.SequentialBlock sb)
                || sb.getChildren().size() != 2) {
            throw new IllegalArgumentException(
                    "Grad-CAM needs the built-in classifier ("
                            + Architectures.CLASSIFIER
                            + ") or a built-in grader made like it, not "
                            + d.name()
                            + "; use occlusion or LIME for other models");
        }
        // The model's own input: every channel as the predictor prepares it (a grey image fills
        // every channel of a 3-channel model, as the predictor does; colour is refused by a grey
        // model).
        Tensor in = InputEncoder.batch(d, java.util.List.of(d.prepare(image)));
        Block net = dm.djlModel().getBlock();
        Block features = Architectures.features(net);
        Block head = Architectures.head(net);
        // Everything of this request lives in one sub-manager, closed at the end.
        try (NDManager m = dm.djlModel().getNDManager().newSubManager()) {
            NDArray x = m.create(in.data(), new Shape(in.shape()));
            ParameterStore ps = new ParameterStore(m, false);
            float[] cam;
            int h, w;
            double probability;
            int chosen;
            int outputs;
            synchronized (COLLECTOR) {
                try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                    NDArray a = features.forward(ps, new NDList(x), false).singletonOrThrow();
                    // A leaf of its own: on the non-leaf activation the gradient would stay zero.
                    NDArray leaf = a.stopGradient();
                    leaf.setRequiresGradient(true);
                    NDArray y = head.forward(ps, new NDList(leaf), false).singletonOrThrow();
                    float[] logits = y.toFloatArray();
                    outputs = logits.length;
                    chosen = target == PREDICTED ? argmax(logits) : target;
                    if (chosen >= outputs) {
                        throw new IllegalArgumentException(
                                "target class "
                                        + target
                                        + " is not below the model's "
                                        + outputs
                                        + " outputs");
                    }
                    probability = probability(logits, chosen);
                    // Only the target's logit is differentiated: the other classes' gradients stay
                    // out of the weights.
                    float[] pick = new float[outputs];
                    pick[chosen] = 1f;
                    NDArray mask = m.create(pick, y.getShape());
                    gc.backward(y.mul(mask).sum());
                    NDArray g = leaf.getGradient();
                    // The PyTorch engine reduces one axis at a time.
                    NDArray weights = g.mean(new int[] {3}).mean(new int[] {2});
                    NDArray weighted = leaf.mul(weights.expandDims(2).expandDims(3));
                    NDArray sum = weighted.sum(new int[] {1}).maximum(0);
                    h = (int) sum.getShape().get(1);
                    w = (int) sum.getShape().get(2);
                    cam = sum.toFloatArray();
                }
            }
            float max = 0;
            for (float v : cam) max = Math.max(max, v);
            if (max > 0) for (int i = 0; i < cam.length; i++) cam[i] /= max;
            Raster map = new Raster(cam, h, w).resize(image.rows(), image.columns());
            return new Result(map, probability, chosen, outputs, target == PREDICTED);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ModelRunException(
                    "Grad-CAM failed on " + d.name() + ": " + e.getMessage(), e);
        }
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
        return best;
    }

    /** Sigmoid of a single logit; softmax of the target among several. */
    private static double probability(float[] logits, int target) {
        if (logits.length == 1) return 1 / (1 + Math.exp(-logits[0]));
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) max = Math.max(max, v);
        double sum = 0;
        for (float v : logits) sum += Math.exp(v - max);
        return Math.exp(logits[target] - max) / sum;
    }
}
