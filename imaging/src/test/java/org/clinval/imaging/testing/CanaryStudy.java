package org.clinval.imaging.testing;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomDictionary;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.SpecificCharacterSet;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.clinval.imaging.dicom.write.CtImage;
import org.clinval.imaging.dicom.write.CtImageWriter;
import org.clinval.imaging.dicom.write.CtSeries;
import org.clinval.imaging.dicom.write.PatientStudy;
import org.clinval.imaging.dicom.write.SliceGeometry;
import org.clinval.imaging.dicom.write.Uids;
import org.clinval.imaging.dicom.write.internal.Attrs;
import org.clinval.imaging.dicom.write.internal.DicomFiles;

/**
 * A folder of DICOM files of three synthetic patients whose name, ID and birth date are canaries,
 * put wherever a careless de-identification leaves them: the folder and file names, the Patient
 * module, private attributes at the top and nested, nested sequences (Request Attributes Sequence,
 * Referenced Patient Sequence), free text outside PS3.15 Table E.1-1 (a Code Meaning, Position
 * Reference Indicator), and a Comprehensive SR whose content tree holds the name in a TEXT and a
 * PNAME item, the birth date in a DATE item and the study's UID in a UIDREF item. The second
 * patient's name is written in Latin-1 (ISO_IR 100). Per patient, in sorted path order: two CT
 * slices, the SR, and a text file of notes (not DICOM).
 *
 * <p>Every file comes with the exact list of places its canaries sit in its attributes, as the PHI
 * scan names them ({@code PhiFinding.path()}), so a test can compare the scan with the truth;
 * {@link #NAME_PLACEMENTS} are those in its path.
 */
public final class CanaryStudy {

    /** A patient: family and given name (PN), ID, birth date, and whether written in Latin-1. */
    public record Patient(
            String family, String given, String id, String birthDate, boolean latin1) {

        /** Returns the name in PN form. */
        public String name() {
            return family + "^" + given;
        }

        /** Returns the patient's folder name, as careless exports name them. */
        String folder() {
            return family + "_" + id;
        }
    }

    /** A file written and where its canaries are, as scan paths. */
    public record Written(Path file, Patient patient, String kind, List<String> placements) {

        /** Returns the other PHI the scan must report in it (the fixture's own values). */
        public List<String> otherPhi() {
            return kind.equals("CT") ? CT_OTHER_PHI : SR_OTHER_PHI;
        }

        /** Returns every path the scan must report as PHI in it. */
        public List<String> allPhi() {
            List<String> all = new ArrayList<>(placements);
            all.addAll(NAME_PLACEMENTS);
            all.addAll(otherPhi());
            return all;
        }
    }

    public static final List<Patient> PATIENTS =
            List.of(
                    new Patient("CANARYALPHA", "ANNA", "CANPID0001", "19470312", false),
                    new Patient("MÜLLERCANARY", "JÖRG", "CANPID0002", "19511103", true),
                    new Patient("CANARYGAMMA", "CARL", "CANPID0003", "19600229", false));

    /**
     * Where canaries sit in every file's path, as the PHI scan names them: the file name (ID and
     * family name), its folder (birth date), the folder above (family name and ID).
     */
    public static final List<String> NAME_PLACEMENTS =
            List.of("file name", "folder name, 1 up", "folder name, 2 up");

    /** Where canaries sit in every CT slice (paths of the PHI scan). */
    public static final List<String> CT_PLACEMENTS =
            List.of(
                    "SeriesDescription (0008,103E)",
                    "ReferencedPatientSequence (0008,1120)",
                    "ReferencedPatientSequence[1] > PatientID (0010,0020)",
                    "(0009,1001)",
                    "PatientName (0010,0010)",
                    "PatientID (0010,0020)",
                    "PatientBirthDate (0010,0030)",
                    "ImageComments (0020,4000)",
                    "PositionReferenceIndicator (0020,1040)",
                    "RequestAttributesSequence (0040,0275)",
                    "RequestAttributesSequence[1] > (0009,1001)",
                    "RequestAttributesSequence[1] > RequestedProcedureDescription (0032,1060)",
                    "ProcedureCodeSequence[1] > CodeMeaning (0008,0104)");

    /** Where canaries sit in every SR. */
    public static final List<String> SR_PLACEMENTS =
            List.of(
                    "ReferringPhysicianName (0008,0090)",
                    "PerformedProcedureCodeSequence[1] > CodeMeaning (0008,0104)",
                    "PatientName (0010,0010)",
                    "PatientID (0010,0020)",
                    "PatientBirthDate (0010,0030)",
                    "VerifyingObserverSequence[1] > VerifyingObserverName (0040,A075)",
                    "ContentSequence[1] > PersonName (0040,A123)",
                    "ContentSequence[2] > TextValue (0040,A160)",
                    "ContentSequence[3] > Date (0040,A121)",
                    "ContentSequence[4] > ConceptCodeSequence[1] > CodeMeaning (0008,0104)");

