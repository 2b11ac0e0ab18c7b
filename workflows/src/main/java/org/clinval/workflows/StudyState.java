package org.clinval.workflows;

import java.util.Locale;

/** Where a study stands. */
public enum StudyState {
    /** Running: a step is pending or a user task is waiting. */
    ACTIVE,
    /** Stuck at a step that failed for good; an operator must act (see the incident message). */
    INCIDENT,
    /** Ended with every primary endpoint passed, signed off and archived. */
    PASSED,
    /** Ended with a failed primary endpoint, the deviation recorded and archived. */
    FAILED,
    /** Ended early: the inputs changed after registration. */
    STOPPED,
    /** Ended by a qa-lead's decision, with the reason recorded. */
    CANCELLED;

    /** Returns the state in lower case, e.g. {@code passed}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the state an end event of the process stands for. */
    public static StudyState ofEndEvent(String activityId) {
        return switch (activityId) {
            case ValidationStudy.STUDY_PASSED -> PASSED;
            case ValidationStudy.STUDY_FAILED -> FAILED;
            case ValidationStudy.STUDY_STOPPED -> STOPPED;
            default ->
                    throw new IllegalArgumentException(
                            "not an end event of the study: " + activityId);
        };
    }
}
