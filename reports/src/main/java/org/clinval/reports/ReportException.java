package org.clinval.reports;

/** A report could not be written: the template, the rendering or the file failed. */
public class ReportException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Creates an exception whose message says what could not be written and why. */
    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
