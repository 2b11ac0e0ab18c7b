package org.clinval.imaging.dataset;

/** What a study does with one file of its image folder. */
public enum FileStatus {
    /** A readable, decodable image the study can score. */
    IMAGE,
    /** A file that is not a case image, e.g. a desktop's index file or a DICOM report. */
    IGNORED,
    /** A file meant as a case image that cannot be used; its case is quarantined. */
    BAD,
    /** The same image as another file (same SOP Instance UID or same bytes). */
    DUPLICATE;
}
