package org.clinval.streaming;

import java.io.Serializable;

/** Turns a loaded image into the model's input, the same way training did. */
@FunctionalInterface
public interface Preprocessor extends Serializable {

    /**
     * Returns the flattened model input of {@code image}.
     *
     * @throws RejectedInput if the image has the wrong size, modality or geometry for the model
     */
    float[] prepare(LoadedCase image) throws RejectedInput;
}
