package org.clinval.app.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clinval.app.testing.CliRun;
import org.clinval.imaging.dicom.write.CtImage;
import org.clinval.imaging.dicom.write.CtImageWriter;
import org.clinval.imaging.dicom.write.CtSeries;
import org.clinval.imaging.dicom.write.PatientStudy;
import org.clinval.imaging.dicom.write.SliceGeometry;
import org.clinval.imaging.dicom.write.SourceSeries;
import org.clinval.imaging.dicom.write.Uids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DicomCommandsTest {

    @TempDir Path dir;

    /** Writes {@code n} slices of an identified (not de-identified) CT series of one patient. */
    private Path patient(Path folder, String id, int n) throws Exception {
        Files.createDirectories(folder);
        PatientStudy who =
                new PatientStudy(
                        id,
                        "DOE^JANE" + id,
                        "F",
                        Uids.derive("cli", id),
                        "S1",
                        Optional.empty(),
                        false);
        CtSeries s =
                CtSeries.builder()
                        .setStudy(who)
                        .setSeriesInstanceUid(Uids.derive("cli", id, "series"))
                        .setFrameOfReferenceUid(Uids.derive("cli", id, "for"))
                        .setBodyPartExamined("CHEST")
                        .build();
        for (int k = 0; k < n; k++) {
            CtImageWriter.write(
                    s,
                    new CtImage(
                            3, 3, new float[9], SliceGeometry.axial(0, 0, 2.0 * k, 1, 1, 2), k + 1),
                    folder.resolve("slice" + k + ".dcm"));
        }
        return folder;
    }

    private static JsonNode json(CliRun r) throws Exception {
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void phiScanFindsTheIdentityWithoutPrintingItAndExitsThree() throws Exception {
        Path in = patient(dir.resolve("in"), "PID123", 1);
        CliRun r = CliRun.of("dicom", "phi-scan", in.toString());
        assertThat(r.exit()).isEqualTo(PhiScanCommand.PHI_FOUND);
        JsonNode o = json(r);
        assertThat(o.get("files_scanned").asInt()).isEqualTo(1);
        assertThat(o.get("files_with_phi").asInt()).isEqualTo(1);
        List<String> keywords = new ArrayList<>();
        o.get("files").get(0).get("findings").forEach(f -> keywords.add(f.get("keyword").asText()));
        assertThat(keywords).contains("PatientName", "PatientID");
        assertThat(r.out()).doesNotContain("DOE", "PID123");
    }

    @Test
    void deidOfAFolderNamesFilesByPseudonymSeriesAndInstanceAndLeavesNoPhi() throws Exception {
        Path in = dir.resolve("in");
        patient(in.resolve("series1"), "PID123", 3);
        Files.writeString(in.resolve("README.txt"), "not dicom");
        Path out = dir.resolve("out");
        CliRun r =
                CliRun.of("dicom", "deid", in.toString(), out.toString(), "--pseudonym", "case-01");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode o = json(r);
        assertThat(o.get("inputs").asInt()).isEqualTo(4);
        assertThat(o.get("written").asInt()).isEqualTo(3);
        assertThat(o.get("skipped").asInt()).isEqualTo(1);
        assertThat(o.get("failed").asInt()).isZero();
        assertThat(o.get("pseudonyms").asText()).isEqualTo("single");
        List<Path> written = new ArrayList<>();
        o.get("outputs").forEach(f -> written.add(Path.of(f.get("file").asText())));
        Path base = out.toAbsolutePath();
        assertThat(written)
                .containsExactly(
                        base.resolve("case-01/001/0001.dcm"),
                        base.resolve("case-01/001/0002.dcm"),
                        base.resolve("case-01/001/0003.dcm"));
        // README.txt sorts first: input #1, named by its position only
        assertThat(o.get("not_written").get(0).get("input").asInt()).isEqualTo(1);
        assertThat(o.get("not_written").get(0).get("reason").asText())
                .isEqualTo("not a DICOM Part 10 file");
        assertThat(r.out()).doesNotContain("README", "slice", "series1");
        assertThat(r.err()).contains("random UID key").doesNotContain("README");
        // one study, one series, one frame of reference after remapping: they read as one series
        assertThat(SourceSeries.read(written).frames()).hasSize(3);
        CliRun scan = CliRun.of("dicom", "phi-scan", out.toString());
        assertThat(scan.exit()).as(scan.out()).isZero();
        assertThat(json(scan).get("files_with_phi").asInt()).isZero();
    }

    @Test
    void theSameKeyFileGivesByteIdenticalOutput() throws Exception {
        Path in = patient(dir.resolve("in"), "PID9", 1);
        Path key = Files.writeString(dir.resolve("key"), "0123456789abcdef0123456789abcdef");
        for (String o : List.of("a", "b")) {
            CliRun r =
                    CliRun.of(
                            "dicom",
                            "deid",
                            in.toString(),
                            dir.resolve(o).toString(),
                            "--pseudonym",
                            "case-9",
                            "--uid-key-file",
                            key.toString());
            assertThat(r.exit()).as(r.err()).isZero();
        }
        assertThat(Files.readAllBytes(dir.resolve("a/case-9/001/0001.dcm")))
                .isEqualTo(Files.readAllBytes(dir.resolve("b/case-9/001/0001.dcm")));
    }

    @Test
    void refusesToGiveTwoPatientsOnePseudonym() throws Exception {
        Path in = dir.resolve("in");
        patient(in.resolve("a"), "PID1", 1);
        patient(in.resolve("b"), "PID2", 1);
        CliRun r =
                CliRun.of(
                        "dicom",
                        "deid",
                        in.toString(),
                        dir.resolve("out").toString(),
                        "--pseudonym",
                        "c");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err())
                .isEqualTo(
                        "clinval: input #2 belongs to another patient than input #1;"
                                + " one pseudonym cannot cover two patients: give a pseudonym"
                                + " map, or let pseudonyms be generated\n");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void badInputsAreNamedOnOneLine() throws Exception {
        Path in = patient(dir.resolve("in"), "PID1", 1);
        CliRun inside =
                CliRun.of(
                        "dicom",
                        "deid",
                        in.toString(),
                        in.resolve("sub").toString(),
                        "--pseudonym",
                        "c");
        assertThat(inside.exit()).isEqualTo(1);
        assertThat(inside.err()).contains("OUT must not be IN or inside it");

        Path shortKey = Files.writeString(dir.resolve("k"), "short");
        CliRun key =
                CliRun.of(
                        "dicom",
                        "deid",
                        in.toString(),
                        dir.resolve("o").toString(),
                        "--pseudonym",
                        "c",
                        "--uid-key-file",
                        shortKey.toString());
        assertThat(key.exit()).isEqualTo(1);
        assertThat(key.err()).contains(shortKey + ": the UID key has 5 bytes, fewer than 16");

        Path map = Files.writeString(dir.resolve("map.csv"), "patient_id,pseudonym\nPID1,a\n");
        CliRun both =
                CliRun.of(
                        "dicom",
                        "deid",
                        in.toString(),
                        dir.resolve("o").toString(),
                        "--pseudonym",
                        "c",
                        "--pseudonym-map",
                        map.toString());
        assertThat(both.exit()).isEqualTo(1);
        assertThat(both.err())
                .isEqualTo("clinval: give --pseudonym or --pseudonym-map, not both\n");

        CliRun pseudonym =
                CliRun.of(
                        "dicom",
                        "deid",
                        in.toString(),
                        dir.resolve("o").toString(),
                        "--pseudonym",
                        "a\\b");
        assertThat(pseudonym.exit()).isEqualTo(1);
        assertThat(pseudonym.err()).contains("backslash");

        CliRun folder =
                CliRun.of(
                        "dicom",
                        "deid",
                        in.toString(),
                        dir.resolve("o").toString(),
                        "--pseudonym",
                        "../up");
        assertThat(folder.exit()).isEqualTo(1);
        assertThat(folder.err()).contains("pseudonym '../up' cannot name a folder");

        Files.createDirectories(dir.resolve("full"));
        Files.writeString(dir.resolve("full/old.dcm"), "x");
        CliRun full = CliRun.of("dicom", "deid", in.toString(), dir.resolve("full").toString());
        assertThat(full.exit()).isEqualTo(1);
        assertThat(full.err())
                .isEqualTo(
                        "clinval: "
                                + dir.resolve("full")
                                + ": OUT exists and is not empty; de-identify into a new folder\n");

        Path notDicom = Files.writeString(dir.resolve("x.dcm"), "hello");
        CliRun scan = CliRun.of("dicom", "phi-scan", notDicom.toString());
        assertThat(scan.exit()).isEqualTo(1);
        assertThat(scan.err()).contains(notDicom.toString());
        assertThat(json(scan).get("files_unreadable").asInt()).isEqualTo(1);

        CliRun none = CliRun.of("dicom", "phi-scan", dir.resolve("nope").toString());
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).contains("nope: no such file or folder");
    }
}
