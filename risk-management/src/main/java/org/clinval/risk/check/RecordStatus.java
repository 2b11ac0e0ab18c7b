package org.clinval.risk.check;

import java.util.Locale;

/** Whether a cited verification record is the file that was cited. */
public enum RecordStatus {
    /** The file exists and its SHA-256 is the one the risk file states. */
    MATCHES,
    /** The file exists and its SHA-256 differs: it was changed after it was cited. */
    DIFFERS,
    /** There is no file at the path the risk file gives. */
    NOT_FOUND,
    /** The path names something that cannot be read as a file, e.g. a folder. */
    UNREADABLE;

    /** Returns the key, e.g. {@code not_found}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
