package org.clinval.risk.check;

import java.util.Locale;

/** Whether a scenario reference is borne out by the results of the run. */
public enum EvidenceStatus {
    /** It matches at least one scenario and all matched scenarios passed. */
    PASSED,
    /** It matches scenarios of which at least one did not pass. */
    NOT_PASSED,
    /** It matches no scenario of the run: removed, renamed or never written. */
    NOT_FOUND,
    /** It is pinned to another run than the one given. */
    OTHER_RUN,
    /** No run was given, so nothing could be confirmed. */
    NO_RESULTS;

    /** Returns the key, e.g. {@code not_found}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
