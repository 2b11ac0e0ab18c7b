package org.clinval.imaging.deid.internal;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.clinval.imaging.dicom.write.internal.Attrs;

/**
 * What happens to text: the keep-list of the Clean Descriptors (113105) and Clean Structured
 * Content (113104) options as this suite applies them, shared by the de-identification and the PHI
 * scan so that both draw the line in the same place.
 *
 * <p>Text is any value of a VR that can hold free text: LO, LT, ST, UT, SH, PN, UC. Every such
 * value, at any depth of nested sequences and of a structured report's content tree, is PHI until
 * proven otherwise: the de-identification replaces each value by {@value #DUMMY} (keeping the
 * number of values, so a Type 1 attribute stays present and multiplicities stay consistent) unless
 * it is on the keep-list below. Action codes are those of PS3.15 Table E.1-1: K keep, C clean, X
 * remove, Z empty or dummy, D dummy; "not listed" means the table does not name the attribute,
 * which the Basic Profile alone would keep (K).
 *
 * <table>
 *   <caption>Text kept</caption>
 *   <tr><th>attribute</th><th>Table E.1-1</th><th>kept</th><th>why</th></tr>
 *   <tr><td>Code Value (0008,0100), Coding Scheme Designator (0008,0102), Coding Scheme Version
 *       (0008,0103), Long Code Value (0008,0119)</td><td>not listed: K</td><td>always</td>
 *       <td>codes, not text; a reader looks their meaning up</td></tr>
 *   <tr><td>Code Meaning (0008,0104)</td><td>not listed; C under Clean Descriptors</td>
 *       <td>replaced by {@code (value, scheme)} of its item, see {@link #codeMeaning}</td>
 *       <td>Type 1 in every code sequence; a sender can write anything there</td></tr>
 *   <tr><td>Rescale Type (0028,1054)</td><td>not listed: K</td><td>always</td><td>defined terms
 *       (HU, OD, US...) that give the pixel values their unit</td></tr>
 *   <tr><td>Convolution Kernel (0018,1210)</td><td>not listed: K</td><td>always</td><td>the
 *       reconstruction kernel, a stratum of CT analyses</td></tr>
 *   <tr><td>De-identification Method (0012,0063)</td><td>not listed: K</td><td>always</td>
 *       <td>the record of this de-identification, written after the cleaning</td></tr>
 *   <tr><td>Ethnic Group (0010,2160)</td><td>X; K under Retain Patient Characteristics</td>
 *       <td>with 113108</td><td>a characteristic of subgroup analyses</td></tr>
 *   <tr><td>Manufacturer (0008,0070), Manufacturer's Model Name (0008,1090), Software Versions
 *       (0018,1020)</td><td>not listed: K</td><td>with 113109 only</td><td>name the device,
 *       which is what Retain Device Identity is for</td></tr>
 *   <tr><td>Station Name (0008,1010), Device Serial Number (0018,1000)</td><td>X/Z/D; K under
 *       Retain Device Identity</td><td>with 113109</td><td>analyses by scanner</td></tr>
 * </table>
 *
 * <p>Stricter than the table on purpose: Allergies, Patient State, Pre-Medication and Special Needs
 * (K under Retain Patient Characteristics) are narrative and replaced even with 113108; device
 * labels and descriptions the table keeps under Retain Device Identity other than the five above
 * are replaced even with 113109. Attributes of VR UN (unknown) are removed: their bytes may be
 * text. Text of other VRs is out of scope here: CS (e.g. Body Part Examined, Patient's Sex) holds
 * defined terms in a restricted repertoire; AE and UR are handled by the table where it lists them.
 * Patient's Name and Patient ID at the top level get the pseudonym after the cleaning.
 */
public final class TextRules {

    /** The value every removed text gets: plain ASCII, valid in each text VR. */
    public static final String DUMMY = "REMOVED";

