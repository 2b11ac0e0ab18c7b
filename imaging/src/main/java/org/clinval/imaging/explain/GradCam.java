package org.clinval.imaging.explain;

import java.util.Map;
import org.clinval.imaging.explain.internal.GradCamEngine;
import org.clinval.imaging.model.ImageModel;
import org.clinval.imaging.model.ImageSlice;
import org.clinval.imaging.model.ModelRunException;

/**
 * Grad-CAM (Selvaraju et al. 2017, doi:10.1109/ICCV.2017.74) for the built-in classifier: with
 * {@code A_k} the k-th feature map of the last convolutional stage and {@code y} the positive
 * logit, {@code w_k = mean_ij ∂y/∂A_k(i, j)} and {@code L = ReLU(Σ_k w_k A_k)}, upsampled
 * bilinearly to the input grid and divided by its maximum (all zeros stay zeros).
 *
 * <p>Needs the network itself, so it works for the built-in classifier only; use {@link Occlusion}
 * or {@link Lime} for other models.
 */
public final class GradCam {

    private GradCam() {}

    /**
     * Returns the Grad-CAM map of {@code image}.
     *
     * @throws IllegalArgumentException if {@code model} is not the built-in classifier
     */
    public static ExplanationMap explain(ImageModel model, ImageSlice image)
            throws ModelRunException {
        GradCamEngine.Result r = GradCamEngine.run(model, image);
        return new ExplanationMap(
                r.map(),
                Method.GRAD_CAM,
                model.descriptor().name() + " " + model.descriptor().version(),
                r.probability(),
                Map.of("layer", "features (last convolution)", "target", "positive logit"));
    }
}
