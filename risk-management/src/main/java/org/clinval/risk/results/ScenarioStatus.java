package org.clinval.risk.results;

import java.util.Locale;

/**
 * The outcome of an acceptance scenario, from the statuses of its steps and hooks in the Cucumber
 * JSON report. Constants are in increasing order of precedence: a scenario has the status of its
 * worst step, as Cucumber reports it.
 */
public enum ScenarioStatus {
    /** Every step and hook passed. */
    PASSED,
    /** A step was skipped (after an earlier step did not pass, or by a hook). */
    SKIPPED,
    /** A step is marked pending: its glue is not written yet. */
    PENDING,
    /**
     * A step has no glue; also a scenario without steps, which has checked nothing and so cannot
     * count as passed.
     */
    UNDEFINED,
    /** A step matches more than one glue method. */
    AMBIGUOUS,
    /** A step or hook failed. */
    FAILED;

    /** Returns {@code passed}, {@code failed}, …, as Cucumber writes it. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the worse of this status and {@code other}. */
    public ScenarioStatus worst(ScenarioStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /**
     * Parses a Cucumber step status; {@code unused} (a hook that did not run) counts as skipped.
     *
     * @throws IllegalArgumentException naming the value if it is not a Cucumber status
     */
    public static ScenarioStatus parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("unused")) {
            return SKIPPED;
        }
        for (ScenarioStatus s : values()) {
            if (s.key().equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                "not a Cucumber status (passed, failed, skipped, pending, undefined, ambiguous,"
                        + " unused): '"
                        + text
                        + "'");
    }
}
