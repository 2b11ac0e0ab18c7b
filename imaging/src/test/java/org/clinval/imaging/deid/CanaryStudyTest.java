package org.clinval.imaging.deid;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.SequenceAttribute;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.clinval.imaging.deid.internal.Walk;
import org.clinval.imaging.dicom.write.internal.Attrs;
import org.clinval.imaging.dicom.write.internal.DicomFiles;
import org.clinval.imaging.testing.CanaryStudy;
import org.clinval.imaging.testing.CanaryStudy.Written;
import org.clinval.imaging.testing.Dciodvfy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The canary study (three patients; names in folder and file names, private attributes, nested
 * sequences, code meanings, a structured report, a Latin-1 name) through the PHI scan and the
 * de-identification.
 */
class CanaryStudyTest {

    @TempDir Path dir;

    private List<Written> written;

    @BeforeEach
    void write() throws Exception {
        written = CanaryStudy.write(dir.resolve("in"));
    }

    /** Scan paths of the attributes whose value holds a canary, found by walking the file. */
    private static List<String> whereCanariesAre(Path file) throws Exception {
        List<String> paths = new ArrayList<>();
        Walk.each(
                DicomFiles.read(file),
                (owner, a, path) -> {
                    String tag = Walk.tagString(a.getTag());
                    String full = path.endsWith(tag) ? path : path + " " + tag;
                    boolean removedWhole =
                            a instanceof SequenceAttribute
                                    && (full.startsWith("ReferencedPatientSequence ")
                                            || full.startsWith("RequestAttributesSequence "));
                    if (removedWhole || !CanaryStudy.findIn(Walk.value(a)).isEmpty()) {
                        paths.add(full);
                    }
                });
        return paths;
    }

    private static List<String> phiPaths(Path file) throws Exception {
        return PhiScanner.scan(file).phi().stream().map(PhiFinding::path).toList();
    }

    @Test
    void theFixturePutsEachCanaryWhereItSaysAndTheSecondPatientInLatin1() throws Exception {
        assertThat(written).hasSize(9);
        for (Written w : written) {
            assertThat(whereCanariesAre(w.file()))
                    .as("canaries in %s", w.file())
                    .containsExactlyInAnyOrderElementsOf(w.placements());
            assertThat(CanaryStudy.findIn(dir.relativize(w.file()).toString()))
                    .contains(w.patient().family(), w.patient().id(), w.patient().birthDate());
        }
        byte[] bytes = Files.readAllBytes(written.get(3).file());
        assertThat(written.get(3).patient().latin1()).isTrue();
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
                .contains("MÜLLERCANARY^JÖRG", "ISO_IR 100");
        assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("MÜLLERCANARY");
        try (Stream<Path> s = Files.walk(dir.resolve("in"))) {
            assertThat(s.filter(Files::isRegularFile).count()).isEqualTo(12);
        }
    }

