package org.clinval.risk.check;

import java.util.Locale;

/** How a risk control measure's implementation and effectiveness are verified (§7.2). */
public enum ControlVerification {
    /**
     * Every verification is an acceptance scenario, and every one passed in the study run: the
     * control is effective.
     */
    VERIFIED_BY_STUDY,
    /**
     * At least one verification is a cited record, every cited record is its file unchanged, and
     * any scenarios listed passed: the control is effective.
     */
    VERIFIED_BY_RECORD,
    /**
     * A verification is missing, a scenario did not pass or was not run, or a record is missing or
     * changed: the control counts as absent.
     */
    NOT_VERIFIED;

    /** Returns the key, e.g. {@code verified_by_record}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the status in words, e.g. {@code verified by record}. */
    public String words() {
        return key().replace('_', ' ');
    }

    /** Returns whether the control counts as effective. */
    public boolean verified() {
        return this != NOT_VERIFIED;
    }
}
