package org.clinval.imaging.dicom.write;

import java.util.Objects;

/**
 * What a segment of a segmentation is (PS3.3 §C.8.20.2, Segment Description Macro).
 *
 * @param label Segment Label, 1 to 64 characters, e.g. {@code "Finding 1"}
 * @param category Segmented Property Category, e.g. SCT 49755003 "Morphologically abnormal
 *     structure"
 * @param type Segmented Property Type, e.g. SCT 27925004 "Nodule"
 */
public record Segment(String label, Code category, Code type) {

    public Segment {
        if (label == null || label.isBlank() || label.length() > 64 || label.indexOf('\\') >= 0) {
            throw new IllegalArgumentException(
                    "segment label is blank, longer than 64 characters or has a backslash: "
                            + label);
        }
        Objects.requireNonNull(category, "segmented property category");
        Objects.requireNonNull(type, "segmented property type");
    }

    /** Returns a segment of a finding: category morphologically abnormal structure, type given. */
    public static Segment finding(String label, Code type) {
        return new Segment(
                label, new Code("49755003", "SCT", "Morphologically abnormal structure"), type);
    }
}
