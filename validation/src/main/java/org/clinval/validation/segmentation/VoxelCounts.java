package org.clinval.validation.segmentation;

import org.clinval.validation.Checks;

/**
 * The voxel counts behind a comparison: mask sizes, their overlap and their surfaces.
 *
 * @param prediction {@code |A|}, voxels in the prediction
 * @param reference {@code |B|}, voxels in the reference
 * @param intersection {@code |A ∩ B|}
 * @param predictionSurface {@code |S_A|}, surface voxels of the prediction
 * @param referenceSurface {@code |S_B|}, surface voxels of the reference
 */
public record VoxelCounts(
        long prediction,
        long reference,
        long intersection,
        long predictionSurface,
        long referenceSurface) {

    public VoxelCounts {
        Checks.counts("intersection", intersection, "prediction voxels", prediction);
        Checks.counts("intersection", intersection, "reference voxels", reference);
        Checks.counts("prediction surface", predictionSurface, "prediction voxels", prediction);
        Checks.counts("reference surface", referenceSurface, "reference voxels", reference);
    }

    /** Returns {@code |A ∪ B|}. */
    public long union() {
        return prediction + reference - intersection;
    }
}
