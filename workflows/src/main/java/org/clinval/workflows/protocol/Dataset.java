package org.clinval.workflows.protocol;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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
 * @param referenceMasks folder of the reference DICOM SEG files of a segmentation study, one per
 *     case named {@code <case folder name>.dcm} (key {@code reference_masks}); a case without a
 *     file has an empty reference
 * @param lesions CSV of the reference lesions of a detection study (key {@code lesions}): {@code
 *     case_id,x,y,z,radius} in patient mm, or LUNA16's {@code
 *     seriesuid,coordX,coordY,coordZ,diameter_mm}
 */
public record Dataset(
        Path dicom,
        Path groundTruth,
        boolean deidentify,
        boolean allowBurnedInAnnotation,
        List<String> modalities,
        Optional<Path> referenceMasks,
        Optional<Path> lesions) {

    /** The modalities of a protocol that names none. */
    public static final List<String> DEFAULT_MODALITIES = List.of("CT");

    public Dataset {
        modalities = List.copyOf(modalities);
        if (modalities.isEmpty()) {
            throw new IllegalArgumentException("a dataset takes at least one modality");
        }
    }

    /** A test set without a volume reference (a classification study). */
    public Dataset(
            Path dicom,
            Path groundTruth,
            boolean deidentify,
            boolean allowBurnedInAnnotation,
            List<String> modalities) {
        this(
                dicom,
                groundTruth,
                deidentify,
                allowBurnedInAnnotation,
                modalities,
                Optional.empty(),
                Optional.empty());
    }

    /** A CT test set: modalities {@link #DEFAULT_MODALITIES}. */
    public Dataset(
            Path dicom, Path groundTruth, boolean deidentify, boolean allowBurnedInAnnotation) {
        this(dicom, groundTruth, deidentify, allowBurnedInAnnotation, DEFAULT_MODALITIES);
    }
}
