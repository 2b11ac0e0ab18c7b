package org.clinval.workflows.protocol;

import java.nio.file.Path;
import java.util.List;

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
 * @param modalities the DICOM modality codes the study takes (key {@code modalities}, default
 *     {@code [CT]}); a case of another modality is quarantined
 */
public record Dataset(
        Path dicom,
        Path groundTruth,
        boolean deidentify,
        boolean allowBurnedInAnnotation,
        List<String> modalities) {

    /** The modalities of a protocol that names none. */
    public static final List<String> DEFAULT_MODALITIES = List.of("CT");

    public Dataset {
        modalities = List.copyOf(modalities);
        if (modalities.isEmpty()) {
            throw new IllegalArgumentException("a dataset takes at least one modality");
        }
    }

    /** A CT test set: modalities {@link #DEFAULT_MODALITIES}. */
    public Dataset(
            Path dicom, Path groundTruth, boolean deidentify, boolean allowBurnedInAnnotation) {
        this(dicom, groundTruth, deidentify, allowBurnedInAnnotation, DEFAULT_MODALITIES);
    }
}