    @Test
    void phiScanReportsEveryPlacementByItsPathAndNeverTheValue() throws Exception {
        for (Written w : written) {
            assertThat(phiPaths(w.file()))
                    .as("PHI reported in %s", w.file())
                    .containsExactlyInAnyOrderElementsOf(w.allPhi());
            PhiScan scan = PhiScanner.scan(w.file());
            assertThat(CanaryStudy.findIn(scan.findings().toString())).isEmpty();
        }
        assertThat(PhiScanner.scan(written.get(3).file()).findings())
                .filteredOn(f -> f.kind() == PhiKind.IDENTIFYING_FILE_NAME)
                .extracting(PhiFinding::path, PhiFinding::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "file name",
                                "the file name holds the Patient ID and the Patient's Name"),
                        org.assertj.core.groups.Tuple.tuple(
                                "folder name, 1 up",
                                "the folder name holds the Patient's Birth Date"),
                        org.assertj.core.groups.Tuple.tuple(
                                "folder name, 2 up",
                                "the folder name holds the Patient ID and the Patient's Name"));
        PhiScan sr = PhiScanner.scan(written.get(2).file());
        assertThat(sr.findings())
                .filteredOn(f -> f.path().equals("ContentSequence[2] > TextValue (0040,A160)"))
                .singleElement()
                .satisfies(f -> assertThat(f.kind()).isEqualTo(PhiKind.FREE_TEXT))
                // "Patient ANNA CANARYALPHA (CANPID0001), no nodule seen": its length, not its text
                .satisfies(f -> assertThat(f.size()).isEqualTo(53));
        PhiScan ct = PhiScanner.scan(written.get(0).file());
        assertThat(ct.findings())
                .filteredOn(
                        f -> f.path().equals("ProcedureCodeSequence[1] > CodeMeaning (0008,0104)"))
                .singleElement()
                .satisfies(f -> assertThat(f.kind()).isEqualTo(PhiKind.FREE_TEXT));
    }

    @Test
    void deidentifiedStudyHoldsNoCanaryKeepsItsReferencesAndPassesDciodvfy() throws Exception {
        Deidentifier deid = Deidentifier.builder().setUidKey(DeidentifierTest.KEY).build();
        List<Path> inputs = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir.resolve("in"))) {
            s.filter(Files::isRegularFile).sorted().forEach(inputs::add);
        }
        DeidPlan plan = DeidPlan.of(inputs, Pseudonyms.generated());
        Path out = dir.resolve("out");
        for (DeidPlan.Entry e : plan.entries()) {
            deid.deidentify(e.file(), out.resolve(e.output()), Pseudonym.of(e.pseudonym()));
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.walk(out)) {
            s.filter(Files::isRegularFile)
                    .sorted()
                    .forEach(f -> names.add(out.relativize(f).toString()));
        }
        assertThat(names)
                .containsExactly(
                        "P0001/001/0001.dcm",
                        "P0001/001/0002.dcm",
                        "P0001/002/0001.dcm",
                        "P0002/001/0001.dcm",
                        "P0002/001/0002.dcm",
                        "P0002/002/0001.dcm",
                        "P0003/001/0001.dcm",
                        "P0003/001/0002.dcm",
                        "P0003/002/0001.dcm");
        for (String name : names) {
            Path f = out.resolve(name);
            assertThat(CanaryStudy.findIn(Files.readAllBytes(f))).as(name).isEmpty();
            assertThat(PhiScanner.scan(f).phi()).as(name).isEmpty();
            AttributeList l = DicomFiles.read(f);
            assertThat(l.get(Attrs.tag("SpecificCharacterSet"))).as(name).isNull();
        }
        // the report's content items: text, name and date replaced, codes kept, meanings cleaned
        AttributeList sr = DicomFiles.read(out.resolve("P0003/002/0001.dcm"));
        SequenceAttribute content = (SequenceAttribute) sr.get(Attrs.tag("ContentSequence"));
        assertThat(Attrs.string(content.getItem(0).getAttributeList(), "PersonName").strip())
                .isEqualTo("REMOVED");
        assertThat(Attrs.string(content.getItem(1).getAttributeList(), "TextValue").strip())
                .isEqualTo("REMOVED");
        assertThat(Attrs.string(content.getItem(2).getAttributeList(), "Date"))
                .isEqualTo("19000101");
        AttributeList code =
                ((SequenceAttribute)
                                content.getItem(3)
                                        .getAttributeList()
                                        .get(Attrs.tag("ConceptCodeSequence")))
                        .getItem(0)
                        .getAttributeList();
        assertThat(Attrs.string(code, "CodeValue")).isEqualTo("NOFINDING");
        assertThat(Attrs.string(code, "CodingSchemeDesignator")).isEqualTo("99CANARY");
        assertThat(Attrs.string(code, "CodeMeaning")).isEqualTo("(NOFINDING, 99CANARY)");
        assertThat(Attrs.strings(sr, "DeidentificationMethod")).contains("Descriptors cleaned");
        // the UIDREF item's study UID is remapped like the study's own
        assertThat(Attrs.string(content.getItem(4).getAttributeList(), "UID"))
                .isEqualTo(Attrs.string(sr, "StudyInstanceUID"))
                .startsWith("2.25.");
        // the report still points at its patient's two slices, under their new UIDs
        Set<String> slices = new HashSet<>();
        for (String n : List.of("P0003/001/0001.dcm", "P0003/001/0002.dcm")) {
            slices.add(Attrs.string(DicomFiles.read(out.resolve(n)), "SOPInstanceUID"));
        }
        Set<String> referenced = new HashSet<>();
        Walk.each(
                sr,
                (owner, a, path) -> {
                    if (path.startsWith("CurrentRequestedProcedureEvidenceSequence")
                            && path.endsWith("ReferencedSOPInstanceUID")) {
                        referenced.add(Walk.value(a));
                    }
                });
        assertThat(referenced).isEqualTo(slices).allMatch(u -> u.startsWith("2.25."));
        // last, as it skips the rest when dicom3tools is not installed
        for (String name : names) {
            boolean report = name.contains("/002/");
            Dciodvfy.Report r =
                    Dciodvfy.assertValid(out.resolve(name), report ? "ComprehensiveSR" : "CTImage");
            System.out.println(
                    "dciodvfy warnings, de-identified canary " + name + ": " + r.warnings());
        }
    }

    @Test
    void retainDeviceIdentityKeepsALatin1ManufacturerAndItsCharacterSet() throws Exception {
        Path in = written.get(3).file();
        AttributeList l = DicomFiles.read(in);
        com.pixelmed.dicom.Attribute m =
                com.pixelmed.dicom.AttributeFactory.newAttribute(
                        Attrs.tag("Manufacturer"),
                        "LO".getBytes(StandardCharsets.US_ASCII),
                        new com.pixelmed.dicom.SpecificCharacterSet(new String[] {"ISO_IR 100"}));
        m.addValue("RÖNTGENWERK");
        l.put(m);
        Attrs.put(l, "EthnicGroup", "GROUP A");
        Attrs.put(l, "Allergies", "noted by " + CanaryStudy.PATIENTS.get(0).family());
        DicomFiles.write(l, in);
        Path out = dir.resolve("device.dcm");
        Deidentifier.builder()
                .setUidKey(DeidentifierTest.KEY)
                .optOption(DeidOption.RETAIN_DEVICE_IDENTITY)
                .optOption(DeidOption.RETAIN_PATIENT_CHARACTERISTICS)
                .build()
                .deidentify(in, out, Pseudonym.of("P0003"));
        AttributeList d = DicomFiles.read(out);
        assertThat(Attrs.string(d, "Manufacturer")).isEqualTo("RÖNTGENWERK");
        assertThat(Attrs.string(d, "ManufacturerModelName")).isEqualTo("SCANNER 9");
        assertThat(Attrs.string(d, "StationName")).isEqualTo("CT01");
        assertThat(Attrs.string(d, "ConvolutionKernel")).isEqualTo("B30f");
        assertThat(Attrs.string(d, "EthnicGroup")).isEqualTo("GROUP A");
        // narrative kept by the table under Retain Patient Characteristics is replaced all the same
        assertThat(d.get(Attrs.tag("Allergies"))).isNull();
        assertThat(Attrs.string(d, "SpecificCharacterSet")).isEqualTo("ISO_IR 100");
        byte[] bytes = Files.readAllBytes(out);
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).contains("RÖNTGENWERK");
        assertThat(CanaryStudy.findIn(bytes)).isEmpty();
        assertThat(PhiScanner.scan(out).phi()).isEmpty();
        assertThat(PhiScanner.scan(out).findings())
                .filteredOn(f -> f.keyword().equals("Manufacturer"))
                .singleElement()
                .satisfies(f -> assertThat(f.kind()).isEqualTo(PhiKind.RETAINED_BY_OPTION));
        Dciodvfy.assertValid(out, "CTImage");
    }

    @Test
    void anAttributeOfUnknownVrIsReportedAndRemoved() throws Exception {
        Path in = written.get(0).file();
        AttributeList l = DicomFiles.read(in);
        // a standard (even) group, an element no dictionary knows: written and read back as UN
        com.pixelmed.dicom.UnknownAttribute un =
                new com.pixelmed.dicom.UnknownAttribute(
                        new com.pixelmed.dicom.AttributeTag(0x0010, 0x9F01));
        un.setValues("CANARYALPHA^ANNA".getBytes(StandardCharsets.US_ASCII));
        l.put(un);
        DicomFiles.write(l, in);
        assertThat(PhiScanner.scan(in).phi())
                .filteredOn(f -> f.path().equals("(0010,9F01)"))
                .singleElement()
                .satisfies(f -> assertThat(f.kind()).isEqualTo(PhiKind.FREE_TEXT))
                .satisfies(f -> assertThat(f.size()).isEqualTo(16));
        Path out = dir.resolve("un.dcm");
        Deidentifier.builder()
                .setUidKey(DeidentifierTest.KEY)
                .build()
                .deidentify(in, out, Pseudonym.of("P0001"));
        assertThat(DicomFiles.read(out).get(new com.pixelmed.dicom.AttributeTag(0x0010, 0x9F01)))
                .isNull();
        assertThat(CanaryStudy.findIn(Files.readAllBytes(out))).isEmpty();
        assertThat(PhiScanner.scan(out).phi()).isEmpty();
    }

    @Test
    void aFileDeclaringItselfCleanedIsStillReportedWhenItsTextIsNot() throws Exception {
        Path out = dir.resolve("clean.dcm");
        Deidentifier.builder()
                .setUidKey(DeidentifierTest.KEY)
                .build()
                .deidentify(written.get(2).file(), out, Pseudonym.of("P0001"));
        assertThat(PhiScanner.scan(out).phi()).isEmpty();
        // what a careless tool leaves behind although it declares Clean Structured Content
        AttributeList l = DicomFiles.read(out);
        SequenceAttribute content = (SequenceAttribute) l.get(Attrs.tag("ContentSequence"));
        Attrs.put(content.getItem(1).getAttributeList(), "TextValue", "seen CANARYALPHA");
        Attrs.put(content.getItem(2).getAttributeList(), "Date", "19470312");
        AttributeList procedure = Attrs.item(l, "ProcedureCodeSequence");
        Attrs.put(procedure, "CodeValue", "CTCHEST");
        Attrs.put(procedure, "CodingSchemeDesignator", "99CANARY");
        Attrs.put(procedure, "CodeMeaning", "CT of CANARYALPHA");
        DicomFiles.write(l, out);
        PhiScan scan = PhiScanner.scan(out);
        assertThat(scan.declaredDeidentified()).isTrue();
        assertThat(scan.phi())
                .extracting(PhiFinding::path, PhiFinding::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "ProcedureCodeSequence[1] > CodeMeaning (0008,0104)",
                                PhiKind.FREE_TEXT),
                        org.assertj.core.groups.Tuple.tuple(
                                "ContentSequence[2] > TextValue (0040,A160)", PhiKind.FREE_TEXT),
                        org.assertj.core.groups.Tuple.tuple(
                                "ContentSequence[3] > Date (0040,A121)",
                                PhiKind.IDENTIFYING_ATTRIBUTE));
    }
}
