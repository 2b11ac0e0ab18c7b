package org.clinval.imaging.deid;

/** Why the PHI scan reports an attribute, and whether that counts as PHI left in the file. */
public enum PhiKind {
    /**
     * An attribute of PS3.15 Table E.1-1 that is present and not empty where the profile requires
     * it removed, or where the file does not declare itself de-identified.
     */
    IDENTIFYING_ATTRIBUTE(true),
    /**
     * An attribute the profile allows to keep a dummy value (action Z or D), not empty, in a file
     * that declares itself de-identified (Patient Identity Removed YES with the method): presumed a
     * replacement value, e.g. the pseudonymous Patient ID. Reported so a reviewer can check it.
     */
    REPLACED_VALUE(false),
    /** An attribute kept by a PS3.15 option the file declares, e.g. Patient's Sex under 113108. */
    RETAINED_BY_OPTION(false),
    /**
     * Text outside PS3.15 Table E.1-1 (LO, LT, ST, UT, SH, PN, UC: a Code Meaning, a Text Value of
     * a structured report, a description), not on the keep-list of the Clean Descriptors and Clean
     * Structured Content options and not a cleaned value: free text is presumed identifying,
     * whatever the file declares. Also a standard attribute of unknown VR (UN), whose bytes may be
     * text.
     */
    FREE_TEXT(true),
    /**
     * A file or folder name of the file's path that holds the file's own Patient ID, Birth Date or
     * a word of its Patient's Name (in a file that does not declare itself de-identified).
     */
    IDENTIFYING_FILE_NAME(true),
    /** A private attribute (odd group): its content is unknown, so it is presumed identifying. */
    PRIVATE_ATTRIBUTE(true),
    /** Burned In Annotation is YES: the pixels show text that may identify the patient. */
    BURNED_IN_ANNOTATION(true),
    /**
     * Burned In Annotation is absent or empty in a kind of image that often carries burned-in text
     * (secondary capture, ultrasound): unknown is treated as present.
     */
    BURNED_IN_ANNOTATION_UNKNOWN(true);

    private final boolean phi;

    PhiKind(boolean phi) {
        this.phi = phi;
    }

    /** Returns whether a finding of this kind means the file is not free of PHI. */
    public boolean isPhi() {
        return phi;
    }
}