    /**
     * What else each CT slice holds that the scan must report, canary or not: Manufacturer and
     * Model (free text kept only with Retain Device Identity), Station Name (X/Z/D), Patient's Sex
     * and Study ID (Z), the two private creators.
     */
    public static final List<String> CT_OTHER_PHI =
            List.of(
                    "Manufacturer (0008,0070)",
                    "StationName (0008,1010)",
                    "ManufacturerModelName (0008,1090)",
                    "(0009,0010)",
                    "PatientSex (0010,0040)",
                    "StudyID (0020,0010)",
                    "RequestAttributesSequence[1] > (0009,0010)");

    /**
     * The same for the SR: study and content dates and times (Z, X/D), Manufacturer, sex, Study ID,
     * Verifying Organization (D), and every concept name's Code Meaning (free text).
     */
    public static final List<String> SR_OTHER_PHI =
            List.of(
                    "StudyDate (0008,0020)",
                    "ContentDate (0008,0023)",
                    "StudyTime (0008,0030)",
                    "ContentTime (0008,0033)",
                    "Manufacturer (0008,0070)",
                    "PatientSex (0010,0040)",
                    "StudyID (0020,0010)",
                    "ConceptNameCodeSequence[1] > CodeMeaning (0008,0104)",
                    "VerifyingObserverSequence[1] > VerifyingOrganization (0040,A027)",
                    "ContentSequence[1] > ConceptNameCodeSequence[1] > CodeMeaning (0008,0104)",
                    "ContentSequence[2] > ConceptNameCodeSequence[1] > CodeMeaning (0008,0104)",
                    "ContentSequence[3] > ConceptNameCodeSequence[1] > CodeMeaning (0008,0104)",
                    "ContentSequence[4] > ConceptNameCodeSequence[1] > CodeMeaning (0008,0104)",
                    "ContentSequence[5] > ConceptNameCodeSequence[1] > CodeMeaning (0008,0104)");

    private static final String SR_CLASS = "1.2.840.10008.5.1.4.1.1.88.33";
    private static final AttributeTag CREATOR = new AttributeTag(0x0009, 0x0010);
    private static final AttributeTag PRIVATE = new AttributeTag(0x0009, 0x1001);

    private CanaryStudy() {}

    /** Writes the study under {@code root}; returns every DICOM file with its placements. */
    public static List<Written> write(Path root) throws Exception {
        List<Written> out = new ArrayList<>();
        for (Patient p : PATIENTS) {
            Path dir = root.resolve(p.folder()).resolve(p.birthDate());
            Files.createDirectories(dir);
            List<String> slices = new ArrayList<>();
            for (int k = 1; k <= 2; k++) {
                Path f = dir.resolve(p.id() + "_" + p.family() + "_CT" + k + ".dcm");
                slices.add(writeCt(f, p, k));
                out.add(new Written(f, p, "CT", CT_PLACEMENTS));
            }
            Path sr = dir.resolve(p.id() + "_" + p.family() + "_report.dcm");
            writeSr(sr, p, slices);
            out.add(new Written(sr, p, "SR", SR_PLACEMENTS));
            Files.writeString(
                    root.resolve(p.folder()).resolve("notes_" + p.family() + ".txt"),
                    "Notes on " + p.name() + ", born " + p.birthDate() + "\n",
                    StandardCharsets.UTF_8);
        }
        return out;
    }

    /** Marks {@code file} Burned In Annotation {@code YES}, which de-identification refuses. */
    public static void markBurnedIn(Path file) throws Exception {
        AttributeList l = DicomFiles.read(file);
        Attrs.put(l, "BurnedInAnnotation", "YES");
        DicomFiles.write(l, file);
    }

    /** Returns every canary: family names, the Latin-1 given name, IDs, birth dates. */
    public static List<String> canaries() {
        List<String> c = new ArrayList<>();
        for (Patient p : PATIENTS) {
            c.add(p.family());
            c.add(p.id());
            c.add(p.birthDate());
            if (p.latin1()) {
                c.add(p.given());
            }
        }
        return c;
    }

