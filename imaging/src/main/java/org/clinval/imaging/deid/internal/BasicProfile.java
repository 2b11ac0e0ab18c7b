package org.clinval.imaging.deid.internal;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.ClinicalTrialsAttributes;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.clinval.imaging.deid.DeidOption;
import org.clinval.imaging.deid.Pseudonym;
import org.clinval.imaging.deid.UidRemapper;
import org.clinval.imaging.dicom.write.Code;
import org.clinval.imaging.dicom.write.internal.Attrs;

/**
 * The Basic Application Level Confidentiality Profile with the Clean Descriptors and Clean
 * Structured Content options applied to an attribute list, in five passes:
 *
 * <ol>
 *   <li>PixelMed's {@code ClinicalTrialsAttributes.removeOrNullIdentifyingAttributes}, which knows
 *       the IOD types (emptying a Type 2 attribute rather than removing it), dates (removed) and
 *       structured content, with UIDs kept for pass 4;
 *   <li>private, overlay and curve attributes removed; then every attribute of PS3.15 Table E.1-1
 *       that pass 1 left with its original value is handled by the table's own action (X removed, Z
 *       emptied, D a dummy), so an attribute PixelMed does not know still gets its action;
 *   <li>{@link CleanText}: every text value (LO, LT, ST, UT, SH, PN, UC) at any depth not on the
 *       {@link TextRules keep-list} replaced, code meanings replaced by their codes, the values of
 *       structured-report content items (text, names, dates) replaced by dummies;
 *   <li>every UID not defined by the standard remapped by the keyed hash, content items included;
 *   <li>the pseudonym and the record of what was done (Patient Identity Removed, De-identification
 *       Method and its code sequence, Longitudinal Temporal Information Modified), then Specific
 *       Character Set settled by {@link CharacterSet} for what remains.
 * </ol>
 */
public final class BasicProfile {

    /** UI attributes naming classes, syntaxes or schemes, never instances: kept as they are. */
    private static final Set<AttributeTag> NOT_REMAPPED =
            Stream.of(
                            "SOPClassUID",
                            "MediaStorageSOPClassUID",
                            "ReferencedSOPClassUID",
                            "ReferencedSOPClassUIDInFile",
                            "TransferSyntaxUID",
                            "ReferencedTransferSyntaxUIDInFile",
                            "ImplementationClassUID",
                            "CodingSchemeUID",
                            "ContextGroupExtensionCreatorUID",
                            "MappingResourceUID",
                            "RelatedGeneralSOPClassUID",
                            "OriginalSpecializedSOPClassUID",
                            "SOPClassesInStudy",
                            "PrivateInformationCreatorUID")
                    .map(Attrs::tag)
                    .collect(Collectors.toUnmodifiableSet());

    private BasicProfile() {}

    /** Applies the profile to {@code list} in place; returns warnings (never a PHI value). */
    public static List<String> apply(
            AttributeList list, UidRemapper uids, Pseudonym pseudonym, Set<DeidOption> options)
            throws DicomException {
        Set<DeidOption> opts =
                options.isEmpty() ? EnumSet.noneOf(DeidOption.class) : EnumSet.copyOf(options);
        boolean patient = opts.contains(DeidOption.RETAIN_PATIENT_CHARACTERISTICS);
        boolean device = opts.contains(DeidOption.RETAIN_DEVICE_IDENTITY);
        Map<String, Was> before = snapshot(list);
        ClinicalTrialsAttributes.removeOrNullIdentifyingAttributes(
                list,
                ClinicalTrialsAttributes.HandleUIDs.keep,
                false,
                false,
                false,
                patient,
                device,
                false,
                ClinicalTrialsAttributes.HandleDates.remove,
                null,
                null,
                ClinicalTrialsAttributes.HandleStructuredContent.modify,
                true);
        list.removePrivateAttributes();
        list.removeOverlayAttributes();
        list.removeCurveAttributes();
        List<String> warnings = new ArrayList<>();
        applyTable(list, before, retained(patient, device), warnings);
        restore(list, before);
        warnings.addAll(CleanText.apply(list, retained(patient, device)));
        remapUids(list, uids);
        record(list, pseudonym, opts);
        CharacterSet.settle(list);
        return warnings;
    }

