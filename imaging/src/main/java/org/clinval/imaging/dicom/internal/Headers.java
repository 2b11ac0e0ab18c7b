package org.clinval.imaging.dicom.internal;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Attribute look-ups over a PixelMed {@link AttributeList}, including the functional groups of
 * enhanced multi-frame objects: a value is taken from the frame's Per-frame Functional Groups item,
 * else the Shared Functional Groups, else the top level (PS3.3 C.7.6.16).
 */
final class Headers {

    private final AttributeList list;

    Headers(AttributeList list) {
        this.list = list;
    }

    AttributeList list() {
        return list;
    }

    /** A trimmed non-empty single string value, or empty. */
    Optional<String> string(AttributeTag tag) {
        return string(list, tag);
    }

    static Optional<String> string(AttributeList l, AttributeTag tag) {
        String s = Attribute.getSingleStringValueOrNull(l, tag);
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
    }

    /** All values joined by {@code \}, or empty. */
    Optional<String> joined(AttributeTag tag) {
        String s = Attribute.getDelimitedStringValuesOrNull(list, tag);
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
    }

    /** An integer value, or empty when absent or unparseable. */
    Optional<Integer> integer(AttributeTag tag) {
        return integer(list, tag);
    }

    static Optional<Integer> integer(AttributeList l, AttributeTag tag) {
        Attribute a = l.get(tag);
        if (a == null || a.getVM() == 0) {
            return Optional.empty();
        }
        try {
            int[] v = a.getIntegerValues();
            return v == null || v.length == 0 ? Optional.empty() : Optional.of(v[0]);
        } catch (DicomException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A finite decimal value, or empty. */
    OptionalDouble decimal(AttributeTag tag) {
        return decimal(list, tag);
    }

    static OptionalDouble decimal(AttributeList l, AttributeTag tag) {
        double[] v = decimals(l, tag);
        return v.length == 0 || !Double.isFinite(v[0])
                ? OptionalDouble.empty()
                : OptionalDouble.of(v[0]);
    }

    /** All decimal values (empty array when absent or unparseable). */
    static double[] decimals(AttributeList l, AttributeTag tag) {
        Attribute a = l == null ? null : l.get(tag);
        if (a == null || a.getVM() == 0) {
            return new double[0];
        }
        try {
            double[] v = a.getDoubleValues();
            return v == null ? new double[0] : v;
        } catch (DicomException | NumberFormatException e) {
            return new double[0];
        }
    }

    /** All string values (empty array when absent). */
    static String[] strings(AttributeList l, AttributeTag tag) {
        Attribute a = l == null ? null : l.get(tag);
        if (a == null || a.getVM() == 0) {
            return new String[0];
        }
        try {
            String[] v = a.getStringValues();
            return v == null ? new String[0] : v;
        } catch (DicomException e) {
            return new String[0];
        }
    }

    /**
     * The attribute list where {@code tag} is found for {@code frame}: inside {@code macro} of the
     * frame's per-frame item, else of the shared item, else the top level; null if nowhere.
     */
    AttributeList holder(int frame, AttributeTag macro, AttributeTag tag) {
        AttributeList perFrame = item(TagFromName.PerFrameFunctionalGroupsSequence, frame);
        AttributeList inPerFrame = firstItem(perFrame, macro);
        if (inPerFrame != null && inPerFrame.get(tag) != null) {
            return inPerFrame;
        }
        AttributeList shared = item(TagFromName.SharedFunctionalGroupsSequence, 0);
        AttributeList inShared = firstItem(shared, macro);
        if (inShared != null && inShared.get(tag) != null) {
            return inShared;
        }
        return list.get(tag) != null ? list : null;
    }

    /** Whether the object has per-frame functional groups. */
    boolean hasPerFrameGroups() {
        return list.get(TagFromName.PerFrameFunctionalGroupsSequence) instanceof SequenceAttribute;
    }

    private AttributeList item(AttributeTag sequence, int index) {
        if (list.get(sequence) instanceof SequenceAttribute s && index < s.getNumberOfItems()) {
            return s.getItem(index).getAttributeList();
        }
        return null;
    }

    private static AttributeList firstItem(AttributeList parent, AttributeTag sequence) {
        if (parent != null
                && parent.get(sequence) instanceof SequenceAttribute s
                && s.getNumberOfItems() > 0) {
            return s.getItem(0).getAttributeList();
        }
        return null;
    }
}
