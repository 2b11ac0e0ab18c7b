package org.clinval.imaging.volume;

import java.util.Objects;
import org.clinval.imaging.dicom.Vector3;

/**
 * A detection candidate: one connected component of a thresholded probability volume.
 *
 * @param centre the centre of mass of the component's voxels (unweighted), in DICOM patient
 *     coordinates (LPS, mm)
 * @param score the highest probability in the component
 * @param voxels number of voxels in the component
 * @param equivalentDiameterMm diameter of the sphere of the same volume, {@code (6 V / π)^(1/3)}
 *     with {@code V = voxels · voxel volume}
 * @param index the centre of mass as a fractional voxel index {@code {slice, row, column}}
 */
public record Candidate(
        Vector3 centre, double score, int voxels, double equivalentDiameterMm, double[] index) {

    public Candidate {
        Objects.requireNonNull(centre, "centre");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("candidate score is not in [0, 1]: " + score);
        }
        if (voxels < 1) {
            throw new IllegalArgumentException("candidate has no voxel: " + voxels);
        }
        if (index == null || index.length != 3) {
            throw new IllegalArgumentException("candidate index is not 3 numbers");
        }
        index = index.clone();
    }

    @Override
    public double[] index() {
        return index.clone();
    }
}
