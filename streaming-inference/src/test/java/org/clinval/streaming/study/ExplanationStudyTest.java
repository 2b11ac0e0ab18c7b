package org.clinval.streaming.study;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.clinval.imaging.dicom.write.SegmentMask;
import org.clinval.imaging.dicom.write.SegmentationReader;
import org.clinval.imaging.dicom.write.SliceGeometry;
import org.clinval.imaging.dicom.write.SourceFrame;
import org.clinval.imaging.dicom.write.SourceSeries;
import org.clinval.imaging.model.BuiltInModel;
import org.clinval.imaging.phantom.PhantomGenerator;
import org.clinval.imaging.phantom.PhantomStudy;
import org.clinval.imaging.phantom.PhantomStudyWriter;
import org.clinval.imaging.testing.Python;
import org.clinval.streaming.JobSettings;
import org.clinval.streaming.explain.ExplanationTask;
import org.clinval.streaming.explain.ExplanationTask.Kind;
import org.clinval.validation.ThresholdRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CT classification study with explanations: the phantom's nodule masks (its DICOM SEG files, and
 * NIfTI-1 copies of some) as lesion masks, Grad-CAM on the drawn cases, and every written map's
 * pointing game and energy in mask recomputed independently from {@code map.npy} and the mask file.
 */
class ExplanationStudyTest {

    private static final int CASES = 12;

    @TempDir static Path dir;
    private static PhantomStudy study;
    private static Path descriptor;
    private static Path masks;

