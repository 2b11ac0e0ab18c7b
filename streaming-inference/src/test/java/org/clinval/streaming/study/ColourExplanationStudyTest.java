package org.clinval.streaming.study;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.clinval.common.grading.GradeReference;
import org.clinval.common.grading.GradeScale;
import org.clinval.common.grading.ReferenceRule;
import org.clinval.imaging.model.DicomSlices;
import org.clinval.imaging.model.ImageSlice;
import org.clinval.imaging.testing.ColourGrader;
import org.clinval.imaging.testing.Dciodvfy;
import org.clinval.imaging.testing.Python;
import org.clinval.streaming.JobSettings;
import org.clinval.streaming.explain.ExplanationTask;
import org.clinval.streaming.explain.ExplanationTask.Kind;
import org.clinval.validation.ThresholdRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A graded study of colour photographs (Ophthalmic Photography, RGB, no Pixel Spacing) with
 * Grad-CAM explanations: every drawn case is explained for its predicted grade, with original.png
 * in the photograph's colours and a Secondary Capture overlay that passes the IOD check.
 */
class ColourExplanationStudyTest {

    static final List<String> GRADES =
            List.of("none", "mild", "moderate", "severe", "proliferative");

    @TempDir Path dir;

    private static List<CSVRecord> rows(Path file) throws Exception {
        try (CSVParser p =
                CSVParser.parse(
                        file,
                        StandardCharsets.UTF_8,
                        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords();
        }
    }

    @Test
    void gradCamExplainsEachDrawnColourCaseForItsPredictedGrade() throws Exception {
        Path study = dir.resolve("study");
        Python.run("make_colour_study.py", study.toString(), "6");
        Path descriptor = ColourGrader.write(Files.createDirectories(dir.resolve("model")));
        // Lesion masks: each photograph's red disc (R 250, G 30, B 30) as NIfTI-1, columns × rows
        // × 1, without a transform (a photograph has no patient axes).
        Path masks = Files.createDirectories(dir.resolve("masks"));
        Map<String, String> maskOf = new HashMap<>();
        List<String> maskLines = new java.util.ArrayList<>(List.of("case_id,mask"));
        for (int k = 1; k <= 6; k++) {
            String id = String.format("case-%04d", k);
            ImageSlice s =
                    DicomSlices.read(
                            study.resolve("images").resolve(id).resolve("photo.dcm"), false);
            int n = s.rows() * s.columns(), cols = s.columns();
            boolean[] disc = new boolean[n];
            for (int i = 0; i < n; i++) {
                disc[i] = s.hu()[i] == 250 && s.hu()[n + i] == 30 && s.hu()[2 * n + i] == 30;
            }
            Path m = masks.resolve(id + ".nii.gz");
            org.clinval.imaging.nifti.NiftiWriter.mask(
                            new int[] {cols, s.rows(), 1},
                            new double[] {1, 1, 1},
                            org.clinval.imaging.nifti.Nifti1.Datatype.UINT8,
                            (x, y, z) -> disc[y * cols + x])
                    .gzip()
                    .write(m);
            maskOf.put(id, m.toString());
            maskLines.add(id + "," + m);
        }
        StudyCheck.Inputs in =
                new StudyCheck.Inputs(
                        study.resolve("images"),
                        study.resolve("ground-truth.csv"),
                        "1",
                        List.of("OP"),
                        false,
                        false,
                        descriptor,
                        List.of(),
                        Optional.empty(),
                        Optional.of(
                                new GradingTask(
                                        new GradeScale(GRADES),
                                        new GradeReference(
                                                ReferenceRule.MAJORITY,
                                                List.of("grader_1", "grader_2", "grader_3"),
                                                Optional.empty()),
                                        2)));
        ExplanationTask task =
                new ExplanationTask(
                        "grad-cam",
                        List.of(
                                Kind.FALSE_NEGATIVES,
                                Kind.FALSE_POSITIVES,
                                Kind.TRUE_POSITIVES,
                                Kind.TRUE_NEGATIVES),
                        2,
                        20261205,
                        0,
                        Optional.of(masks));
        Path runDir = Files.createDirectories(dir.resolve("run"));
        CasePlan plan = StudyInference.plan(in);
        StudyInference.run(
                new StudyInference.Request(
                        in,
                        Optional.empty(),
                        Map.of(),
                        runDir,
                        runDir.resolve("case-results.csv"),
                        runDir.resolve("quarantine.csv"),
                        new JobSettings(
                                2,
                                0.5,
                                ThresholdRule.GE,
                                "0".repeat(64),
                                "1".repeat(64),
                                Duration.ofSeconds(2)),
                        null,
                        List.of(),
                        Optional.of(task)),
                plan);
        Map<String, String> predicted = new HashMap<>();
        for (CSVRecord r : rows(runDir.resolve("case-results.csv"))) {
            // The case results name the grade; Grad-CAM's target gives its index.
            predicted.put(
                    r.get("case_id"), Integer.toString(GRADES.indexOf(r.get("predicted_grade"))));
        }
        assertThat(predicted).hasSize(6).doesNotContainValue("-1");
        List<CSVRecord> explained = rows(runDir.resolve(StudyExplanations.CSV));
        System.out.println(Files.readString(runDir.resolve(StudyExplanations.CSV)));
        assertThat(explained).isNotEmpty();
        Path maskCsv = Files.write(dir.resolve("masks.csv"), maskLines);
        // Reference call: /usr/bin/python3 src/test/python/explanation_scores.py
        // explanations.csv explanations/ masks.csv 0 (numpy, pydicom 2.3.1)
        String out =
                Python.run(
                        "explanation_scores.py",
                        runDir.resolve(StudyExplanations.CSV).toString(),
                        runDir.resolve(StudyExplanations.FOLDER).toString(),
                        maskCsv.toString(),
                        "0");
        Map<String, JsonNode> reference = new HashMap<>();
        for (String line : out.strip().split("\n")) {
            JsonNode j = new ObjectMapper().readTree(line);
            reference.put(j.get("case_id").asText(), j);
        }
        for (CSVRecord r : explained) {
            String id = r.get("case_id");
            // Scored on the photograph's grid against its lesion, as the reference scores it.
            JsonNode j = reference.get(id);
            assertThat(j).as(id).isNotNull();
            assertThat(Long.parseLong(r.get("lesion_pixels")))
                    .as(id)
                    .isPositive()
                    .isEqualTo(j.get("lesion_pixels").asLong());
            assertThat(r.get("peak_row")).isEqualTo(j.get("peak_row").asText());
            assertThat(r.get("peak_column")).isEqualTo(j.get("peak_column").asText());
            assertThat(r.get("pointing_hit"))
                    .isEqualTo(
                            j.get("pointing_hit").isNull() ? "" : j.get("pointing_hit").asText());
            if (j.get("energy_in_mask").isNull()) {
                assertThat(r.get("energy_in_mask")).isEmpty();
            } else {
                assertThat(Double.parseDouble(r.get("energy_in_mask")))
                        .isCloseTo(
                                j.get("energy_in_mask").asDouble(),
                                org.assertj.core.data.Offset.offset(1e-9));
            }
            assertThat(j.get("rows").asInt()).isEqualTo(64);
            assertThat(r.get("problem")).as(id).isEmpty();
            assertThat(r.get("dicom_overlay")).as(id).isEqualTo("overlay.dcm");
            assertThat(r.get("target"))
                    .as(id)
                    .isEqualTo("class " + predicted.get(id) + " (predicted)");
            Path folder = runDir.resolve(StudyExplanations.FOLDER).resolve(r.get("folder"));
            ImageSlice s =
                    DicomSlices.read(
                            study.resolve("images").resolve(id).resolve("photo.dcm"), false);
            BufferedImage original = ImageIO.read(folder.resolve("original.png").toFile());
            int n = s.rows() * s.columns();
            for (int i = 0; i < n; i++) {
                int px = original.getRGB(i % s.columns(), i / s.columns());
                assertThat((px >> 16) & 0xFF).isEqualTo(Math.round(s.hu()[i]));
                assertThat((px >> 8) & 0xFF).isEqualTo(Math.round(s.hu()[n + i]));
                assertThat(px & 0xFF).isEqualTo(Math.round(s.hu()[2 * n + i]));
            }
            Dciodvfy.assertValid(folder.resolve("overlay.dcm"), "SCImage");
        }
    }
}
