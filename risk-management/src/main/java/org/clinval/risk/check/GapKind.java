package org.clinval.risk.check;

import java.util.Locale;

/** The kinds of incompleteness the risk check finds in a risk management file. */
public enum GapKind {
    /** No study run was given: no verification can be confirmed. */
    RESULTS_MISSING,
    /** A risk that is unacceptable before control has no risk control measure (§7.1). */
    UNCONTROLLED_RISK,
    /** A risk control lists no verification (scenario or record) of its implementation (§7.2). */
    NO_IMPLEMENTATION_VERIFICATION,
    /** A risk control lists no verification (scenario or record) of its effectiveness (§7.2). */
    NO_EFFECTIVENESS_VERIFICATION,
    /** A scenario reference matches no scenario of the run. */
    SCENARIO_NOT_FOUND,
    /** A referenced scenario, or one tagged with a requirement, did not pass. */
    SCENARIO_NOT_PASSED,
    /** A scenario reference is pinned to another run than the one given. */
    OTHER_RUN,
    /** A cited verification record has no file at the path the risk file gives. */
    RECORD_NOT_FOUND,
    /**
     * A cited verification record's file hashes to another SHA-256 than the risk file states: it
     * was changed after it was cited, and verifies nothing.
     */
    RECORD_CHANGED,
    /** A cited verification record's path names something that cannot be read as a file. */
    RECORD_UNREADABLE,
    /** A requirement is traced to no scenario. */
    REQUIREMENT_NOT_TRACED,
    /** A scenario carries a tag shaped like an id of the file that names nothing in it. */
    UNKNOWN_TAG,
    /** A residual risk in the investigate region has no recorded reduction rationale. */
    NO_REDUCTION_RATIONALE,
    /** A residual risk that stays unacceptable has no recorded benefit–risk analysis (§7.4). */
    NO_BENEFIT_RISK,
    /**
     * A post-market investigation is open on an alarm whose metric verifies a risk control: the
     * control's effectiveness is in question until it is closed (§10).
     */
    CONTROL_UNDER_INVESTIGATION;

    /** Returns the key, e.g. {@code scenario_not_found}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
