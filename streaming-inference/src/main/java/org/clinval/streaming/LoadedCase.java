package org.clinval.streaming;

/**
 * An image read from its file: physical pixel values (HU for CT) and what the model and the
 * subgroups need to know about it. Never carries identifying data.
 *
 * @param caseId the case
 * @param file the file it came from
 * @param modality DICOM Modality
 * @param manufacturer DICOM Manufacturer
 * @param rows image rows
 * @param columns image columns
 * @param rowSpacingMm pixel spacing between rows
 * @param columnSpacingMm pixel spacing between columns
 * @param pixels values after the modality LUT, row-major
 */
public record LoadedCase(
        String caseId,
        String file,
        String modality,
        String manufacturer,
        int rows,
        int columns,
        double rowSpacingMm,
        double columnSpacingMm,
        float[] pixels) {}
