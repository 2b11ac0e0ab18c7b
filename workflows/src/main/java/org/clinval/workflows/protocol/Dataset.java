package org.clinval.workflows.protocol;

import java.nio.file.Path;

/**
 * The locked test set.
 *
 * @param dicom folder of DICOM files
 * @param groundTruth CSV of the reference standard
 * @param deidentify whether the study may de-identify the images itself; when false, identifying
 *     data in the images stops the study
 */
public record Dataset(Path dicom, Path groundTruth, boolean deidentify) {}
