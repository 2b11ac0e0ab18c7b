package org.clinval.common.csv;

/**
 * A CSV file that cannot be read as asked: missing, not UTF-8, badly quoted, ragged, without a
 * column, or with a bad value. The message names the file and, where there is one, the line, the
 * column and the value, so a user can find and fix it.
 */
public final class CsvException extends Exception {

    private static final long serialVersionUID = 1L;

    public CsvException(String message) {
        super(message);
    }

    public CsvException(String message, Throwable cause) {
        super(message, cause);
    }
}
