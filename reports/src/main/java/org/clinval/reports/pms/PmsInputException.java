package org.clinval.reports.pms;

/**
 * A file of the surveillance output folder is missing or cannot be read; the message names the file
 * and, for a bad value, its line and column.
 */
public class PmsInputException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Creates an exception whose message names the file, line and column. */
    public PmsInputException(String message) {
        super(message);
    }

    /** Creates an exception whose message names the file, with the failure behind it. */
    public PmsInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
