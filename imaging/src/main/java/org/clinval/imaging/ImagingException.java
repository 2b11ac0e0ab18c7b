package org.clinval.imaging;

/**
 * A failure at the imaging boundary (a file that cannot be read or written, a model that cannot be
 * loaded), with a message naming the file and what is wrong with it.
 */
public class ImagingException extends Exception {

    private static final long serialVersionUID = 1L;

    public ImagingException(String message) {
        super(message);
    }

    public ImagingException(String message, Throwable cause) {
        super(message, cause);
    }
}
