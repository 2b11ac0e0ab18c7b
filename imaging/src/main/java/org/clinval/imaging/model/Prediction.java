package org.clinval.imaging.model;

import java.util.Optional;
import org.clinval.imaging.preprocess.Raster;

/**
 * A model's answer for one image.
 *
 * <p>For a classifier, {@code probability} is the probability that the image holds a nodule. For a
 * segmenter, {@code probabilityMap} holds each pixel's probability on the input grid (the model's
 * output resized back), and {@code probability} is its maximum, the image-level score. The decision
 * is {@code probability >= threshold}.
 *
 * @param model model name and version, e.g. {@code nodule-classifier 1}
 * @param modelSha256 SHA-256 of the weights that produced it
 * @param task what the model does
 * @param probability probability of the positive class, in [0, 1]
 * @param threshold decision threshold from the descriptor
 * @param probabilityMap per-pixel probabilities on the input grid (segmentation only)
 */
public record Prediction(
        String model,
        String modelSha256,
        Task task,
        double probability,
        double threshold,
        Optional<Raster> probabilityMap) {

    public Prediction {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException(
                    "model " + model + " gave a probability outside [0, 1]: " + probability);
        }
    }

    /** Returns whether the image is called positive: {@code probability >= threshold}. */
    public boolean positive() {
        return probability >= threshold;
    }

    /** Returns the segmentation mask (pixels with {@code p >= threshold}), if a segmenter. */
    public Optional<boolean[]> mask() {
        return probabilityMap.map(
                m -> {
                    float[] v = m.values();
                    boolean[] out = new boolean[v.length];
                    for (int i = 0; i < v.length; i++) out[i] = v[i] >= threshold;
                    return out;
                });
    }
}
