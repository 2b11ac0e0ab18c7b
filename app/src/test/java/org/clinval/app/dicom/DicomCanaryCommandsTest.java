package org.clinval.app.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.clinval.app.testing.CliRun;
import org.clinval.imaging.testing.CanaryStudy;
import org.clinval.imaging.testing.Dciodvfy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clinval dicom phi-scan} and {@code clinval dicom deid} on the canary study: three patients
 * whose names, IDs and birth dates sit in folder and file names, private attributes, nested
 * sequences, code meanings, a structured report, and (for one) Latin-1 text.
 */
class DicomCanaryCommandsTest {

    @TempDir Path dir;

    private Path in;
    private List<CanaryStudy.Written> written;

    @BeforeEach
    void write() throws Exception {
        in = dir.resolve("in");
        written = CanaryStudy.write(in);
    }

    private static List<Path> files(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void phiScanReportsEveryPlacementOfEveryFileByPathAndNoValue() throws Exception {
        CliRun r = CliRun.of("dicom", "phi-scan", in.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(PhiScanCommand.PHI_FOUND);
        JsonNode o = r.json();
        assertThat(o.get("files_scanned").asInt()).isEqualTo(9);
        assertThat(o.get("files_with_phi").asInt()).isEqualTo(9);
        assertThat(o.get("skipped")).hasSize(3);
        Map<String, List<String>> phiByFile = new HashMap<>();
        for (JsonNode f : o.get("files")) {
            List<String> paths = new ArrayList<>();
            f.get("findings")
                    .forEach(
                            x -> {
                                if (x.get("phi").asBoolean()) {
                                    paths.add(x.get("path").asText());
                                }
                            });
            phiByFile.put(f.get("file").asText(), paths);
            // the findings name places, never values: only the file's own path may hold a canary
            ((ObjectNode) f).remove("file");
        }
        for (CanaryStudy.Written w : written) {
            assertThat(phiByFile.get(w.file().toString()))
                    .as("PHI reported in %s", w.file())
                    .containsExactlyInAnyOrderElementsOf(w.allPhi());
        }
        ((ObjectNode) o).remove("skipped");
        assertThat(CanaryStudy.findIn(o.toString())).isEmpty();
    }

    @Test
    void deidOfThreePatientsLeavesNoCanaryInBytesNamesOrOutputAndKeepsTheKeyApart()
            throws Exception {
        Path out = dir.resolve("out");
        Path key = dir.resolve("secret").resolve("key.csv");
        CliRun r =
                CliRun.of(
                        "dicom",
                        "deid",
                        in.toString(),
                        out.toString(),
                        "--key-file",
                        key.toString(),
                        "--retain-device-identity");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(CanaryStudy.findIn(r.out())).as("stdout").isEmpty();
        assertThat(CanaryStudy.findIn(r.err())).as("stderr").isEmpty();
        JsonNode o = r.json();
        assertThat(o.get("inputs").asInt()).isEqualTo(12);
        assertThat(o.get("written").asInt()).isEqualTo(9);
        assertThat(o.get("skipped").asInt()).isEqualTo(3);
        assertThat(o.get("failed").asInt()).isZero();
        assertThat(o.get("patients").asInt()).isEqualTo(3);
        assertThat(o.get("pseudonyms").asText()).isEqualTo("generated");
        assertThat(o.get("options").toString()).isEqualTo("[\"retain-device-identity\"]");
        List<String> outputs = new ArrayList<>();
        o.get("outputs")
                .forEach(
                        x ->
                                outputs.add(
                                        x.get("input").asInt()
                                                + " "
                                                + out.toAbsolutePath()
                                                        .relativize(
                                                                Path.of(x.get("file").asText()))));
        assertThat(outputs)
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
        List<Path> result = files(out);
        assertThat(result).hasSize(9);
        for (Path f : result) {
            String name = out.relativize(f).toString();
            assertThat(CanaryStudy.findIn(name)).as("name %s", name).isEmpty();
            assertThat(CanaryStudy.findIn(Files.readAllBytes(f))).as("bytes of %s", name).isEmpty();
        }
        CliRun scan = CliRun.of("dicom", "phi-scan", out.toString());
        assertThat(scan.exit()).as(scan.out()).isZero();
        assertThat(scan.json().get("files_with_phi").asInt()).isZero();

        // the key: outside OUT, owner-only, patient → pseudonym in order of first appearance
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(key, StandardCharsets.UTF_8))
                .isEqualTo(
                        "# clinval dicom deid re-identification key: keep it apart from the"
                                + " de-identified files\n"
                                + "patient_id,pseudonym\n"
                                + "CANPID0001,P0001\n"
                                + "CANPID0003,P0002\n"
                                + "CANPID0002,P0003\n");
        // ...which a later run reads as its map, giving the same pseudonyms
        Path again = dir.resolve("again");
        CliRun second =
                CliRun.of(
                        "dicom",
                        "deid",
                        in.toString(),
                        again.toString(),
                        "--pseudonym-map",
                        key.toString());
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.json().get("pseudonyms").asText()).isEqualTo("map");
        assertThat(files(again).stream().map(f -> again.relativize(f).toString()))
                .containsExactlyElementsOf(
                        result.stream().map(f -> out.relativize(f).toString()).toList());
        // last, as it skips the rest when dicom3tools is not installed
        for (Path f : result) {
            String name = out.relativize(f).toString();
            Dciodvfy.assertValid(f, name.contains("/002/") ? "ComprehensiveSR" : "CTImage");
        }
    }

