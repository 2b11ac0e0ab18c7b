package org.clinval.imaging.dicom.write;

import java.nio.file.Path;

/**
 * One source image a derived object refers to: its file, identity and geometry.
 *
 * @param file where it was read from
 * @param sopClassUid its SOP Class UID
 * @param sopInstanceUid its SOP Instance UID
 * @param rows number of rows
 * @param columns number of columns
 * @param geometry where it lies in the patient
 * @param instanceNumber its Instance Number, 0 if it has none
 */
public record SourceFrame(
        Path file,
        String sopClassUid,
        String sopInstanceUid,
        int rows,
        int columns,
        SliceGeometry geometry,
        int instanceNumber) {}
