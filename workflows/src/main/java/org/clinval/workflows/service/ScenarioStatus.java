package org.clinval.workflows.service;

import java.util.Locale;

/** The outcome of one acceptance scenario; only {@link #PASSED} counts as met. */
public enum ScenarioStatus {
    PASSED,
    FAILED,
    /** A step has no step definition: the criterion cannot be evaluated. */
    UNDEFINED,
    /** A step is marked as not implemented yet. */
    PENDING,
    /** A step matches more than one step definition. */
    AMBIGUOUS,
    /** Steps were skipped (after a failure, or by the scenario itself). */
    SKIPPED,
    /** Cucumber's status of a step that was not run. */
    UNUSED;

    /** Returns the lower-case name, e.g. {@code passed}, as Cucumber's reports write it. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
