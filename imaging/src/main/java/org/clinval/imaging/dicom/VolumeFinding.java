package org.clinval.imaging.dicom;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Something wrong or doubtful about a series assembled into a volume. Findings are reported, never
 * fixed: the caller decides whether the volume is fit for its purpose.
 *
 * @param kind what kind of problem
 * @param message one sentence naming the values involved
 * @param files the files concerned
 */
public record VolumeFinding(Kind kind, String message, List<Path> files) {

    /** Kinds of findings. */
    public enum Kind {
        /** Images of more than one Series Instance UID. */
        MIXED_SERIES,
        /** A multi-frame image, which is not a slice; left out of the volume. */
        MULTI_FRAME,
        /** No Image Position or Image Orientation (Patient); left out of the volume. */
        MISSING_GEOMETRY,
        /** Orientation differs from the first slice's. */
        ORIENTATION_MISMATCH,
        /** Rows or Columns differ from the first slice's. */
        SIZE_MISMATCH,
        /** Pixel spacing differs from the first slice's, or is absent. */
        SPACING_MISMATCH,
        /** Two slices at the same position along the normal. */
        DUPLICATE_POSITION,
        /** A step along the normal at least 1.5 times the median step: slices are missing. */
        GAP,
        /** A step along the normal that differs from the median but is no gap. */
        IRREGULAR_SPACING
    }

    public VolumeFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        files = List.copyOf(files);
    }
}