    @Test
    void aPseudonymMapNamesTheMissingPatientByPositionAndWritesNothing() throws Exception {
        Path map =
                Files.writeString(
                        dir.resolve("map.csv"),
                        "# study X\npatient_id,pseudonym\nCANPID0001,case-a\nCANPID0002,case-b\n");
        Path out = dir.resolve("out");
        Path key = dir.resolve("key.csv");
        CliRun r =
                CliRun.of(
                        "dicom",
                        "deid",
                        in.toString(),
                        out.toString(),
                        "--pseudonym-map",
                        map.toString(),
                        "--key-file",
                        key.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err())
                .isEqualTo(
                        "clinval: 1 patient is not in the pseudonym map: patient 2 (first in"
                                + " input #5, 3 files)\n");
        assertThat(r.out()).isEmpty();
        assertThat(out).doesNotExist();
        assertThat(key).doesNotExist();

        Files.writeString(map, "patient_id,pseudonym\nCANPID0001,case-a\nCANPID0003,../b\n");
        CliRun bad =
                CliRun.of(
                        "dicom",
                        "deid",
                        in.toString(),
                        out.toString(),
                        "--pseudonym-map",
                        map.toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err())
                .isEqualTo(
                        "clinval: "
                                + map
                                + " line 3, column 'pseudonym': not 1-64 letters, digits, '.', '_'"
                                + " or '-' starting with a letter or digit\n");

        Files.writeString(
                map,
                "patient_id,pseudonym\nCANPID0001,case-a\nCANPID0003,case-c\nCANPID0001,case-d\n");
        CliRun twice =
                CliRun.of(
                        "dicom",
                        "deid",
                        in.toString(),
                        out.toString(),
                        "--pseudonym-map",
                        map.toString());
        assertThat(twice.err())
                .isEqualTo(
                        "clinval: "
                                + map
                                + " line 4, column 'patient_id': the same patient as line 2; give"
                                + " each patient one row\n");
        assertThat(CanaryStudy.findIn(bad.err() + twice.err())).isEmpty();
    }

    @Test
    void aKeyFileInsideOutOrAlreadyThereIsRefused() throws Exception {
        Path out = dir.resolve("out");
        CliRun inside =
                CliRun.of(
                        "dicom",
                        "deid",
                        in.toString(),
                        out.toString(),
                        "--key-file",
                        out.resolve("keys/key.csv").toString());
        assertThat(inside.exit()).isEqualTo(1);
        assertThat(inside.err())
                .isEqualTo(
                        "clinval: "
                                + out.resolve("keys/key.csv")
                                + ": the key file must not be inside OUT "
                                + out
                                + ": it re-identifies the output, so keep it apart\n");
        // through a symbolic link to OUT as well
        Files.createDirectories(out);
        Path link = Files.createSymbolicLink(dir.resolve("link"), out);
        CliRun linked =
                CliRun.of(
                        "dicom",
                        "deid",
                        in.toString(),
                        out.toString(),
                        "--key-file",
                        link.resolve("key.csv").toString());
        assertThat(linked.exit()).isEqualTo(1);
        assertThat(linked.err()).contains("the key file must not be inside OUT");
        assertThat(files(out)).isEmpty();

        Path existing = Files.writeString(dir.resolve("old-key.csv"), "patient_id,pseudonym\n");
        CliRun exists =
                CliRun.of(
                        "dicom",
                        "deid",
                        in.toString(),
                        dir.resolve("out2").toString(),
                        "--key-file",
                        existing.toString());
        assertThat(exists.exit()).isEqualTo(1);
        assertThat(exists.err())
                .isEqualTo(
                        "clinval: "
                                + existing
                                + ": the key file exists; not overwritten: choose a new file or"
                                + " move it\n");
        assertThat(Files.readString(existing)).isEqualTo("patient_id,pseudonym\n");
    }

    @Test
    void aRefusedFileIsNamedByPositionAndTheOthersAreWritten() throws Exception {
        // burned-in annotation on patient CANARYGAMMA's first slice: input #5
        Path burned = written.get(6).file();
        CanaryStudy.markBurnedIn(burned);
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("dicom", "deid", in.toString(), out.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err())
                .contains(
                        "clinval: input #5: Burned In Annotation is YES: the pixels may show"
                                + " identifying text, which this de-identification does not"
                                + " clean; not written\n",
                        "clinval: 1 of 9 DICOM files not de-identified\n");
        assertThat(CanaryStudy.findIn(r.err() + r.out())).isEmpty();
        JsonNode o = r.json();
        assertThat(o.get("written").asInt()).isEqualTo(8);
        assertThat(o.get("failed").asInt()).isEqualTo(1);
        JsonNode failure = o.get("not_written").get(1);
        assertThat(failure.get("input").asInt()).isEqualTo(5);
        assertThat(failure.get("failure").asBoolean()).isTrue();
        assertThat(files(out)).hasSize(8);
        assertThat(out.resolve("P0002/001/0001.dcm")).doesNotExist();
    }
}
