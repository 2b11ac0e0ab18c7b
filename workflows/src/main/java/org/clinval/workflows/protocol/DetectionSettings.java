package org.clinval.workflows.protocol;

/**
 * The protocol's {@code detection} block.
 *
 * @param minCandidateVoxels the documented minimum size, in voxels, of a connected component of the
 *     model's output that becomes a candidate; at least 1
 */
public record DetectionSettings(int minCandidateVoxels) {

    /** The settings of a detection protocol without a {@code detection} block: every component. */
    public static final DetectionSettings DEFAULT = new DetectionSettings(1);

    public DetectionSettings {
        if (minCandidateVoxels < 1) {
            throw new IllegalArgumentException(
                    "min_candidate_voxels is not a positive count: " + minCandidateVoxels);
        }
    }
}