    @BeforeAll
    static void phantoms() throws Exception {
        study =
                PhantomStudyWriter.write(
                        PhantomGenerator.builder()
                                .setSeed(41)
                                .setSize(256)
                                .setPrevalence(0.6)
                                .build(),
                        CASES,
                        dir.resolve("study"));
        Path model = Files.createDirectories(dir.resolve("model"));
        String folder = BuiltInModel.NODULE_CLASSIFIER.resourceFolder();
        for (String name : List.of("descriptor.yaml", "nodule-classifier.params")) {
            try (InputStream in = ExplanationStudyTest.class.getResourceAsStream(folder + name)) {
                Files.copy(in, model.resolve(name));
            }
        }
        descriptor = model.resolve("descriptor.yaml");
        // Lesion masks: the phantom's SEG files, every second one as a NIfTI-1 file instead.
        masks = Files.createDirectories(dir.resolve("masks"));
        boolean nifti = false;
        for (Path seg : study.segmentations()) {
            String name = seg.getFileName().toString().replace(".dcm", "");
            if (!(nifti = !nifti)) {
                Files.copy(seg, masks.resolve(name + ".dcm"));
                continue;
            }
            List<Path> files;
            try (var f = Files.list(study.dicom().resolve(name))) {
                files = f.sorted().toList();
            }
            SourceSeries source = SourceSeries.read(files);
            SourceFrame f = source.frames().get(0);
            boolean[] mask = new boolean[f.rows() * f.columns()];
            for (SegmentMask m : SegmentationReader.read(seg, source)) {
                for (int k = 0; k < mask.length; k++) mask[k] |= m.frames()[0][k];
            }
            SliceGeometry g = f.geometry();
            double[] p = g.position();
            // DICOM's LPS axes to NIfTI's RAS: x and y negated (an axial phantom slice).
            double[][] srow = {
                {-g.columnSpacing(), 0, 0, -p[0]},
                {0, -g.rowSpacing(), 0, -p[1]},
                {0, 0, g.sliceThickness(), p[2]}
            };
            int cols = f.columns();
            org.clinval.imaging.nifti.NiftiWriter.mask(
                            new int[] {cols, f.rows(), 1},
                            new double[] {g.columnSpacing(), g.rowSpacing(), g.sliceThickness()},
                            org.clinval.imaging.nifti.Nifti1.Datatype.UINT8,
                            (x, y, z) -> mask[y * cols + x])
                    .sform(1, srow)
                    .gzip()
                    .write(masks.resolve(name + ".nii.gz"));
        }
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

    @Test
    void gradCamMapsOfTheDrawnCasesScoreAsAnIndependentComputationFromTheWrittenFiles()
            throws Exception {
        check("grad-cam", 3, 0, "positive logit", "run");
    }

    @Test
    void occlusionMapsWithAPointingToleranceScoreAsTheIndependentComputation() throws Exception {
        check("occlusion", 1, 3, "positive probability", "occlusion-run");
    }

    private void check(String method, int perKind, int tolerance, String target, String run)
            throws Exception {
        StudyCheck.Inputs in =
                new StudyCheck.Inputs(
                        study.dicom(),
                        study.groundTruth(),
                        "1",
                        List.of("CT"),
                        false,
                        false,
                        descriptor,
                        List.of("site"));
        ExplanationTask task =
                new ExplanationTask(
                        method,
                        List.of(Kind.FALSE_NEGATIVES, Kind.FALSE_POSITIVES, Kind.TRUE_POSITIVES),
                        perKind,
                        20261205,
                        tolerance,
                        Optional.of(masks));
        Path runDir = Files.createDirectories(dir.resolve(run));
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

        List<CSVRecord> explained = rows(runDir.resolve(StudyExplanations.CSV));
        System.out.println(Files.readString(runDir.resolve(StudyExplanations.CSV)));
        // The draw, from the case results alone.
        var drawn =
                org.clinval.streaming.explain.CaseSelection.draw(
                        runDir.resolve("case-results.csv"), "1", task);
        List<String> expected = new ArrayList<>();
        drawn.values().forEach(l -> l.forEach(r -> expected.add(r.caseId())));
        assertThat(explained.stream().map(r -> r.get("case_id")).toList())
                .containsExactlyElementsOf(expected);
        assertThat(explained)
                .filteredOn(r -> r.get("kind").equals("true-positives"))
                .hasSize(perKind);

        Map<String, String> maskOf = new HashMap<>();
        List<String> maskLines = new ArrayList<>(List.of("case_id,mask"));
        for (PlannedCase c : plan.usable()) {
            String m = StudyExplanations.mask(masks, c).map(Path::toString).orElse("");
            maskOf.put(c.caseId(), m);
            maskLines.add(c.caseId() + "," + m);
        }
        Path maskCsv = dir.resolve(run + "-masks.csv");
        Files.write(maskCsv, maskLines);
        // Reference call: /usr/bin/python3 src/test/python/explanation_scores.py
        // explanations.csv explanations/ masks.csv TOLERANCE (numpy, pydicom 2.3.1)
        String out =
                Python.run(
                        "explanation_scores.py",
                        runDir.resolve(StudyExplanations.CSV).toString(),
                        runDir.resolve(StudyExplanations.FOLDER).toString(),
                        maskCsv.toString(),
                        Integer.toString(tolerance));
        Map<String, JsonNode> reference = new HashMap<>();
        for (String line : out.strip().split("\n")) {
            JsonNode j = new ObjectMapper().readTree(line);
            reference.put(j.get("case_id").asText(), j);
        }
        int scored = 0;
        for (CSVRecord r : explained) {
            assertThat(r.get("problem")).as(r.get("case_id")).isEmpty();
            assertThat(r.get("method")).isEqualTo(method);
            assertThat(r.get("dicom_overlay")).isEqualTo("overlay.dcm");
            assertThat(r.get("target")).isEqualTo(target);
            JsonNode j = reference.get(r.get("case_id"));
            assertThat(j).as(r.get("case_id")).isNotNull();
            assertThat(r.get("peak_row")).isEqualTo(j.get("peak_row").asText());
            assertThat(r.get("peak_column")).isEqualTo(j.get("peak_column").asText());
            assertThat(Long.parseLong(r.get("lesion_pixels")))
                    .isEqualTo(j.get("lesion_pixels").asLong());
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
                scored++;
            }
            // The Secondary Capture overlay on the image's grid.
            assertThat(j.get("sop_class").asText()).isEqualTo("1.2.840.10008.5.1.4.1.1.7");
            assertThat(j.get("rows").asInt()).isEqualTo(256);
            Path folder = runDir.resolve(StudyExplanations.FOLDER).resolve(r.get("folder"));
            for (String f : List.of("original.png", "map.png", "overlay.png")) {
                assertThat(folder.resolve(f)).isRegularFile();
            }
            // A case of a positive kind has its nodule mask, a false positive has none.
            assertThat(maskOf.get(r.get("case_id")).isEmpty())
                    .isEqualTo(r.get("label").equals("0"));
        }
        assertThat(scored).isGreaterThanOrEqualTo(perKind);
    }
}
