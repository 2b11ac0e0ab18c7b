package org.clinval.imaging.deid.internal;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import org.clinval.imaging.dicom.write.internal.Attrs;

/**
 * Keeps Specific Character Set (0008,0005) true to what remains after cleaning. The attributes a
 * character set applies to are the text VRs; when none of them holds a character outside the
 * default repertoire (ASCII) any more, every Specific Character Set, at the top and in items, is
 * removed, so the file declares the default repertoire it now uses and keeps no trace of the
 * patient's script. When a kept value still needs the declared set (e.g. a manufacturer's name in
 * Latin-1 under Retain Device Identity) the declarations stay as they were: PixelMed encodes each
 * kept attribute in the set it was read with, and every replacement is ASCII, which all sets (ISO
 * 2022 ones included, in their initial state) share.
 */
final class CharacterSet {

    private static final AttributeTag SPECIFIC_CHARACTER_SET = Attrs.tag("SpecificCharacterSet");

    private CharacterSet() {}

    /** Removes every Specific Character Set if no text value needs one any more. */
    static void settle(AttributeList list) {
        boolean[] needed = {false};
        Walk.each(
                list,
                (owner, a, path) -> {
                    if (!needed[0] && TextRules.isText(a) && !ascii(a)) {
                        needed[0] = true;
                    }
                });
        if (!needed[0]) {
            removeAll(list);
        }
    }

    private static boolean ascii(Attribute a) {
        try {
            String[] values = a.getStringValues();
            if (values == null) {
                return true;
            }
            for (String v : values) {
                if (!v.chars().allMatch(c -> c < 0x80)) {
                    return false;
                }
            }
            return true;
        } catch (DicomException e) {
            return false; // undecodable: assume it needs the declared set
        }
    }

    private static void removeAll(AttributeList list) {
        list.remove(SPECIFIC_CHARACTER_SET);
        for (Attribute a : list.values()) {
            if (a instanceof SequenceAttribute s) {
                for (int i = 0; i < s.getNumberOfItems(); i++) {
                    removeAll(s.getItem(i).getAttributeList());
                }
            }
        }
    }
}
