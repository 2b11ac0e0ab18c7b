package org.clinval.app.cli;

/**
 * A bad option value that is wrong whatever the input files hold (NaN, out of its range, above its
 * cap, a missing companion option). Printed as one line with a pointer to the command's {@code
 * --help}; exit code 2, as picocli's own usage errors.
 */
public final class UsageError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageError(String message) {
        super(message);
    }
}