    private static String retained(boolean patient, boolean device) {
        return (patient ? String.valueOf(TextRules.PATIENT) : "")
                + (device ? String.valueOf(TextRules.DEVICE) : "");
    }

    /** What an attribute was before de-identification: where, which, and its value. */
    private record Was(
            String prefix, AttributeTag tag, byte[] vr, boolean sequence, String value) {}

    private static Map<String, Was> snapshot(AttributeList list) {
        Map<String, Was> m = new LinkedHashMap<>();
        Walk.each(
                list,
                (owner, a, path) -> {
                    String prefix =
                            path.substring(0, path.length() - Walk.name(a.getTag()).length());
                    m.put(
                            path,
                            new Was(
                                    prefix,
                                    a.getTag(),
                                    a.getVR(),
                                    a instanceof SequenceAttribute,
                                    Walk.value(a)));
                });
        return m;
    }

    /**
     * Puts back, empty or with a dummy value, attributes that were present and that passes 1 and 2
     * removed or emptied, where the IOD may require them: an empty value carries no identity, while
     * a missing Type 2 or an empty Type 1 attribute breaks the object. The table's D (a dummy,
     * "needed when Type 1") decides between the two; dates and times outside the table (content
     * items of structured reports) get dummies too. Attributes the table only allows removed (X),
     * private, overlay and curve attributes, sequences (PixelMed removes only those it may) and the
     * content tree of structured reports (cleaned by PixelMed) are left alone.
     */
    private static void restore(AttributeList list, Map<String, Was> before) {
        Map<String, AttributeList> owners = new HashMap<>();
        owners.put("", list);
        Walk.each(
                list,
                (owner, a, path) -> {
                    if (a instanceof SequenceAttribute s) {
                        for (int i = 0; i < s.getNumberOfItems(); i++) {
                            owners.put(
                                    path + "[" + (i + 1) + "] > ", s.getItem(i).getAttributeList());
                        }
                    }
                });
        for (Map.Entry<String, Was> e : before.entrySet()) {
            Was w = e.getValue();
            AttributeList owner = owners.get(w.prefix());
            int group = w.tag().getGroup();
            if (owner == null
                    || w.sequence()
                    || w.prefix().contains("ContentSequence[")
                    || w.tag().isPrivate()
                    || (group & 0xFF00) == 0x6000
                    || (group & 0xFF00) == 0x5000
                    || group == 0xFFFA
                    || group == 0xFFFC
                    || group == 0x0002) {
                continue;
            }
            ProfileTable.Row row = ProfileTable.get().find(w.tag()).orElse(null);
            if (row != null && row.isUid()) {
                continue;
            }
            Attribute now = owner.get(w.tag());
            boolean dummyNeeded = row == null ? isDateOrTime(w.vr()) : row.action().contains("D");
            boolean mayStay = row == null ? isDateOrTime(w.vr()) : row.allowsReplacement();
            if (!mayStay) {
                continue; // the table only allows removal (X)
            }
            try {
                if (now == null) {
                    Attribute r = AttributeFactory.newAttribute(w.tag(), w.vr());
                    if (dummyNeeded && !w.value().isEmpty()) {
                        r.addValue(dummy(new String(w.vr(), StandardCharsets.US_ASCII)));
                    }
                    owner.put(r);
                } else if (dummyNeeded && !w.value().isEmpty() && Walk.value(now).isEmpty()) {
                    Attribute r = AttributeFactory.newAttribute(w.tag(), w.vr());
                    r.addValue(dummy(new String(w.vr(), StandardCharsets.US_ASCII)));
                    owner.put(r);
                }
            } catch (DicomException ex) {
                // leave it as pass 1 and 2 left it: absent carries no identity either
            }
        }
    }

    private static boolean isDateOrTime(byte[] vr) {
        String v = new String(vr, StandardCharsets.US_ASCII);
        return v.equals("DA") || v.equals("TM") || v.equals("DT");
    }

