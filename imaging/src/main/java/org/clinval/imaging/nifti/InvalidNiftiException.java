package org.clinval.imaging.nifti;

/**
 * A NIfTI-1 file that cannot be read as an image: missing, unreadable, or with a header field out
 * of range. The message names the file and the field, e.g. {@code m.nii: magic is 'abc', not
 * 'n+1'}. Unchecked, like any bad argument: a command line reports it on one line.
 */
public final class InvalidNiftiException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidNiftiException(String message) {
        super(message);
    }

    public InvalidNiftiException(String message, Throwable cause) {
        super(message, cause);
    }
}
