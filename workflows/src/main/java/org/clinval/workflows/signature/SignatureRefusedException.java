package org.clinval.workflows.signature;

/** A signature that was not made: unknown user, wrong password, or not allowed. Audited. */
public final class SignatureRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    public SignatureRefusedException(String message) {
        super(message);
    }
}
