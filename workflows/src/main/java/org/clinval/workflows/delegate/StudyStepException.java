package org.clinval.workflows.delegate;

/**
 * A step that could not be done. Its message is what the operator sees in the incident or on the
 * command line, so it names the step, the file and what to do.
 */
public final class StudyStepException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StudyStepException(String message) {
        super(message);
    }

    public StudyStepException(String message, Throwable cause) {
        super(message, cause);
    }
}
