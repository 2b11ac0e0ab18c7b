package org.clinval.streaming;

import java.io.Serializable;

/** Reads a manifest case's image; shipped to every parallel subtask, so it must be serializable. */
@FunctionalInterface
public interface CaseLoader extends Serializable {

    /**
     * Returns the image of {@code input}.
     *
     * @throws RejectedInput if the file is unreadable, not an image, or not what the study expects
     */
    LoadedCase load(CaseInput input) throws RejectedInput;
}
