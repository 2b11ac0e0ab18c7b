package org.clinval.imaging.deid.internal;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.SequenceItem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.clinval.imaging.deid.PhiFinding;
import org.clinval.imaging.deid.PhiKind;
import org.clinval.imaging.dicom.write.internal.Attrs;

/** The rules of the PHI scan over an attribute list; see {@code PhiScanner}. */
public final class PhiRules {

    /** SOP classes whose images often carry burned-in text: secondary capture and ultrasound. */
    private static final Set<String> BURNED_IN_LIKELY =
            Set.of(
                    "1.2.840.10008.5.1.4.1.1.7",
                    "1.2.840.10008.5.1.4.1.1.7.1",
                    "1.2.840.10008.5.1.4.1.1.7.2",
                    "1.2.840.10008.5.1.4.1.1.7.3",
                    "1.2.840.10008.5.1.4.1.1.7.4",
                    "1.2.840.10008.5.1.4.1.1.6.1",
                    "1.2.840.10008.5.1.4.1.1.3.1");

    /** The De-identification Method of a synthetic subject (see {@link #synthetic}). */
    public static final String SYNTHETIC = "Synthetic subject: no patient data";

    private PhiRules() {}

    /** Returns whether the list declares itself de-identified. */
    public static boolean declaredDeidentified(AttributeList list) {
        boolean removed = Attrs.string(list, "PatientIdentityRemoved").strip().equals("YES");
        boolean method = Attrs.strings(list, "DeidentificationMethod").length > 0;
        Attribute seq = list.get(Attrs.tag("DeidentificationMethodCodeSequence"));
        boolean codes = seq instanceof SequenceAttribute s && s.getNumberOfItems() > 0;
        return removed && (method || codes);
    }

    /**
     * Returns whether the list declares a synthetic subject, as the suite's phantom studies and the
     * objects derived from them do ({@value #SYNTHETIC}): no patient data exist, so their text (a
     * report's findings, the model's name) is the suite's own and not reported. Attributes of the
     * table are still classified as in any declared file.
     */
    public static boolean synthetic(AttributeList list) {
        for (String m : Attrs.strings(list, "DeidentificationMethod")) {
            if (m.strip().equals(SYNTHETIC)) {
                return true;
            }
        }
        return false;
    }

    /** Returns the option letters (P, D, I, L) the list declares in its method code sequence. */
    public static Set<Character> declaredOptions(AttributeList list) {
        Set<Character> options = new HashSet<>();
        if (!(list.get(Attrs.tag("DeidentificationMethodCodeSequence"))
                instanceof SequenceAttribute s)) {
            return options;
        }
        for (int i = 0; i < s.getNumberOfItems(); i++) {
            SequenceItem item = s.getItem(i);
            AttributeList l = item.getAttributeList();
            if (!Attrs.string(l, "CodingSchemeDesignator").equals("DCM")) {
                continue;
            }
            switch (Attrs.string(l, "CodeValue")) {
                case "113108" -> options.add('P');
                case "113109" -> options.add('D');
                case "113112" -> options.add('I');
                case "113106", "113107" -> options.add('L');
                default -> {}
            }
        }
        return options;
    }

    /**
     * Returns the findings of the scan of {@code file}: those of its attributes, then those of its
     * path's file and folder names ({@link FileNames}) if it does not declare itself de-identified.
     */
    public static List<PhiFinding> findings(Path file, AttributeList list) {
        List<PhiFinding> out = new ArrayList<>(findings(list));
        if (!declaredDeidentified(list)) {
            out.addAll(FileNames.of(file, list));
        }
        return out;
    }

    /** Returns the findings of the scan, in the order of the file. */
    public static List<PhiFinding> findings(AttributeList list) {
        boolean declared = declaredDeidentified(list);
        boolean synthetic = declared && synthetic(list);
        Set<Character> options = declaredOptions(list);
        List<PhiFinding> out = new ArrayList<>();
        Walk.each(
                list,
                (owner, a, path) -> {
                    AttributeTag t = a.getTag();
                    if (t.getGroup() == 0x0002) {
                        return;
                    }
                    if (t.isPrivate()) {
                        String value = Walk.value(a);
                        out.add(
                                new PhiFinding(
                                        Walk.tagString(t),
                                        Walk.tagString(t),
                                        path,
                                        PhiKind.PRIVATE_ATTRIBUTE,
                                        "private attribute: removed by the Basic Profile",
                                        size(a, value)));
                        return;
                    }
                    ProfileTable.Row row = ProfileTable.get().find(t).orElse(null);
                    if (row != null) {
                        classify(row, a, Walk.value(a), path, declared, options, out);
                    } else if (!synthetic) {
                        TextFindings.of(owner, a, path, options).ifPresent(out::add);
                    }
                });
        burnedIn(list, out);
        return out;
    }

    private static void classify(
            ProfileTable.Row row,
            Attribute a,
            String value,
            String path,
            boolean declared,
            Set<Character> options,
            List<PhiFinding> out) {
        if (row.isUid() || value.isEmpty()) {
            return;
        }
        boolean sequence = a instanceof SequenceAttribute;
        if (sequence && !row.isRemoveOnly()) {
            return; // a container: its items' attributes are scanned one by one
        }
        PhiKind kind;
        String reason;
        if (row.retainedBy().chars().anyMatch(c -> options.contains((char) c))) {
            kind = PhiKind.RETAINED_BY_OPTION;
            reason = "PS3.15 action " + row.action() + ", retained by a declared option";
        } else if (row.isRemoveOnly()) {
            kind = PhiKind.IDENTIFYING_ATTRIBUTE;
            reason = "PS3.15 action X: must be removed";
        } else if (declared) {
            kind = PhiKind.REPLACED_VALUE;
            reason =
                    "PS3.15 action "
                            + row.action()
                            + ": presumed a dummy value, the file declares itself de-identified";
        } else {
            kind = PhiKind.IDENTIFYING_ATTRIBUTE;
            reason =
                    "PS3.15 action "
                            + row.action()
                            + ": present in a file that does not declare itself de-identified";
        }
        out.add(
                new PhiFinding(
                        Walk.tagString(a.getTag()),
                        Walk.name(a.getTag()),
                        path,
                        kind,
                        reason,
                        size(a, value)));
    }

    private static void burnedIn(AttributeList list, List<PhiFinding> out) {
        String flag = Attrs.string(list, "BurnedInAnnotation").strip();
        AttributeTag t = Attrs.tag("BurnedInAnnotation");
        if (flag.equals("YES")) {
            out.add(
                    new PhiFinding(
                            Walk.tagString(t),
                            "BurnedInAnnotation",
                            "BurnedInAnnotation",
                            PhiKind.BURNED_IN_ANNOTATION,
                            "Burned In Annotation is YES: the pixels may show identifying text",
                            flag.length()));
        } else if (flag.isEmpty()
                && BURNED_IN_LIKELY.contains(Attrs.string(list, "SOPClassUID").strip())) {
            out.add(
                    new PhiFinding(
                            Walk.tagString(t),
                            "BurnedInAnnotation",
                            "BurnedInAnnotation",
                            PhiKind.BURNED_IN_ANNOTATION_UNKNOWN,
                            "Burned In Annotation is not given for a kind of image that often"
                                    + " carries burned-in text",
                            0));
        }
    }

    private static int size(Attribute a, String value) {
        if (a instanceof SequenceAttribute s) {
            return s.getNumberOfItems();
        }
        return value.startsWith("<")
                ? (int) Math.min(Integer.MAX_VALUE, a.getVL())
                : value.length();
    }
}
