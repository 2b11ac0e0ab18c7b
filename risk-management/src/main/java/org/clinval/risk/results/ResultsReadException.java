package org.clinval.risk.results;

/** Results of a study run that cannot be read; the message names the file and the bad value. */
public final class ResultsReadException extends Exception {

    private static final long serialVersionUID = 1L;

    public ResultsReadException(String message) {
        super(message);
    }

    public ResultsReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
