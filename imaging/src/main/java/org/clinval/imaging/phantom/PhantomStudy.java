package org.clinval.imaging.phantom;

import java.nio.file.Path;
import java.util.List;

/**
 * A phantom study written to disk.
 *
 * @param root the study folder
 * @param dicom the folder of CT images, one sub-folder per case
 * @param groundTruth {@code ground-truth.csv}: one row per case
 * @param lesions {@code lesions.csv}: one row per nodule, in the FROC truth format
 * @param segmentations the DICOM SEG of each positive case
 * @param cases cases written
 * @param positives cases with a nodule
 * @param canaries every identifying value written into the images, for PHI leak checks
 */
public record PhantomStudy(
        Path root,
        Path dicom,
        Path groundTruth,
        Path lesions,
        List<Path> segmentations,
        int cases,
        int positives,
        List<String> canaries) {

    public PhantomStudy {
        segmentations = List.copyOf(segmentations);
        canaries = List.copyOf(canaries);
    }
}
