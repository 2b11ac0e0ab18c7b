package org.clinval.workflows.delegate;

/**
 * Identifying data in the images of a study whose protocol did not ask for de-identification. It
 * fails the {@code CheckPhi} job without a retry, which raises an incident with this message.
 */
public final class PhiPresentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PhiPresentException(String message) {
        super(message);
    }
}
