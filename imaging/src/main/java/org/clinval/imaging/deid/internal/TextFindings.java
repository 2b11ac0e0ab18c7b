package org.clinval.imaging.deid.internal;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.clinval.imaging.deid.PhiFinding;
import org.clinval.imaging.deid.PhiKind;
import org.clinval.imaging.dicom.write.internal.Attrs;

/**
 * The PHI scan's rules for what PS3.15 Table E.1-1 does not list: text outside the table (a Code
 * Meaning, a Text Value, a description) and dates in the content items of structured reports. The
 * line is the de-identification's own, {@link TextRules}: text on the keep-list is not reported,
 * text an option keeps is reported as retained when the file declares the option, and any other
 * text is PHI unless it is a value the cleaning writes (the dummy, or a Code Meaning that only
 * repeats its code). Unlike the table's dummies, a cleaned value can be recognised, so no
 * declaration is trusted for text: a file that says "structured content cleaned" and still holds a
 * name in a Text Value is reported.
 */
final class TextFindings {

    /** Code meanings of CID 7050 De-identification Method, which a cleaned file writes. */
    private static final Map<String, String> METHOD_MEANINGS =
            Map.ofEntries(
                    Map.entry("113100", "Basic Application Confidentiality Profile"),
                    Map.entry("113101", "Clean Pixel Data Option"),
                    Map.entry("113102", "Clean Recognizable Visual Features Option"),
                    Map.entry("113103", "Clean Graphics Option"),
                    Map.entry("113104", "Clean Structured Content Option"),
                    Map.entry("113105", "Clean Descriptors Option"),
                    Map.entry(
                            "113106", "Retain Longitudinal Temporal Information Full Dates Option"),
                    Map.entry(
                            "113107",
                            "Retain Longitudinal Temporal Information Modified Dates Option"),
                    Map.entry("113108", "Retain Patient Characteristics Option"),
                    Map.entry("113109", "Retain Device Identity Option"),
                    Map.entry("113110", "Retain UIDs Option"),
                    Map.entry("113111", "Retain Safe Private Option"),
                    Map.entry("113112", "Retain Institution Identity Option"));

    private static final Set<String> DATE_VRS = Set.of("DA", "TM", "DT");
    private static final Set<String> DUMMY_DATES = Set.of("19000101", "000000", "19000101000000");

    /** A path whose last step is an attribute of a content item. */
    private static final Pattern IN_CONTENT_ITEM =
            Pattern.compile(".*ContentSequence\\[\\d+\\] > [^>]+");

    private TextFindings() {}

    /** Returns the finding for {@code a}, an attribute the table does not list, if any. */
    static Optional<PhiFinding> of(
            AttributeList owner, Attribute a, String path, Set<Character> options) {
        String vr = new String(a.getVR(), StandardCharsets.US_ASCII);
        if (TextRules.isText(a)) {
            return text(owner, a, path, options);
        }
        if (TextRules.isUnknown(a) && a.getVL() > 0) {
            return Optional.of(
                    new PhiFinding(
                            Walk.tagString(a.getTag()),
                            Walk.name(a.getTag()),
                            path,
                            PhiKind.FREE_TEXT,
                            "value of unknown VR (UN): its content cannot be judged, so it is"
                                    + " presumed identifying and removed by the de-identification",
                            (int) Math.min(Integer.MAX_VALUE, a.getVL())));
        }
        if (DATE_VRS.contains(vr) && IN_CONTENT_ITEM.matcher(path).matches()) {
            return contentDate(a, path, options);
        }
        return Optional.empty();
    }

    private static Optional<PhiFinding> text(
            AttributeList owner, Attribute a, String path, Set<Character> options) {
        String[] values = values(a);
        if (values.length == 0) {
            return Optional.empty();
        }
        String letters = letters(options);
        switch (TextRules.fate(a.getTag(), letters)) {
            case KEEP -> {
                return Optional.empty();
            }
            case KEEP_BY_OPTION -> {
                return finding(
                        a,
                        path,
                        PhiKind.RETAINED_BY_OPTION,
                        "text kept by a declared option ("
                                + TextRules.retainingOption(a.getTag())
                                + ")",
                        values);
            }
            case CODE_MEANING -> {
                String meaning = String.join("\\", values).strip();
                if (meaning.equals(TextRules.codeMeaning(owner)) || methodMeaning(owner, meaning)) {
                    return Optional.empty();
                }
                return finding(
                        a,
                        path,
                        PhiKind.FREE_TEXT,
                        "Code Meaning is free text: the Clean Descriptors option replaces it by its"
                                + " code",
                        values);
            }
            default -> {
                boolean cleaned = true;
                for (String v : values) {
                    cleaned &= v.strip().equals(TextRules.DUMMY);
                }
                if (cleaned) {
                    return Optional.empty();
                }
                char option = TextRules.retainingOption(a.getTag());
                return finding(
                        a,
                        path,
                        PhiKind.FREE_TEXT,
                        option == 0
                                ? "free text outside PS3.15 Table E.1-1: the Clean Descriptors and"
                                        + " Clean Structured Content options replace it"
                                : "free text kept only with a retain option ("
                                        + option
                                        + ") the file does not declare",
                        values);
            }
        }
    }

    private static Optional<PhiFinding> contentDate(
            Attribute a, String path, Set<Character> options) {
        String[] values = values(a);
        if (values.length == 0 || (values.length == 1 && DUMMY_DATES.contains(values[0].strip()))) {
            return Optional.empty();
        }
        if (options.contains('L')) {
            return finding(
                    a,
                    path,
                    PhiKind.RETAINED_BY_OPTION,
                    "date in structured content, kept by a declared longitudinal option (L)",
                    values);
        }
        return finding(
                a,
                path,
                PhiKind.IDENTIFYING_ATTRIBUTE,
                "date or time in structured content: the Clean Structured Content option replaces"
                        + " it",
                values);
    }

    private static boolean methodMeaning(AttributeList item, String meaning) {
        return Attrs.string(item, "CodingSchemeDesignator").strip().equals("DCM")
                && meaning.equals(METHOD_MEANINGS.get(Attrs.string(item, "CodeValue").strip()));
    }

    private static Optional<PhiFinding> finding(
            Attribute a, String path, PhiKind kind, String reason, String[] values) {
        int size = String.join("\\", values).strip().length();
        return Optional.of(
                new PhiFinding(
                        Walk.tagString(a.getTag()),
                        Walk.name(a.getTag()),
                        path,
                        kind,
                        reason,
                        size));
    }

    private static String[] values(Attribute a) {
        try {
            String[] v = a.getStringValues();
            if (v == null) {
                return new String[0];
            }
            boolean empty = true;
            for (String s : v) {
                empty &= s.isBlank();
            }
            return empty ? new String[0] : v;
        } catch (DicomException e) {
            return a.getVL() > 0 ? new String[] {"<unreadable>"} : new String[0];
        }
    }

    private static String letters(Set<Character> options) {
        StringBuilder s = new StringBuilder();
        options.forEach(s::append);
        return s.toString();
    }
}
