package org.clinval.streaming.study;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a segmentation or detection study adds to its inputs: a case is a whole series, compared
 * with a reference mask or with reference lesions.
 *
 * @param task {@code segmentation} or {@code detection}
 * @param referenceMasks the folder of reference DICOM SEG files, one per case named after the
 *     case's folder ({@code <folder>.dcm}); segmentation
 * @param lesions the reference lesions CSV ({@code case_id,x,y,z,radius} in patient mm, or the
 *     LUNA16 annotations {@code seriesuid,coordX,coordY,coordZ,diameter_mm}); detection
 * @param segment the reference SEG's segment, by number or label
 * @param surfaceToleranceMm the surface-Dice tolerance in mm; NaN when the protocol gives none
 * @param minCandidateVoxels the smallest connected component that is a detection candidate
 * @param minComponentMm3 the predicted mask's components smaller than this (mm³) are removed; 0
 *     keeps all
 * @param maxElongation the predicted mask's components more elongated than this are removed; 0
 *     keeps all
 */
public record VolumeTask(
        String task,
        Optional<Path> referenceMasks,
        Optional<Path> lesions,
        String segment,
        double surfaceToleranceMm,
        int minCandidateVoxels,
        double minComponentMm3,
        double maxElongation) {

    /** Returns whether this is a detection study. */
    public boolean detection() {
        return task.equals("detection");
    }
}
