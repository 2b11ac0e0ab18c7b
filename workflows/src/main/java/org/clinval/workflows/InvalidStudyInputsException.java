package org.clinval.workflows;

import java.util.stream.Collectors;

/** A study that cannot start: its check found problems, every one listed. */
public final class InvalidStudyInputsException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient StudyCheckReport report;

    public InvalidStudyInputsException(StudyCheckReport report) {
        super(
                report.problems().size()
                        + (report.problems().size() == 1 ? " problem" : " problems")
                        + " to fix before the study can start: "
                        + report.problems().stream()
                                .map(Object::toString)
                                .collect(Collectors.joining("; ")));
        this.report = report;
    }

    /** Returns the check's report. */
    public StudyCheckReport report() {
        return report;
    }
}
