package org.clinval.imaging.model;

import java.util.Arrays;
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
 * <p>For a grading model, {@code classProbabilities} holds one probability per grade (softmax or
 * the model's probabilities), or, for a model whose output is one expected grade ({@code kind:
 * score, classes: 1}), that expected grade alone; {@code grade} is the most probable grade, or the
 * expected grade rounded (half up) and clamped to the scale. Its {@code probability} is {@code 1 −
 * P(grade 0)}, the probability of any grade above the first (for an expected grade {@code e} on
 * {@code K} grades, {@code e / (K − 1)} clamped to [0, 1]); studies use the class probabilities.
 *
 * @param model model name and version, e.g. {@code nodule-classifier 1}
 * @param modelSha256 SHA-256 of the weights that produced it
 * @param task what the model does
 * @param probability probability of the positive class, in [0, 1]
 * @param threshold decision threshold from the descriptor
 * @param probabilityMap per-pixel probabilities on the input grid (segmentation only)
 * @param classProbabilities per-grade probabilities, or the expected grade (grading only; empty
 *     otherwise; not copied: treat as read-only)
 * @param grade the predicted grade, 0-based (grading only; −1 otherwise)
 */
public record Prediction(
        String model,
        String modelSha256,
        Task task,
        double probability,
        double threshold,
        Optional<Raster> probabilityMap,
        double[] classProbabilities,
        int grade) {

    public Prediction {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException(
                    "model " + model + " gave a probability outside [0, 1]: " + probability);
        }
        if (classProbabilities == null) classProbabilities = new double[0];
        if ((task == Task.GRADING) != (grade >= 0)) {
            throw new IllegalArgumentException(
                    "a grade (" + grade + ") is given exactly for a grading model, not " + task);
        }
    }

    /** A prediction of a classifier or segmenter (no grades). */
    public Prediction(
            String model,
            String modelSha256,
            Task task,
            double probability,
            double threshold,
            Optional<Raster> probabilityMap) {
        this(model, modelSha256, task, probability, threshold, probabilityMap, new double[0], -1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Prediction p
                && model.equals(p.model)
                && modelSha256.equals(p.modelSha256)
                && task == p.task
                && Double.compare(probability, p.probability) == 0
                && Double.compare(threshold, p.threshold) == 0
                && probabilityMap.equals(p.probabilityMap)
                && Arrays.equals(classProbabilities, p.classProbabilities)
                && grade == p.grade;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(
                        model, modelSha256, task, probability, threshold, probabilityMap, grade)
                + 31 * Arrays.hashCode(classProbabilities);
    }

    @Override
    public String toString() {
        return "Prediction["
                + model
                + ", "
                + task
                + ", p="
                + probability
                + (grade >= 0 ? ", grade " + grade + " " + Arrays.toString(classProbabilities) : "")
                + "]";
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
