package org.clinval.workflows.protocol;

import java.util.List;

/** The DICOM modalities a study accepts. */
public final class Modalities {

    private Modalities() {}

    /** Returns the modalities {@code protocol} accepts ({@code dataset.modalities}). */
    public static List<String> of(StudyProtocol protocol) {
        return protocol.dataset().modalities();
    }
}
