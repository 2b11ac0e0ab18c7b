package org.clinval.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.clinval.app.testing.CliRun;
import org.clinval.imaging.testing.Dciodvfy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The segmentation and detection demos end to end (Camunda, PixelMed, DJL's U-Net over every slice
 * in the Flink job, Cucumber, Jasper, POI, the device's risk file), each recomputed by an
 * independent implementation: every per-case metric the segmentation run wrote equals MONAI's
 * definitions over scipy.ndimage (validation's segmentation_reference.py) on the masks read back
 * with pydicom from the SEG files the run wrote and from the reference SEGs, to 1e-9; the detection
 * run's FROC and CPM equal the LUNA16 reference implementation (froc_reference.py) on the run's own
 * candidates.csv and lesions.csv. Every SEG and SR the runs wrote passes dciodvfy.
 */
class VolumeDemosIT {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String SCRIPT = "src/test/python/volume_study_reference.py";
    private static final int CASES = 40;

    @TempDir Path dir;

    private JsonNode demo(String task) {
        CliRun r =
                CliRun.of(
                        "demo",
                        "--task",
                        task,
                        "--out",
                        dir.resolve(task).toString(),
                        "--cases",
                        Integer.toString(CASES),
                        "--slices",
                        "16");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode out = r.json();
        assertThat(out.get("state").asText()).isEqualTo("passed");
        assertThat(out.get("records_verified").asBoolean()).isTrue();
        assertThat(Path.of(out.get("risk_report").asText())).isRegularFile();
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
        return out;
    }

    private static List<CSVRecord> rows(Path file) throws Exception {
        try (CSVParser p =
                CSVParser.parse(
                        file,
                        StandardCharsets.UTF_8,
                        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords();
        }
    }

    private static List<JsonNode> python(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), SCRIPT));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(err).isZero();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.lines().toList()) lines.add(json.readTree(line));
        return lines;
    }

    private static void accountedOnce(Path run) throws Exception {
        Set<String> seen = new HashSet<>();
        for (CSVRecord r : rows(run.resolve("case-results.csv"))) {
            assertThat(seen.add(r.get("case_id"))).as(r.get("case_id")).isTrue();
        }
        for (CSVRecord r : rows(run.resolve("quarantine.csv"))) {
            assertThat(seen.add(r.get("case_id"))).as(r.get("case_id")).isTrue();
        }
        assertThat(seen).hasSize(CASES);
    }

    private static List<Path> files(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        }
    }

    @Test
    void segmentationDemoPassesAndEveryMetricIsScipys() throws Exception {
        JsonNode out = demo("segmentation");
        Path run = Path.of(out.get("run").asText());
        Path root = dir.resolve("segmentation");
        accountedOnce(run);

        List<CSVRecord> results = rows(run.resolve("case-results.csv"));
        List<JsonNode> reference =
                python(
                        "segmentation",
                        run.toString(),
                        root.resolve("data/dicom").toString(),
                        root.resolve("data/truth/seg").toString(),
                        run.resolveSibling(run.getFileName() + ".case-key.csv").toString(),
                        "2.0");
        assertThat(reference).hasSize(results.size());
        for (int i = 0; i < results.size(); i++) {
            CSVRecord r = results.get(i);
            JsonNode ref = reference.get(i);
            assertThat(ref.get("case_id").asText()).isEqualTo(r.get("case_id"));
            for (String m :
                    List.of(
                            "dice",
                            "iou",
                            "hd",
                            "hd95",
                            "hd95_pooled",
                            "assd",
                            "surface_dice",
                            "reference_voxels",
                            "predicted_voxels")) {
                String written = r.get(m);
                if (ref.get(m).isNull()) {
                    assertThat(written).as(r.get("case_id") + " " + m).isEmpty();
                } else {
                    assertThat(Double.parseDouble(written))
                            .as(r.get("case_id") + " " + m)
                            .isCloseTo(ref.get(m).asDouble(), within(1e-9));
                }
            }
        }
        for (Path seg : files(run.resolve("results/seg"))) {
            Dciodvfy.assertValid(seg, "Segmentation");
        }
        assertThat(files(run.resolve("results/seg"))).hasSize(results.size());
    }

    @Test
    void detectionDemoPassesAndItsFrocIsLuna16s() throws Exception {
        JsonNode out = demo("detection");
        Path run = Path.of(out.get("run").asText());
        accountedOnce(run);

        JsonNode ref = python("detection", run.toString()).get(0);
        JsonNode froc = new ObjectMapper().readTree(run.resolve("metrics.json").toFile());
        JsonNode d = froc.get("detection").get("froc");
        assertThat(d.get("cpm").get("estimate").asDouble())
                .isCloseTo(ref.get("cpm").asDouble(), within(1e-12));
        for (int k = 0; k < 7; k++) {
            assertThat(d.get("sensitivity_at_fp").get(k).get("estimate").asDouble())
                    .isCloseTo(ref.get("sensitivities").get(k).asDouble(), within(1e-12));
        }
        assertThat(froc.get("detection").get("lesions").asInt())
                .isEqualTo(ref.get("lesions").asInt());
        // The per-scan counts at the operating threshold (0.5) the job wrote, by the LUNA16 rules:
        // one hit per lesion, further candidates on a hit lesion neither hits nor false positives.
        for (CSVRecord r : rows(run.resolve("case-results.csv"))) {
            JsonNode scan = ref.get("per_scan").get(r.get("case_id"));
            for (String k : List.of("lesions", "hits", "false_positives")) {
                assertThat(Integer.parseInt(r.get(k)))
                        .as(r.get("case_id") + " " + k)
                        .isEqualTo(scan.get(k).asInt());
            }
        }
        List<Path> reports = files(run.resolve("results/sr"));
        assertThat(reports).hasSize(rows(run.resolve("case-results.csv")).size());
        List<CSVRecord> candidates = rows(run.resolve("candidates.csv"));
        for (Path sr : reports) {
            Dciodvfy.assertValid(sr, "Comprehensive3DSR");
            // Read back: the same candidates as candidates.csv (coordinates are FL in SCOORD3D).
            String caseId = sr.getFileName().toString().replace(".dcm", "");
            List<CSVRecord> own =
                    candidates.stream().filter(c -> c.get("case_id").equals(caseId)).toList();
            var points = org.clinval.imaging.dicom.write.DetectionReportReader.read(sr).points();
            assertThat(points).as(caseId).hasSize(own.size());
            for (var pt : points) {
                assertThat(own)
                        .as(caseId + " holds the SR's point " + pt)
                        .anySatisfy(
                                c -> {
                                    assertThat(Double.parseDouble(c.get("x")))
                                            .isCloseTo(pt.x(), within(1e-3));
                                    assertThat(Double.parseDouble(c.get("y")))
                                            .isCloseTo(pt.y(), within(1e-3));
                                    assertThat(Double.parseDouble(c.get("z")))
                                            .isCloseTo(pt.z(), within(1e-3));
                                    assertThat(Double.parseDouble(c.get("score")))
                                            .isCloseTo(pt.score(), within(1e-6));
                                });
            }
        }
    }
}
