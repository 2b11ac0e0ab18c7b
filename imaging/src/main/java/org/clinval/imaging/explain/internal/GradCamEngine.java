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
import org.clinval.imaging.preprocess.Raster;

/** Grad-CAM on the built-in classifier's {@code features}/{@code head} split. */
public final class GradCamEngine {

    /** The map on the input grid and the positive probability. */
    public record Result(Raster map, double probability) {}

    private GradCamEngine() {}

    /** Runs Grad-CAM. */
    public static Result run(ImageModel model, ImageSlice image) throws ModelRunException {
        ModelDescriptor d = model.descriptor();
        if (!(model instanceof DjlImageModel dm)
                || !d.architecture().map(Architectures.CLASSIFIER::equals).orElse(false)) {
            throw new IllegalArgumentException(
                    "Grad-CAM needs the built-in classifier ("
                            + Architectures.CLASSIFIER
                            + "), not "
                            + d.name()
                            + "; use occlusion or LIME for other models");
        }
        Raster in = InputEncoder.preprocess(d, image);
        Block net = dm.djlModel().getBlock();
        Block features = Architectures.features(net);
        Block head = Architectures.head(net);
        // Everything of this request lives in one sub-manager, closed at the end.
        try (NDManager m = dm.djlModel().getNDManager().newSubManager()) {
            NDArray x = m.create(in.values(), new Shape(1, 1, in.rows(), in.columns()));
            ParameterStore ps = new ParameterStore(m, false);
            float[] cam;
            int h, w;
            double logit;
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray a = features.forward(ps, new NDList(x), false).singletonOrThrow();
                // A leaf of its own: on the non-leaf activation the gradient would stay zero.
                NDArray leaf = a.stopGradient();
                leaf.setRequiresGradient(true);
                NDArray y = head.forward(ps, new NDList(leaf), false).singletonOrThrow();
                logit = y.getFloat(0, 0);
                gc.backward(y.sum());
                NDArray g = leaf.getGradient();
                // The PyTorch engine reduces one axis at a time.
                NDArray weights = g.mean(new int[] {3}).mean(new int[] {2});
                NDArray weighted = leaf.mul(weights.expandDims(2).expandDims(3));
                NDArray sum = weighted.sum(new int[] {1}).maximum(0);
                h = (int) sum.getShape().get(1);
                w = (int) sum.getShape().get(2);
                cam = sum.toFloatArray();
            }
            float max = 0;
            for (float v : cam) max = Math.max(max, v);
            if (max > 0) for (int i = 0; i < cam.length; i++) cam[i] /= max;
            Raster map = new Raster(cam, h, w).resize(image.rows(), image.columns());
            return new Result(map, 1 / (1 + Math.exp(-logit)));
        } catch (RuntimeException e) {
            throw new ModelRunException(
                    "Grad-CAM failed on " + d.name() + ": " + e.getMessage(), e);
        }
    }
}
