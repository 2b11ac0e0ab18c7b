package org.clinval.imaging.deid.internal;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomDictionary;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.SequenceItem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Depth-first walks over an attribute list and every nested sequence item. */
public final class Walk {

    /** Called for each attribute with the list holding it and its path from the top. */
    @FunctionalInterface
    public interface Visitor {
        void visit(AttributeList owner, Attribute attribute, String path);
    }

    private static final Set<String> BINARY_VRS = Set.of("OB", "OW", "OF", "OD", "OL", "OV", "UN");

    private Walk() {}

    /**
     * Visits every attribute, parents before the attributes of their items. The visitor may remove
     * the attribute it is given from its owner; the walk works on a copy of each list's contents.
     */
    public static void each(AttributeList list, Visitor v) {
        each(list, v, "");
    }

    private static void each(AttributeList list, Visitor v, String prefix) {
        List<Attribute> attributes = new ArrayList<>(list.values());
        for (Attribute a : attributes) {
            String path = prefix + name(a.getTag());
            v.visit(list, a, path);
            if (a instanceof SequenceAttribute s && list.get(a.getTag()) == s) {
                int i = 1;
                for (Iterator<SequenceItem> it = s.iterator(); it.hasNext(); i++) {
                    each(it.next().getAttributeList(), v, path + "[" + i + "] > ");
                }
            }
        }
    }

    /** Returns the keyword of {@code tag}, or {@code (gggg,eeee)} when the dictionary has none. */
    public static String name(AttributeTag tag) {
        String n = tag.isPrivate() ? null : DicomDictionary.StandardDictionary.getNameFromTag(tag);
        return n != null ? n : tagString(tag);
    }

    /** Returns {@code (gggg,eeee)} in upper-case hex. */
    public static String tagString(AttributeTag tag) {
        return String.format("(%04X,%04X)", tag.getGroup(), tag.getElement());
    }

    /** Returns the attribute's values joined by backslash, "" when it has none. */
    public static String value(Attribute a) {
        if (a instanceof SequenceAttribute s) {
            return s.getNumberOfItems() == 0 ? "" : "<" + s.getNumberOfItems() + " items>";
        }
        if (BINARY_VRS.contains(new String(a.getVR(), StandardCharsets.US_ASCII))) {
            return a.getVL() > 0 ? "<binary>" : "";
        }
        try {
            String[] v = a.getStringValues();
            return v == null ? "" : String.join("\\", v).strip();
        } catch (DicomException e) {
            return a.getVL() > 0 ? "<unreadable>" : "";
        }
    }
}
