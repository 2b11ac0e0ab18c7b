package org.clinval.imaging.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixelmed.dicom.AttributeList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.dicom.write.internal.Attrs;
import org.clinval.imaging.dicom.write.internal.DicomFiles;
import org.clinval.imaging.testing.CanaryStudy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeidPlanTest {

    @TempDir Path dir;

    /** The canary study's 12 files in sorted path order: #4, #8 and #12 are the notes. */
    private List<Path> inputs;

    @BeforeEach
    void write() throws Exception {
        CanaryStudy.write(dir.resolve("in"));
        inputs = sorted(dir.resolve("in"));
    }

    private static List<Path> sorted(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void generatedPseudonymsFollowFirstAppearanceAndNamesAreNumbersOnly() throws Exception {
        DeidPlan plan = DeidPlan.of(inputs, Pseudonyms.generated());
        assertThat(plan.entries())
                .extracting(e -> e.input() + " " + e.output())
                .containsExactly(
                        "1 P0001/001/0001.dcm",
                        "2 P0001/001/0002.dcm",
                        "3 P0001/002/0001.dcm",
                        "5 P0002/001/0001.dcm",
                        "6 P0002/001/0002.dcm",
                        "7 P0002/002/0001.dcm",
                        "9 P0003/001/0001.dcm",
                        "10 P0003/001/0002.dcm",
                        "11 P0003/002/0001.dcm");
        assertThat(plan.excluded())
                .containsExactly(
                        new DeidPlan.Excluded(4, "not a DICOM Part 10 file", false),
                        new DeidPlan.Excluded(8, "not a DICOM Part 10 file", false),
                        new DeidPlan.Excluded(12, "not a DICOM Part 10 file", false));
        // sorted paths put CANARYGAMMA before MÜLLERCANARY: patients are numbered as they come
        assertThat(plan.key())
                .containsExactly(
                        new DeidPlan.KeyRow("CANPID0001", "P0001"),
                        new DeidPlan.KeyRow("CANPID0003", "P0002"),
                        new DeidPlan.KeyRow("CANPID0002", "P0003"));
        for (DeidPlan.Entry e : plan.entries()) {
            assertThat(CanaryStudy.findIn(e.output().toString())).isEmpty();
        }
    }

    @Test
    void aMapGivesItsPseudonymsAndMissingPatientsAreNamedByPositionOnly() throws Exception {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("CANPID0002", "case-b");
        map.put(" CANPID0001 ", "case-a");
        map.put("SOMEONE-ELSE", "case-z");
        map.put("CANPID0003", "case-c");
        DeidPlan plan = DeidPlan.of(inputs, Pseudonyms.fromMap(map));
        assertThat(plan.entries())
                .extracting(DeidPlan.Entry::pseudonym)
                .containsExactly(
                        "case-a", "case-a", "case-a", "case-c", "case-c", "case-c", "case-b",
                        "case-b", "case-b");
        assertThat(plan.key()).hasSize(3);

        map.remove("CANPID0002");
        map.remove("CANPID0003");
        assertThatThrownBy(() -> DeidPlan.of(inputs, Pseudonyms.fromMap(map)))
                .isInstanceOf(ImagingException.class)
                .hasMessage(
                        "2 patients are not in the pseudonym map: patient 2 (first in input #5,"
                                + " 3 files); patient 3 (first in input #9, 3 files)");
    }

    @Test
    void onePseudonymRefusesASecondPatientNamingInputsByPosition() {
        assertThatThrownBy(() -> DeidPlan.of(inputs, Pseudonyms.single("case-1")))
                .isInstanceOf(ImagingException.class)
                .hasMessage(
                        "input #5 belongs to another patient than input #1; one pseudonym cannot"
                                + " cover two patients: give a pseudonym map, or let pseudonyms"
                                + " be generated");
    }

    @Test
    void filesWithoutPatientIdOrUnreadableAreNamedByPosition() throws Exception {
        Path f = inputs.get(0);
        AttributeList l = DicomFiles.read(f);
        Attrs.put(l, "PatientID");
        DicomFiles.write(l, f);
        assertThatThrownBy(() -> DeidPlan.of(inputs, Pseudonyms.generated()))
                .hasMessage(
                        "input #1 has no Patient ID, so its patient cannot be told apart from"
                                + " others; give its patient's files a run of their own with one"
                                + " pseudonym");
        // with one pseudonym an empty Patient ID is just the one patient
        assertThat(DeidPlan.of(inputs.subList(0, 1), Pseudonyms.single("c")).entries()).hasSize(1);

        byte[] broken = new byte[200];
        broken[128] = 'D';
        broken[129] = 'I';
        broken[130] = 'C';
        broken[131] = 'M';
        byte[] truncated = java.util.Arrays.copyOf(broken, 140);
        // group 0002 element 0010 UI, length 0xFFFF: far beyond the end of the file
        byte[] element = {0x02, 0x00, 0x10, 0x00, 'U', 'I', (byte) 0xFF, (byte) 0xFF};
        System.arraycopy(element, 0, truncated, 132, element.length);
        List<Path> withBroken = new ArrayList<>(inputs.subList(1, 3));
        withBroken.add(Files.write(dir.resolve("zeros.dcm"), broken));
        withBroken.add(Files.write(dir.resolve("truncated.dcm"), truncated));
        assertThat(DeidPlan.of(withBroken, Pseudonyms.generated()).excluded())
                .containsExactly(
                        new DeidPlan.Excluded(
                                3, "has no SOP Class UID: not a composite instance", true),
                        new DeidPlan.Excluded(4, "not a readable DICOM file", true));
    }

    @Test
    void pseudonymsMustBeValidFolderNamesAndUnique() {
        assertThatThrownBy(() -> Pseudonyms.single("../up"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "pseudonym '../up' cannot name a folder: use 1-64 letters, digits, '.',"
                                + " '_' or '-', starting with a letter or digit");
        assertThatThrownBy(() -> Pseudonyms.single("a\\b")).hasMessageContaining("backslash");
        assertThatThrownBy(() -> Pseudonyms.fromMap(Map.of("A1", "same", "A2", "same")))
                .hasMessage("pseudonym 'same' is given to two patients in the map");
        assertThat(Pseudonyms.isValid("P0001")).isTrue();
        assertThat(Pseudonyms.isValid(".hidden")).isFalse();
        assertThat(Pseudonyms.isValid("a b")).isFalse();
    }
}