    /**
     * Returns the canaries found in {@code bytes}, each looked for case-insensitively in its UTF-8
     * and its Latin-1 encoding.
     */
    public static List<String> findIn(byte[] bytes) {
        List<String> found = new ArrayList<>();
        for (Charset cs : List.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1)) {
            String text = new String(bytes, cs).toUpperCase(Locale.ROOT);
            for (String c : canaries()) {
                if (text.contains(c.toUpperCase(Locale.ROOT)) && !found.contains(c)) {
                    found.add(c);
                }
            }
        }
        return found;
    }

    /** Returns the canaries found in {@code text}, case-insensitively. */
    public static List<String> findIn(String text) {
        return findIn(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String studyUid(Patient p) {
        return Uids.derive("canary-study", p.id(), "study");
    }

    /** Writes CT slice {@code k} of {@code p}; returns its SOP Instance UID. */
    private static String writeCt(Path f, Patient p, int k) throws Exception {
        PatientStudy who =
                new PatientStudy(
                        p.id(), "PLACEHOLDER", "F", studyUid(p), "S1", Optional.empty(), false);
        CtSeries s =
                CtSeries.builder()
                        .setStudy(who)
                        .setSeriesInstanceUid(Uids.derive("canary-study", p.id(), "ct-series"))
                        .setFrameOfReferenceUid(Uids.derive("canary-study", p.id(), "for"))
                        .setBodyPartExamined("CHEST")
                        .optEquipment("ACME", "SCANNER 9")
                        .optAcquisition("CT01", "B30f")
                        .build();
        float[] v = new float[16];
        java.util.Arrays.fill(v, 40f + k);
        CtImageWriter.write(
                s, new CtImage(4, 4, v, SliceGeometry.axial(0, 0, 3.0 * k, 1, 1, 3), k), f);
        AttributeList l = DicomFiles.read(f);
        Text t = new Text(l, p.latin1());
        t.put(l, "PatientName", p.name());
        t.put(l, "PatientBirthDate", p.birthDate());
        t.put(l, "SeriesDescription", "Chest CT of " + p.family());
        t.put(l, "ImageComments", p.given() + " " + p.family() + ", born " + p.birthDate());
        t.put(l, "PositionReferenceIndicator", "ref " + p.id());
        AttributeList request = Attrs.item(l, "RequestAttributesSequence");
        t.put(request, "RequestedProcedureDescription", "CT chest for " + p.family());
        putPrivate(request, t, p.name());
        AttributeList patientRef = Attrs.item(l, "ReferencedPatientSequence");
        Attrs.put(patientRef, "ReferencedSOPClassUID", "1.2.840.10008.3.1.2.1.1");
        Attrs.put(
                patientRef,
                "ReferencedSOPInstanceUID",
                Uids.derive("canary-study", p.id(), "patient"));
        t.put(patientRef, "PatientID", p.id());
        AttributeList procedure = Attrs.item(l, "ProcedureCodeSequence");
        Attrs.put(procedure, "CodeValue", "CTCHEST");
        Attrs.put(procedure, "CodingSchemeDesignator", "99CANARY");
        t.put(procedure, "CodeMeaning", "Chest CT of " + p.family());
        putPrivate(l, t, p.id());
        DicomFiles.write(l, f);
        return Attrs.string(l, "SOPInstanceUID").strip();
    }

    private static void writeSr(Path f, Patient p, List<String> slices) throws Exception {
        AttributeList l = new AttributeList();
        Text t = new Text(l, p.latin1());
        t.put(l, "PatientName", p.name());
        t.put(l, "PatientID", p.id());
        t.put(l, "PatientBirthDate", p.birthDate());
        Attrs.put(l, "PatientSex", "F");
        Attrs.put(l, "StudyInstanceUID", studyUid(p));
        Attrs.put(l, "StudyDate", "20190315");
        Attrs.put(l, "StudyTime", "101112");
        t.put(l, "ReferringPhysicianName", p.family() + "^REFERRER");
        Attrs.put(l, "StudyID", "S1");
        Attrs.put(l, "AccessionNumber");
        Attrs.put(l, "Modality", "SR");
        Attrs.put(l, "SeriesInstanceUID", Uids.derive("canary-study", p.id(), "sr-series"));
        Attrs.put(l, "SeriesNumber", 2);
        Attrs.sequence(l, "ReferencedPerformedProcedureStepSequence");
        Attrs.put(l, "Manufacturer", "ACME");
        Attrs.put(l, "InstanceNumber", 1);
        Attrs.put(l, "CompletionFlag", "COMPLETE");
        Attrs.put(l, "VerificationFlag", "VERIFIED");
        Attrs.put(l, "ContentDate", "20190316");
        Attrs.put(l, "ContentTime", "090000");
        AttributeList verifier = Attrs.item(l, "VerifyingObserverSequence");
        t.put(verifier, "VerifyingObserverName", p.family() + "^VERIFIER");
        Attrs.put(verifier, "VerifyingOrganization", "ACME RADIOLOGY");
        Attrs.put(verifier, "VerificationDateTime", "20190316090000");
        Attrs.sequence(verifier, "VerifyingObserverIdentificationCodeSequence");
        AttributeList performed = Attrs.item(l, "PerformedProcedureCodeSequence");
        Attrs.put(performed, "CodeValue", "CTCHEST");
        Attrs.put(performed, "CodingSchemeDesignator", "99CANARY");
        t.put(performed, "CodeMeaning", "Chest CT of " + p.family());
        putEvidence(l, p, slices);
        Attrs.put(l, "ValueType", "CONTAINER");
        Attrs.code(
                l,
                "ConceptNameCodeSequence",
                org.clinval.imaging.dicom.write.Code.dcm("126000", "Imaging Measurement Report"));
        Attrs.put(l, "ContinuityOfContent", "SEPARATE");
        SequenceAttribute content = Attrs.sequence(l, "ContentSequence");
        AttributeList observer = item("HAS OBS CONTEXT", "PNAME", "121008", "Person Observer Name");
        t.put(observer, "PersonName", p.name());
        content.addItem(observer);
        AttributeList text = item("CONTAINS", "TEXT", "121071", "Finding");
        t.put(
                text,
                "TextValue",
                "Patient " + p.given() + " " + p.family() + " (" + p.id() + "), no nodule seen");
        content.addItem(text);
        AttributeList date = item("CONTAINS", "DATE", "111060", "Study Date");
        Attrs.put(date, "Date", p.birthDate());
        content.addItem(date);
        AttributeList code = item("CONTAINS", "CODE", "121071", "Finding");
        AttributeList concept = Attrs.item(code, "ConceptCodeSequence");
        Attrs.put(concept, "CodeValue", "NOFINDING");
        Attrs.put(concept, "CodingSchemeDesignator", "99CANARY");
        t.put(concept, "CodeMeaning", "Nothing found on " + p.family());
        content.addItem(code);
        AttributeList uid =
                item("HAS OBS CONTEXT", "UIDREF", "121018", "Procedure Study Instance UID");
        Attrs.put(uid, "UID", studyUid(p));
        content.addItem(uid);
        Attrs.put(l, "SOPClassUID", SR_CLASS);
        Attrs.put(l, "SOPInstanceUID", Uids.derive("canary-study", p.id(), "sr"));
        DicomFiles.write(l, f);
    }

    private static void putEvidence(AttributeList l, Patient p, List<String> slices) {
        AttributeList study = Attrs.item(l, "CurrentRequestedProcedureEvidenceSequence");
        Attrs.put(study, "StudyInstanceUID", studyUid(p));
        AttributeList series = Attrs.item(study, "ReferencedSeriesSequence");
        Attrs.put(series, "SeriesInstanceUID", Uids.derive("canary-study", p.id(), "ct-series"));
        SequenceAttribute sops = Attrs.sequence(series, "ReferencedSOPSequence");
        for (String uid : slices) {
            AttributeList i = new AttributeList();
            Attrs.put(i, "ReferencedSOPClassUID", "1.2.840.10008.5.1.4.1.1.2");
            Attrs.put(i, "ReferencedSOPInstanceUID", uid);
            sops.addItem(i);
        }
    }

    private static AttributeList item(
            String relationship, String valueType, String concept, String meaning) {
        AttributeList i = new AttributeList();
        Attrs.put(i, "RelationshipType", relationship);
        Attrs.put(i, "ValueType", valueType);
        Attrs.code(
                i,
                "ConceptNameCodeSequence",
                org.clinval.imaging.dicom.write.Code.dcm(concept, meaning));
        return i;
    }

    private static void putPrivate(AttributeList l, Text t, String value) throws Exception {
        Attribute c =
                AttributeFactory.newAttribute(CREATOR, "LO".getBytes(StandardCharsets.US_ASCII));
        c.addValue("CANARYCORP");
        l.put(c);
        t.put(l, PRIVATE, "LO", value);
    }

    /** Puts text in the list's character set: Latin-1 (ISO_IR 100) or the default repertoire. */
    private static final class Text {
        private final SpecificCharacterSet cs;

        Text(AttributeList top, boolean latin1) {
            if (latin1) {
                Attrs.put(top, "SpecificCharacterSet", "ISO_IR 100");
                cs = new SpecificCharacterSet(new String[] {"ISO_IR 100"});
            } else {
                cs = null;
            }
        }

        void put(AttributeList l, String keyword, String value) throws Exception {
            AttributeTag tag = Attrs.tag(keyword);
            put(
                    l,
                    tag,
                    new String(
                            DicomDictionary.StandardDictionary.getValueRepresentationFromTag(tag),
                            StandardCharsets.US_ASCII),
                    value);
        }

        void put(AttributeList l, AttributeTag tag, String vr, String value) throws Exception {
            byte[] v = vr.getBytes(StandardCharsets.US_ASCII);
            Attribute a =
                    cs == null
                            ? AttributeFactory.newAttribute(tag, v)
                            : AttributeFactory.newAttribute(tag, v, cs);
            a.addValue(value);
            l.put(a);
        }
    }
}
