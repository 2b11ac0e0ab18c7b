package org.clinval.imaging.deid.internal;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clinval.imaging.dicom.write.internal.Attrs;

/**
 * The Clean Descriptors and Clean Structured Content options over a whole attribute list: every
 * text value not on the {@link TextRules keep-list} replaced, at any depth; every attribute of
 * unknown VR (UN: a standard attribute the dictionary does not know, read from implicit VR)
 * removed, since its content cannot be judged; in each content item of a structured report the
 * value its Value Type requires put back as a dummy if an earlier pass removed it (a TEXT item
 * keeps a Text Value, a PNAME item a Person Name, a DATE item a Date...), since those are Type 1C
 * and the item would otherwise break the document; a verified document keeps a Verifying Observer
 * Sequence item, of dummies.
 */
final class CleanText {

    private static final AttributeTag VALUE_TYPE = Attrs.tag("ValueType");
    private static final AttributeTag CONTENT_SEQUENCE = Attrs.tag("ContentSequence");

    /** Value Type → the attribute that holds the value and its dummy. */
    private static final Map<String, String[]> ITEM_VALUE =
            Map.of(
                    "TEXT", new String[] {"TextValue", TextRules.DUMMY},
                    "PNAME", new String[] {"PersonName", TextRules.DUMMY},
                    "DATE", new String[] {"Date", "19000101"},
                    "TIME", new String[] {"Time", "000000"},
                    "DATETIME", new String[] {"DateTime", "19000101000000"});

    private CleanText() {}

    /**
     * Cleans {@code list} in place under the option letters {@code retained}; returns warnings,
     * never a value.
     */
    static List<String> apply(AttributeList list, String retained) {
        List<String> warnings = new ArrayList<>();
        Walk.each(
                list,
                (owner, a, path) -> {
                    if (a.getTag().getGroup() == 0x0002) {
                        return;
                    }
                    if (TextRules.isUnknown(a)) {
                        owner.remove(a.getTag()); // content unknown: presumed identifying
                        return;
                    }
                    if (!TextRules.isText(a)) {
                        return;
                    }
                    try {
                        clean(owner, a, retained);
                    } catch (DicomException e) {
                        owner.remove(a.getTag());
                        warnings.add(path + ": could not be cleaned, removed instead");
                    }
                });
        Walk.each(
                list,
                (owner, a, path) -> {
                    if (a instanceof SequenceAttribute s && a.getTag().equals(CONTENT_SEQUENCE)) {
                        for (int i = 0; i < s.getNumberOfItems(); i++) {
                            contentItem(s.getItem(i).getAttributeList());
                        }
                    }
                });
        verifyingObserver(list);
        return warnings;
    }

    /**
     * A document whose Verification Flag is {@code VERIFIED} needs a Verifying Observer Sequence
     * item (Type 1C); the profile's D action for it means dummies, while pass 1 empties it. One
     * item of dummies keeps the document valid without keeping who verified it.
     */
    private static void verifyingObserver(AttributeList list) {
        if (!Attrs.string(list, "VerificationFlag").strip().equals("VERIFIED")
                || list.get(Attrs.tag("VerifyingObserverSequence")) instanceof SequenceAttribute s
                        && s.getNumberOfItems() > 0) {
            return;
        }
        AttributeList item = Attrs.item(list, "VerifyingObserverSequence");
        Attrs.put(item, "VerifyingObserverName", TextRules.DUMMY);
        Attrs.sequence(item, "VerifyingObserverIdentificationCodeSequence");
        Attrs.put(item, "VerifyingOrganization", TextRules.DUMMY);
        Attrs.put(item, "VerificationDateTime", "19000101000000");
    }

    private static void clean(AttributeList owner, Attribute a, String retained)
            throws DicomException {
        String[] values = a.getStringValues();
        if (values == null || values.length == 0) {
            return;
        }
        switch (TextRules.fate(a.getTag(), retained)) {
            case KEEP, KEEP_BY_OPTION -> {}
            case CODE_MEANING -> replace(owner, a, new String[] {TextRules.codeMeaning(owner)});
            case REPLACE -> {
                String[] dummies = new String[values.length];
                java.util.Arrays.fill(dummies, TextRules.DUMMY);
                if (!java.util.Arrays.equals(values, dummies)) {
                    replace(owner, a, dummies);
                }
            }
        }
    }

    private static void replace(AttributeList owner, Attribute a, String[] values)
            throws DicomException {
        Attribute r = AttributeFactory.newAttribute(a.getTag(), a.getVR());
        for (String v : values) {
            r.addValue(v);
        }
        owner.put(r);
    }

    /** Dates, times and names of a content item: always a dummy, present when required. */
    private static void contentItem(AttributeList item) {
        String type = Attribute.getSingleStringValueOrEmptyString(item, VALUE_TYPE).strip();
        String[] value = ITEM_VALUE.get(type);
        if (value == null) {
            return;
        }
        AttributeTag t = Attrs.tag(value[0]);
        Attribute now = item.get(t);
        String current = now == null ? "" : Walk.value(now);
        if (!current.equals(value[1])) {
            Attrs.put(item, value[0], value[1]);
        }
    }
}
