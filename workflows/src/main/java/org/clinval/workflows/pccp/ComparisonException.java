package org.clinval.workflows.pccp;

/** Two runs that cannot be compared under a plan, with what is wrong (file, column, row, case). */
public final class ComparisonException extends Exception {
    private static final long serialVersionUID = 1L;

    public ComparisonException(String message) {
        super(message);
    }
}
