package org.clinval.imaging.deid;

import java.nio.file.Path;
import java.util.List;

/**
 * What one de-identification wrote.
 *
 * @param output the de-identified file
 * @param sopInstanceUid its (remapped) SOP Instance UID
 * @param studyInstanceUid its (remapped) Study Instance UID
 * @param burnedInAnnotation whether Burned In Annotation is {@code YES} (only with {@link
 *     BurnedInPolicy#FLAG}; the pixels were not cleaned)
 * @param warnings what a reviewer should know, never a PHI value
 */
public record DeidResult(
        Path output,
        String sopInstanceUid,
        String studyInstanceUid,
        boolean burnedInAnnotation,
        List<String> warnings) {

    public DeidResult {
        warnings = List.copyOf(warnings);
    }
}
