package org.clinval.imaging.phantom;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A phantom study of single images (fundus, MR, X-ray) written to disk.
 *
 * @param root the study folder
 * @param dicom the folder of images, one sub-folder per case
 * @param groundTruth {@code ground-truth.csv}: one row per case
 * @param masks the folder of lesion masks ({@code <case folder>.nii.gz}), if written
 * @param cases cases written
 * @param positives cases with a lesion (fundus: grade 2 or above, referable)
 * @param canaries every identifying value written into the images, for PHI leak checks
 */
public record ImageStudy(
        Path root,
        Path dicom,
        Path groundTruth,
        Optional<Path> masks,
        int cases,
        int positives,
        List<String> canaries) {

    public ImageStudy {
        canaries = List.copyOf(canaries);
    }
}
