package org.clinval.workflows.protocol;

import java.nio.file.Path;

/**
 * The locked test set.
 *
 * @param dicom folder of DICOM files
 * @param groundTruth CSV of the reference standard
 * @param deidentify whether the study may de-identify the images itself; when false, identifying
 *     data in the images stops the study
 * @param allowBurnedInAnnotation whether images flagged with burned-in annotation may be used (key
 *     {@code allow_burned_in_annotation}, default false): when false each such image is
 *     quarantined, because text in the pixels may identify the patient
 */
public record Dataset(
        Path dicom, Path groundTruth, boolean deidentify, boolean allowBurnedInAnnotation) {}
