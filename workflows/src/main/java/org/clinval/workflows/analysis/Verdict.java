package org.clinval.workflows.analysis;

/** Whether an acceptance criterion, or the study, passed. */
public enum Verdict {
    PASS,
    FAIL
}
