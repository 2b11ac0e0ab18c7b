package org.clinval.imaging.model;

import org.clinval.imaging.ImagingException;

/**
 * A model that cannot be loaded: a missing or tampered weights file, an invalid descriptor, or a
 * model file that does not accept the declared input. The message names the file.
 */
public class ModelLoadException extends ImagingException {

    private static final long serialVersionUID = 1L;

    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
