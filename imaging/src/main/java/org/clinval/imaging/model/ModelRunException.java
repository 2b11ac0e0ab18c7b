package org.clinval.imaging.model;

import org.clinval.imaging.ImagingException;

/** The engine failed on an input, or the model's output does not match its descriptor. */
public class ModelRunException extends ImagingException {

    private static final long serialVersionUID = 1L;

    public ModelRunException(String message) {
        super(message);
    }

    public ModelRunException(String message, Throwable cause) {
        super(message, cause);
    }
}
