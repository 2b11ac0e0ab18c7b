package org.clinval.imaging.dicom.write;

import java.nio.file.Path;

/**
 * A DICOM object the suite wrote: where, and the identity other objects reference it by.
 *
 * @param file the file written
 * @param sopClassUid its SOP Class UID
 * @param sopInstanceUid its SOP Instance UID
 * @param seriesInstanceUid its Series Instance UID
 */
public record WrittenInstance(
        Path file, String sopClassUid, String sopInstanceUid, String seriesInstanceUid) {}
