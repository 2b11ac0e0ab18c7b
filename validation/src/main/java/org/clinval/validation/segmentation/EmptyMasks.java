package org.clinval.validation.segmentation;

import java.util.List;

/** Which of the two compared masks have no voxel set. */
public enum EmptyMasks {
    /** Both masks have voxels: every metric is defined (surface Dice given a tolerance). */
    NEITHER(List.of()),
    /** Only the prediction is empty: Dice = IoU = 0, surface Dice 0, distances undefined. */
    PREDICTION(List.of("prediction")),
    /** Only the reference is empty: Dice = IoU = 0, surface Dice 0, distances undefined. */
    REFERENCE(List.of("reference")),
    /** Both are empty, a correct "nothing here": Dice = IoU = 1, distances 0, surface Dice 1. */
    BOTH(List.of("prediction", "reference"));

    private final List<String> names;

    EmptyMasks(List<String> names) {
        this.names = names;
    }

    /** Returns the names of the empty masks: {@code prediction}, {@code reference}, both, none. */
    public List<String> names() {
        return names;
    }

    /** Returns the case of the two emptiness flags. */
    public static EmptyMasks of(boolean predictionEmpty, boolean referenceEmpty) {
        if (predictionEmpty) return referenceEmpty ? BOTH : PREDICTION;
        return referenceEmpty ? REFERENCE : NEITHER;
    }
}
