package org.clinval.imaging.model;

/**
 * What a model's output tensor holds. A classifier outputs {@code (batch, classes)}, a segmenter
 * {@code (batch, classes, height, width)}; with one class the value is the positive class's, with
 * two or more {@code positiveIndex} names the positive one.
 *
 * @param kind logits or probabilities
 * @param classes size of the class axis, at least 1
 * @param positiveIndex index of the positive class on that axis
 */
public record OutputSpec(OutputKind kind, int classes, int positiveIndex) {

    public OutputSpec {
        if (kind == null) throw new IllegalArgumentException("output kind is missing");
        if (classes < 1 || classes > 1000) {
            throw new IllegalArgumentException("output classes is not in [1, 1000]: " + classes);
        }
        if (positiveIndex < 0 || positiveIndex >= classes) {
            throw new IllegalArgumentException(
                    "positive index is not in [0, " + (classes - 1) + "]: " + positiveIndex);
        }
    }
}