    private static void applyTable(
            AttributeList list, Map<String, Was> before, String retained, List<String> warnings) {
        Walk.each(
                list,
                (owner, a, path) -> {
                    ProfileTable.Row row = ProfileTable.get().find(a.getTag()).orElse(null);
                    if (row == null || row.isUid() || owner.get(a.getTag()) != a) {
                        return;
                    }
                    if (row.retainedBy().chars().anyMatch(c -> retained.indexOf(c) >= 0)) {
                        return;
                    }
                    String now = Walk.value(a);
                    Was was = before.get(path);
                    if (now.isEmpty() || was == null || !now.equals(was.value())) {
                        return; // empty, or already handled by pass 1
                    }
                    try {
                        replace(owner, a, row);
                    } catch (DicomException e) {
                        owner.remove(a.getTag());
                        warnings.add(path + ": could not be replaced, removed instead");
                    }
                });
    }

    private static void replace(AttributeList owner, Attribute a, ProfileTable.Row row)
            throws DicomException {
        AttributeTag t = a.getTag();
        String action = row.action();
        if (action.equals("X")) {
            owner.remove(t);
        } else if (a instanceof SequenceAttribute) {
            return; // a Z or D sequence is a container: its items' attributes are handled one by
            // one
        } else if (action.contains("Z")) {
            owner.replaceWithZeroLengthIfPresent(t);
        } else {
            String vr = new String(a.getVR(), StandardCharsets.US_ASCII);
            Attribute d = AttributeFactory.newAttribute(t, a.getVR());
            d.addValue(dummy(vr));
            owner.put(d);
        }
    }

    private static String dummy(String vr) {
        return switch (vr) {
            case "DA" -> "19000101";
            case "TM" -> "000000";
            case "DT" -> "19000101000000";
            case "IS", "DS", "US", "SS", "UL", "SL", "FL", "FD" -> "0";
            default -> "REMOVED";
        };
    }

    private static void remapUids(AttributeList list, UidRemapper uids) {
        Walk.each(
                list,
                (owner, a, path) -> {
                    if (!"UI".equals(new String(a.getVR(), StandardCharsets.US_ASCII))
                            || NOT_REMAPPED.contains(a.getTag())
                            || a.getTag().getGroup() == 0x0002) {
                        return;
                    }
                    try {
                        String[] v = a.getStringValues();
                        if (v == null || v.length == 0) {
                            return;
                        }
                        Attribute r = AttributeFactory.newAttribute(a.getTag(), a.getVR());
                        for (String u : v) {
                            r.addValue(uids.remap(u));
                        }
                        owner.put(r);
                    } catch (DicomException e) {
                        owner.remove(a.getTag());
                    }
                });
    }

    private static void record(AttributeList list, Pseudonym p, Set<DeidOption> opts) {
        Attrs.put(list, "PatientName", p.patientName());
        Attrs.put(list, "PatientID", p.patientId());
        Attrs.put(list, "PatientIdentityRemoved", "YES");
        List<String> method = new ArrayList<>();
        method.add("PS3.15 Basic Application Level Confidentiality Profile");
        method.add("UIDs remapped by keyed hash");
        method.add("Private attributes removed");
        method.add("Dates removed");
        method.add("Structured content cleaned");
        method.add("Descriptors cleaned");
        for (DeidOption o : opts) {
            method.add(o.code().meaning());
        }
        Attrs.put(list, "DeidentificationMethod", method.toArray(String[]::new));
        SequenceAttribute codes = Attrs.sequence(list, "DeidentificationMethodCodeSequence");
        codes.addItem(
                Attrs.codeItem(Code.dcm("113100", "Basic Application Confidentiality Profile")));
        codes.addItem(Attrs.codeItem(Code.dcm("113104", "Clean Structured Content Option")));
        codes.addItem(Attrs.codeItem(Code.dcm("113105", "Clean Descriptors Option")));
        for (DeidOption o : opts) {
            codes.addItem(Attrs.codeItem(o.code()));
        }
        Attrs.put(list, "LongitudinalTemporalInformationModified", "REMOVED");
    }
}
