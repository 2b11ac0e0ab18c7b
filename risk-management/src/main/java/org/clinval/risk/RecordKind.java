package org.clinval.risk;

import java.util.Locale;

/**
 * The kinds of verification record other than an acceptance scenario that a risk file may cite (ISO
 * 14971:2019 §7.2 leaves the method of verification open).
 */
public enum RecordKind {
    /** An inspection, e.g. of the instructions for use against the requirement. */
    INSPECTION,
    /** An analysis, e.g. a design or a fault-tree analysis. */
    ANALYSIS,
    /** A test report of a test that is not an acceptance scenario of the study. */
    TEST,
    /** A usability evaluation, e.g. the summative evaluation of IEC 62366-1 §5.7. */
    USABILITY;

    /** Returns the YAML key, e.g. {@code usability}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