    /** The VRs that can hold free text. */
    public static final Set<String> TEXT_VRS = Set.of("LO", "LT", "ST", "UT", "SH", "PN", "UC");

    /** Option letters as in {@link ProfileTable.Row#retainedBy()}. */
    public static final char PATIENT = 'P';

    public static final char DEVICE = 'D';

    private static final Set<AttributeTag> ALWAYS =
            tags(
                    "CodeValue",
                    "CodingSchemeDesignator",
                    "CodingSchemeVersion",
                    "LongCodeValue",
                    "RescaleType",
                    "ConvolutionKernel",
                    "DeidentificationMethod");

    private static final Map<AttributeTag, Character> BY_OPTION =
            Stream.of(
                            Map.entry("EthnicGroup", PATIENT),
                            Map.entry("Manufacturer", DEVICE),
                            Map.entry("ManufacturerModelName", DEVICE),
                            Map.entry("SoftwareVersions", DEVICE),
                            Map.entry("StationName", DEVICE),
                            Map.entry("DeviceSerialNumber", DEVICE))
                    .collect(
                            Collectors.toUnmodifiableMap(
                                    e -> Attrs.tag(e.getKey()), e -> e.getValue()));

    private static final AttributeTag CODE_MEANING = Attrs.tag("CodeMeaning");

    /** What becomes of one text attribute. */
    public enum Fate {
        /** Kept whatever the options. */
        KEEP,
        /** Kept because an option that retains it applies. */
        KEEP_BY_OPTION,
        /** A code meaning: replaced by its item's code. */
        CODE_MEANING,
        /** Replaced by {@link #DUMMY}. */
        REPLACE
    }

    private TextRules() {}

    /** Returns whether {@code a} has a text VR. */
    public static boolean isText(Attribute a) {
        return TEXT_VRS.contains(new String(a.getVR(), StandardCharsets.US_ASCII));
    }

    /**
     * Returns whether {@code a} has VR UN: bytes whose meaning the dictionary does not give (a
     * standard attribute newer than it, read from implicit VR), which may hold text.
     */
    public static boolean isUnknown(Attribute a) {
        return "UN".equals(new String(a.getVR(), StandardCharsets.US_ASCII));
    }

    /** Returns the fate of a text attribute under the options {@code letters} (P, D...). */
    public static Fate fate(AttributeTag tag, String letters) {
        if (ALWAYS.contains(tag)) {
            return Fate.KEEP;
        }
        Character option = BY_OPTION.get(tag);
        if (option != null && letters.indexOf(option) >= 0) {
            return Fate.KEEP_BY_OPTION;
        }
        return tag.equals(CODE_MEANING) ? Fate.CODE_MEANING : Fate.REPLACE;
    }

    /** Returns the option letter that retains {@code tag}, or 0 when none does. */
    public static char retainingOption(AttributeTag tag) {
        Character option = BY_OPTION.get(tag);
        return option == null ? 0 : option;
    }

    /**
     * Returns what a cleaned Code Meaning says: {@code (value, scheme)} from the item's Code Value
     * (or Long Code Value) and Coding Scheme Designator, both codes and kept anyway, so the meaning
     * adds nothing a reader could not look up; {@value #DUMMY} when the item has no such code.
     */
    public static String codeMeaning(AttributeList item) {
        String value = Attrs.string(item, "CodeValue").strip();
        if (value.isEmpty()) {
            value = Attrs.string(item, "LongCodeValue").strip();
        }
        String scheme = Attrs.string(item, "CodingSchemeDesignator").strip();
        String meaning = "(" + value + ", " + scheme + ")";
        if (value.isEmpty() || scheme.isEmpty() || meaning.length() > 64) {
            return DUMMY;
        }
        return meaning;
    }

    private static Set<AttributeTag> tags(String... keywords) {
        return Stream.of(keywords).map(Attrs::tag).collect(Collectors.toUnmodifiableSet());
    }
}
