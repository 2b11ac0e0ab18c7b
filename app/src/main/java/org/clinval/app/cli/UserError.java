package org.clinval.app.cli;

/**
 * An error the user can act on: a bad file, column, row or value. Printed as one line on stderr,
 * without a stack trace unless {@code --debug} is given.
 */
public final class UserError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
