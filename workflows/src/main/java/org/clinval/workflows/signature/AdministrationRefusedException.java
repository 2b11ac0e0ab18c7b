package org.clinval.workflows.signature;

/**
 * An act of user administration that was not done: no or wrong administrator, an existing user, a
 * wrong old password, both QA roles unacknowledged. Recorded in the administration log.
 */
public final class AdministrationRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    public AdministrationRefusedException(String message) {
        super(message);
    }
}
