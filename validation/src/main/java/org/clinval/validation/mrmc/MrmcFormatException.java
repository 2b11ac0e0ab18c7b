package org.clinval.validation.mrmc;

/**
 * A reader-study file that cannot be read: missing, without its data section, or with a bad row.
 * The message names the file and, where there is one, the line, the column and what is wrong.
 */
public final class MrmcFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public MrmcFormatException(String message) {
        super(message);
    }

    public MrmcFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
