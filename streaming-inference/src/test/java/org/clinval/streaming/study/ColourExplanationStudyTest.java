package org.clinval.streaming.study;

import static org.assertj.core.api.Assertions.assertThat;

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
                        Optional.empty());
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
        for (CSVRecord r : explained) {
            String id = r.get("case_id");
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
