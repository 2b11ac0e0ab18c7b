package org.clinval.imaging.dicom.write.internal;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.CodedSequenceItem;
import com.pixelmed.dicom.DicomDictionary;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.clinval.imaging.dicom.write.Code;

/** Building attribute lists: one call per attribute, the VR taken from PixelMed's dictionary. */
public final class Attrs {

    private static final DicomDictionary DICT = DicomDictionary.StandardDictionary;
    private static final DateTimeFormatter DA = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TM = DateTimeFormatter.ofPattern("HHmmss");

    private Attrs() {}

    /** Returns the tag of a dictionary keyword; fails loudly on a typo. */
    public static AttributeTag tag(String keyword) {
        AttributeTag t = DICT.getTagFromName(keyword);
        if (t == null) {
            throw new IllegalStateException("not a DICOM keyword: " + keyword);
        }
        return t;
    }

    /** Puts an attribute with the given string values (none: zero length, Type 2 empty). */
    public static Attribute put(AttributeList list, String keyword, String... values) {
        try {
            AttributeTag t = tag(keyword);
            Attribute a = AttributeFactory.newAttribute(t, DICT.getValueRepresentationFromTag(t));
            for (String v : values) {
                a.addValue(v);
            }
            list.put(a);
            return a;
        } catch (DicomException e) {
            throw new IllegalStateException("cannot encode " + keyword, e);
        }
    }

    /** Puts an integer attribute (IS, US, SS, UL, SL). */
    public static void put(AttributeList list, String keyword, int value) {
        put(list, keyword, Integer.toString(value));
    }

    /** Puts a decimal string attribute, each value at most 16 characters. */
    public static void putDs(AttributeList list, String keyword, double... values) {
        String[] s = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            s[i] = ds(values[i]);
        }
        put(list, keyword, s);
    }

    /** Puts the date and time attributes of {@code prefix} (e.g. Study), empty if absent. */
    public static void putDateTime(AttributeList list, String prefix, Optional<LocalDateTime> t) {
        put(
                list,
                prefix + "Date",
                t.map(DA::format).map(x -> new String[] {x}).orElse(new String[0]));
        put(
                list,
                prefix + "Time",
                t.map(TM::format).map(x -> new String[] {x}).orElse(new String[0]));
    }

    /** Returns {@code v} as a DICOM decimal string of at most 16 characters. */
    public static String ds(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("a decimal string must be finite: " + v);
        }
        if (v == 0) {
            return "0";
        }
        for (int digits = 16; digits > 0; digits--) {
            BigDecimal b = new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros();
            String plain = b.toPlainString();
            if (plain.length() <= 16) {
                return plain;
            }
            String sci = b.toString();
            if (sci.length() <= 16) {
                return sci;
            }
        }
        throw new IllegalStateException("cannot write " + v + " in 16 characters");
    }

    /** Returns a new sequence attribute put into {@code list}, with no items yet. */
    public static SequenceAttribute sequence(AttributeList list, String keyword) {
        SequenceAttribute s = new SequenceAttribute(tag(keyword));
        list.put(s);
        return s;
    }

    /** Puts a sequence with one item and returns the item. */
    public static AttributeList item(AttributeList list, String keyword) {
        AttributeList item = new AttributeList();
        sequence(list, keyword).addItem(item);
        return item;
    }

    /** Puts a code sequence with one coded item. */
    public static void code(AttributeList list, String keyword, Code code) {
        sequence(list, keyword).addItem(codeItem(code));
    }

    /** Returns the attribute list of a coded item (Code Sequence Macro). */
    public static AttributeList codeItem(Code code) {
        try {
            return new CodedSequenceItem(code.value(), code.scheme(), code.meaning())
                    .getAttributeList();
        } catch (DicomException e) {
            throw new IllegalStateException("cannot encode code " + code, e);
        }
    }

    /** Returns the single string value of {@code keyword}, or "" if absent. */
    public static String string(AttributeList list, String keyword) {
        return Attribute.getSingleStringValueOrEmptyString(list, tag(keyword));
    }

    /** Returns all string values of {@code keyword}, or none if absent. */
    public static String[] strings(AttributeList list, String keyword) {
        try {
            Attribute a = list.get(tag(keyword));
            String[] v = a == null ? null : a.getStringValues();
            return v == null ? new String[0] : v;
        } catch (DicomException e) {
            return new String[0];
        }
    }
}
