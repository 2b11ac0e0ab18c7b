package org.clinval.imaging.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixelmed.dicom.AttributeList;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.deid.internal.Walk;
import org.clinval.imaging.dicom.write.internal.Attrs;
import org.clinval.imaging.dicom.write.internal.DicomFiles;
import org.clinval.imaging.testing.Dciodvfy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeidentifierTest {

    static final byte[] KEY =
            "a test key of 32 bytes, not real".getBytes(StandardCharsets.US_ASCII);

    @TempDir Path dir;

    private static Deidentifier deid() {
        return Deidentifier.builder().setUidKey(KEY).build();
    }

    /** Every attribute value at every depth, as text, and the raw bytes as Latin-1 text. */
    private static List<String> everything(Path file) throws Exception {
        List<String> values = new ArrayList<>();
        AttributeList l = DicomFiles.read(file);
        Walk.each(l, (owner, a, path) -> values.add(path + "=" + Walk.value(a)));
        values.add(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
        return values;
    }

    @Test
    void noCanaryValueSurvivesAnywhere() throws Exception {
        Path in = Canaries.write(dir.resolve("in.dcm"), 0);
        // the canaries are really in the input, at the top level, nested and private
        List<String> before = everything(in);
        for (String c : Canaries.ALL) {
            assertThat(before).as("canary %s written", c).anyMatch(v -> v.contains(c));
        }
        Path out = dir.resolve("out.dcm");
        deid().deidentify(in, out, Pseudonym.of("case-0007"));
        List<String> after = everything(out);
        for (String c : Canaries.ALL) {
            assertThat(after).as("canary %s left", c).noneMatch(v -> v.contains(c));
        }
        assertThat(after).noneMatch(v -> v.contains(Canaries.studyUid()));
        AttributeList l = DicomFiles.read(out);
        assertThat(Attrs.string(l, "PatientID")).isEqualTo("case-0007");
        assertThat(Attrs.string(l, "PatientName")).isEqualTo("case-0007");
        assertThat(Attrs.string(l, "PatientIdentityRemoved")).isEqualTo("YES");
        assertThat(Attrs.string(l, "LongitudinalTemporalInformationModified")).isEqualTo("REMOVED");
        assertThat(Attrs.strings(l, "DeidentificationMethod"))
                .contains("PS3.15 Basic Application Level Confidentiality Profile");
        // without Retain Patient Characteristics, age and weight go too
        assertThat(l.get(Attrs.tag("PatientAge"))).isNull();
        assertThat(l.get(Attrs.tag("PatientWeight"))).isNull();
    }

    @Test
    void deidentifiedCtStillPassesDciodvfyAndThePhiScan() throws Exception {
        Path in = Canaries.write(dir.resolve("in.dcm"), 0);
        PhiScan raw = PhiScanner.scan(in);
        assertThat(raw.hasPhi()).isTrue();
        Set<String> flagged = new HashSet<>();
        raw.phi().forEach(f -> flagged.add(f.keyword()));
        assertThat(flagged)
                .contains(
                        "PatientName",
                        "PatientID",
                        "PatientBirthDate",
                        "PatientAddress",
                        "OtherPatientIDs",
                        "InstitutionName",
                        "ReferringPhysicianName",
                        "AccessionNumber",
                        "StudyDate",
                        "(0009,1001)");
        // the nested private attribute and the nested accession number are found too
        assertThat(raw.phi())
                .anyMatch(f -> f.location().equals("RequestAttributesSequence[1] > (0009,1001)"))
                .anyMatch(f -> f.location().equals("OtherPatientIDsSequence[1] > PatientID"));
        // the report names what is there, never the value
        assertThat(raw.findings().toString()).doesNotContain("CANARY", Canaries.BIRTH_DATE);

        Path out = dir.resolve("out.dcm");
        deid().deidentify(in, out, Pseudonym.of("case-0007"));
        PhiScan clean = PhiScanner.scan(out);
        assertThat(clean.declaredDeidentified()).isTrue();
        assertThat(clean.phi()).isEmpty();
        assertThat(clean.findings())
                .anyMatch(
                        f -> f.keyword().equals("PatientID") && f.kind() == PhiKind.REPLACED_VALUE);
        Dciodvfy.Report r = Dciodvfy.assertValid(out, "CTImage");
        System.out.println("dciodvfy warnings, de-identified CT: " + r.warnings());
    }

    @Test
    void uidsMapConsistentlyAcrossFilesAndRunsWithTheSameKeyOnly() throws Exception {
        List<AttributeList> outs = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            Path in = Canaries.write(dir.resolve("in" + k + ".dcm"), k);
            Path out = dir.resolve("out" + k + ".dcm");
            // a new de-identifier per file: consistency does not depend on shared state
            deid().deidentify(in, out, Pseudonym.of("case-0007"));
            outs.add(DicomFiles.read(out));
        }
        Set<String> studies = new HashSet<>();
        Set<String> series = new HashSet<>();
        Set<String> frames = new HashSet<>();
        Set<String> sops = new HashSet<>();
        for (AttributeList l : outs) {
            studies.add(Attrs.string(l, "StudyInstanceUID"));
            series.add(Attrs.string(l, "SeriesInstanceUID"));
            frames.add(Attrs.string(l, "FrameOfReferenceUID"));
            sops.add(Attrs.string(l, "SOPInstanceUID"));
            assertThat(Attrs.string(l, "MediaStorageSOPInstanceUID"))
                    .isEqualTo(Attrs.string(l, "SOPInstanceUID"));
            assertThat(Attrs.string(l, "SOPClassUID")).isEqualTo("1.2.840.10008.5.1.4.1.1.2");
        }
        assertThat(studies).hasSize(1).doesNotContain(Canaries.studyUid());
        assertThat(studies.iterator().next()).startsWith("2.25.");
        assertThat(series).hasSize(1);
        assertThat(frames).hasSize(1);
        assertThat(sops).hasSize(3);
        // the reference to the study inside Referenced Study Sequence maps to the same new UID
        UidRemapper same = new UidRemapper(KEY);
        assertThat(same.remap(Canaries.studyUid())).isEqualTo(studies.iterator().next());
        UidRemapper other = new UidRemapper("another key, also 32 bytes long!".getBytes());
        assertThat(other.remap(Canaries.studyUid())).isNotEqualTo(studies.iterator().next());
        assertThat(same.remap("1.2.840.10008.5.1.4.1.1.2")).isEqualTo("1.2.840.10008.5.1.4.1.1.2");
    }

    @Test
    void retainPatientCharacteristicsKeepsSexAgeAndWeightAndSaysSo() throws Exception {
        Path in = Canaries.write(dir.resolve("in.dcm"), 0);
        Path out = dir.resolve("out.dcm");
        Deidentifier.builder()
                .setUidKey(KEY)
                .optOption(DeidOption.RETAIN_PATIENT_CHARACTERISTICS)
                .build()
                .deidentify(in, out, Pseudonym.of("case-1"));
        AttributeList l = DicomFiles.read(out);
        assertThat(Attrs.string(l, "PatientSex")).isEqualTo("F");
        assertThat(Attrs.string(l, "PatientAge")).isEqualTo("071Y");
        assertThat(Attrs.string(l, "PatientWeight")).isEqualTo("61.5");
        PhiScan scan = PhiScanner.scan(out);
        assertThat(scan.phi()).isEmpty();
        assertThat(scan.findings())
                .anyMatch(
                        f ->
                                f.keyword().equals("PatientAge")
                                        && f.kind() == PhiKind.RETAINED_BY_OPTION);
    }

    @Test
    void burnedInAnnotationIsRefusedByDefaultAndFlaggedOnRequest() throws Exception {
        Path in = Canaries.write(dir.resolve("in.dcm"), 0);
        AttributeList l = DicomFiles.read(in);
        Attrs.put(l, "BurnedInAnnotation", "YES");
        DicomFiles.write(l, in);
        Path out = dir.resolve("out.dcm");
        assertThatThrownBy(() -> deid().deidentify(in, out, Pseudonym.of("c")))
                .isInstanceOf(ImagingException.class)
                .hasMessageContaining(in.toString())
                .hasMessageContaining("Burned In Annotation is YES");
        assertThat(out).doesNotExist();

        DeidResult r =
                Deidentifier.builder()
                        .setUidKey(KEY)
                        .optBurnedInPolicy(BurnedInPolicy.FLAG)
                        .build()
                        .deidentify(in, out, Pseudonym.of("c"));
        assertThat(r.burnedInAnnotation()).isTrue();
        assertThat(r.warnings()).anyMatch(w -> w.contains("pixels not cleaned"));
        PhiScan scan = PhiScanner.scan(out);
        assertThat(scan.phi())
                .singleElement()
                .extracting(PhiFinding::kind)
                .isEqualTo(PhiKind.BURNED_IN_ANNOTATION);
    }

    @Test
    void refusesAShortKeyAndABadPseudonym() {
        assertThatThrownBy(() -> Deidentifier.builder().setUidKey(new byte[8]))
                .hasMessageContaining("UID key has 8 bytes, fewer than 16");
        assertThatThrownBy(() -> Deidentifier.builder().build())
                .hasMessageContaining("a UID key is required");
        assertThatThrownBy(() -> Pseudonym.of("a\\b")).hasMessageContaining("backslash");
        assertThatThrownBy(() -> Pseudonym.of("")).hasMessageContaining("pseudonymous patient ID");
    }

    @Test
    void unreadableInputIsNamed() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.dcm"), "not dicom");
        assertThatThrownBy(() -> deid().deidentify(bad, dir.resolve("o.dcm"), Pseudonym.of("c")))
                .isInstanceOf(ImagingException.class)
                .hasMessageStartingWith(bad.toString());
    }
}
