package org.clinval.imaging.explain;

import java.util.Map;
import org.clinval.imaging.explain.internal.GradCamEngine;
import org.clinval.imaging.model.ImageModel;
import org.clinval.imaging.model.ImageSlice;
import org.clinval.imaging.model.ModelRunException;

/**
 * Grad-CAM (Selvaraju et al. 2017, doi:10.1109/ICCV.2017.74) for the built-in classifier: with
 * {@code A_k} the k-th feature map of the last convolutional stage and {@code y_c} the logit of the
 * target class {@code c}, {@code w_k = mean_ij ∂y_c/∂A_k(i, j)} and {@code L = ReLU(Σ_k w_k A_k)},
 * upsampled bilinearly to the input grid and divided by its maximum (all zeros stay zeros).
 *
 * <p>The target is the positive logit of a single-output model; a model with several outputs (a
 * grading model) is explained for its predicted class (its largest logit) unless a class is named.
 * The map's parameters record the target ({@code "positive logit"}, {@code "class 3 (predicted)"},
 * {@code "class 1"}).
 *
 * <p>The network sees exactly the predictor's input ({@link
 * org.clinval.imaging.model.ModelDescriptor#prepare}): all channels of a colour image, after the
 * descriptor's per-channel steps. The map is one plane on the image's grid.
 *
 * <p>Needs the network itself, so it works for the built-in classifier and the built-in graders
 * made like it (features then head) only; use {@link Occlusion} or {@link Lime} for other models.
 */
public final class GradCam {

    private GradCam() {}

    /**
     * Returns the Grad-CAM map of {@code image} for the model's prediction: the positive logit of a
     * single-output model, the largest logit of a model with several.
     *
     * @throws IllegalArgumentException if {@code model} is not the built-in classifier
     */
    public static ExplanationMap explain(ImageModel model, ImageSlice image)
            throws ModelRunException {
        return map(model, GradCamEngine.run(model, image, GradCamEngine.PREDICTED));
    }

    /**
     * Returns the Grad-CAM map of {@code image} for output {@code targetClass} (0-based; 0 is the
     * positive logit of a single-output model).
     *
     * @throws IllegalArgumentException if {@code model} is not the built-in classifier, or {@code
     *     targetClass} is negative or not below the model's number of outputs
     */
    public static ExplanationMap explain(ImageModel model, ImageSlice image, int targetClass)
            throws ModelRunException {
        if (targetClass < 0) {
            throw new IllegalArgumentException("target class is negative: " + targetClass);
        }
        return map(model, GradCamEngine.run(model, image, targetClass));
    }

    private static ExplanationMap map(ImageModel model, GradCamEngine.Result r) {
        String target =
                r.outputs() == 1
                        ? "positive logit"
                        : "class " + r.target() + (r.predicted() ? " (predicted)" : "");
        return new ExplanationMap(
                r.map(),
                Method.GRAD_CAM,
                model.descriptor().name() + " " + model.descriptor().version(),
                r.probability(),
                Map.of("layer", "features (last convolution)", "target", target));
    }
}
