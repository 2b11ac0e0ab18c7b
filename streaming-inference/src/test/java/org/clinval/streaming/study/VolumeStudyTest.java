package org.clinval.streaming.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.clinval.imaging.dicom.write.SegmentationReader;
import org.clinval.imaging.dicom.write.SourceSeries;
import org.clinval.imaging.model.BuiltInModel;
import org.clinval.imaging.phantom.PhantomGenerator;
import org.clinval.imaging.phantom.PhantomStudy;
import org.clinval.imaging.phantom.PhantomStudyWriter;
import org.clinval.streaming.JobSettings;
import org.clinval.streaming.RunSummary;
import org.clinval.validation.ThresholdRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A segmentation and a detection study's inference step on an in-process MiniCluster over phantom
 * chest CT series with the built-in U-Net, with one case whose series has a missing slice: every
 * case is a result or quarantined, once; the predicted masks are written as DICOM SEG over the
 * source series and the candidates as one SR per case.
 */
class VolumeStudyTest {

    private static final int CASES = 6;
    private static final int SLICES = 10;

    @TempDir static Path dir;
    private static PhantomStudy study;
    private static Path descriptor;

    @BeforeAll
    static void phantoms() throws Exception {
        study =
                PhantomStudyWriter.write(
                        PhantomGenerator.builder()
                                .setSeed(31)
                                .setSize(256)
                                .setPrevalence(0.8)
                                .optSlices(SLICES)
                                .build(),
                        CASES,
                        dir.resolve("study"));
        // A gap in one series: its middle slice is removed.
        Path gapCase;
        try (Stream<Path> cases = Files.list(study.dicom()).sorted()) {
            gapCase = cases.toList().get(CASES - 1);
        }
        try (Stream<Path> slices = Files.list(gapCase).sorted()) {
            Files.delete(slices.toList().get(SLICES / 2));
        }
        Path model = Files.createDirectories(dir.resolve("model"));
        String folder = BuiltInModel.NODULE_UNET.resourceFolder();
        for (String name : List.of("descriptor.yaml", "nodule-unet.params")) {
            try (InputStream in = VolumeStudyTest.class.getResourceAsStream(folder + name)) {
                Files.copy(in, model.resolve(name));
            }
        }
        descriptor = model.resolve("descriptor.yaml");
    }

    private static StudyCheck.Inputs inputs(VolumeTask task) {
        return new StudyCheck.Inputs(
                study.dicom(),
                study.groundTruth(),
                "1",
                List.of("CT"),
                false,
                false,
                descriptor,
                List.of("site"),
                Optional.of(task));
    }

    private static RunSummary run(StudyCheck.Inputs in, Path runDir) throws Exception {
        Files.createDirectories(runDir);
        CasePlan plan = StudyInference.plan(in);
        return StudyInference.run(
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
                        List.of()),
                plan);
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
    void segmentationStudyScoresEveryRegularSeriesAndQuarantinesTheOneWithAGap() throws Exception {
        VolumeTask task =
                new VolumeTask(
                        "segmentation",
                        Optional.of(study.root().resolve("truth/seg")),
                        Optional.empty(),
                        "all",
                        2.0,
                        1,
                        0,
                        0);
        StudyCheck.Inputs in = inputs(task);
        StudyCheck.Result check = StudyCheck.run(in, n -> {});
        assertThat(check.problems()).isEmpty();
        assertThat(check.plan().orElseThrow().toQuarantine())
                .singleElement()
                .satisfies(c -> assertThat(c.reason()).contains("not a regular volume", "gap"));

        Path runDir = dir.resolve("seg-run");
        RunSummary s = run(in, runDir);

        assertThat(s.casesIn()).isEqualTo(CASES);
        assertThat(s.results() + s.quarantined()).isEqualTo(CASES);
        assertThat(s.quarantined()).isEqualTo(1);
        List<CSVRecord> results = rows(runDir.resolve("case-results.csv"));
        assertThat(results).hasSize(CASES - 1);
        Set<String> ids = new HashSet<>();
        for (CSVRecord r : results) {
            assertThat(ids.add(r.get("case_id"))).isTrue();
            double dice = Double.parseDouble(r.get("dice"));
            assertThat(dice).isBetween(0.0, 1.0);
            Path seg = runDir.resolve("results/seg/" + r.get("case_id") + ".dcm");
            assertThat(seg).isRegularFile();
            if (r.get("label").equals("1")) {
                // The U-Net finds the phantom nodules: a mask overlapping the reference.
                assertThat(dice).as(r.get("case_id")).isGreaterThan(0.3);
                assertThat(r.get("empty")).isEqualTo("neither");
                assertThat(Double.parseDouble(r.get("hd95"))).isGreaterThanOrEqualTo(0);
            }
            assertThat(Long.parseLong(r.get("predicted_voxels")))
                    .isEqualTo(predictedVoxels(seg, r.get("case_id")));
        }
    }

    /** Reads the written SEG back over the case's source series and counts its voxels. */
    private static long predictedVoxels(Path seg, String caseId) throws Exception {
        Path key = dir.resolve("seg-run.key");
        // Pseudonyms C0001… follow the sorted case folders (no image column in the ground truth).
        List<Path> folders;
        try (Stream<Path> cases = Files.list(study.dicom()).sorted()) {
            folders = cases.toList();
        }
        Path folder = folders.get(Integer.parseInt(caseId.substring(1)) - 1);
        List<Path> files;
        try (Stream<Path> f = Files.list(folder).sorted()) {
            files = f.toList();
        }
        long n = 0;
        for (var m : SegmentationReader.read(seg, SourceSeries.read(new ArrayList<>(files)))) {
            for (boolean[] frame : m.frames()) {
                for (boolean b : frame) if (b) n++;
            }
        }
        return n;
    }

    @Test
    void detectionStudyWritesEveryCandidateAndCountsHitsByTheLunaRules() throws Exception {
        VolumeTask task =
                new VolumeTask(
                        "detection",
                        Optional.empty(),
                        Optional.of(study.lesions()),
                        "all",
                        Double.NaN,
                        3,
                        0,
                        0);
        StudyCheck.Inputs in = inputs(task);
        Path runDir = dir.resolve("det-run");
        RunSummary s = run(in, runDir);

        assertThat(s.results() + s.quarantined()).isEqualTo(CASES);
        List<CSVRecord> results = rows(runDir.resolve("case-results.csv"));
        List<CSVRecord> candidates = rows(runDir.resolve("candidates.csv"));
        List<CSVRecord> lesions = rows(runDir.resolve("lesions.csv"));
        assertThat(lesions).isNotEmpty();
        int hits = 0;
        for (CSVRecord r : results) {
            int n = Integer.parseInt(r.get("lesions"));
            int h = Integer.parseInt(r.get("hits"));
            assertThat(h).isBetween(0, n);
            hits += h;
            long written =
                    lesions.stream().filter(l -> l.get("case_id").equals(r.get("case_id"))).count();
            assertThat(written).isEqualTo(n);
            assertThat(runDir.resolve("results/sr/" + r.get("case_id") + ".dcm")).isRegularFile();
            double top =
                    candidates.stream()
                            .filter(c -> c.get("case_id").equals(r.get("case_id")))
                            .mapToDouble(c -> Double.parseDouble(c.get("score")))
                            .max()
                            .orElse(0);
            assertThat(Double.parseDouble(r.get("score"))).isEqualTo(top);
        }
        assertThat(hits).as("the U-Net finds phantom nodules").isPositive();
    }

    /**
     * NIfTI references: one case's reference is the same mask as its SEG, written as NIfTI through
     * an sform on the series' grid, and scores the same Dice; another's NIfTI runs its row axis the
     * other way and the case is quarantined for it, not flipped.
     */
    @Test
    void aNiftiReferenceScoresAsItsSegAndAFlippedOneIsQuarantined() throws Exception {
        List<Path> folders;
        try (Stream<Path> cases = Files.list(study.dicom()).sorted()) {
            folders = cases.toList();
        }
        List<CSVRecord> truth = rows(study.groundTruth());
        List<Integer> positives = new ArrayList<>();
        for (int i = 0; i < CASES - 1; i++) {
            if (truth.get(i).get("label").equals("1")) positives.add(i);
        }
        Path refs = Files.createDirectories(dir.resolve("nifti-refs"));
        for (int k = 0; k < 2; k++) {
            Path folder = folders.get(positives.get(k));
            String name = folder.getFileName().toString();
            List<Path> files;
            try (Stream<Path> f = Files.list(folder)) {
                files = f.sorted().toList();
            }
            var volume = org.clinval.imaging.volume.SeriesVolume.read(name, files);
            var mask =
                    org.clinval.imaging.volume.ReferenceMasks.fromSegmentation(
                            study.root().resolve("truth/seg/" + name + ".dcm"),
                            volume,
                            org.clinval.imaging.volume.SegmentSelector.parse("all"));
            var g = volume.geometry();
            double sign = k == 0 ? 1 : -1; // the second runs its j axis the other way
            double[][] srow = {
                {-g.columnSpacing(), 0, 0, -g.origin().x()},
                {
                    0,
                    -sign * g.rowSpacing(),
                    0,
                    -g.origin().y() + (k == 0 ? 0 : g.rowSpacing() * (g.rows() - 1))
                },
                {0, 0, g.sliceSpacing(), g.origin().z()}
            };
            org.clinval.imaging.nifti.NiftiWriter.mask(
                            new int[] {g.columns(), g.rows(), g.slices()},
                            new double[] {g.columnSpacing(), g.rowSpacing(), g.sliceSpacing()},
                            org.clinval.imaging.nifti.Nifti1.Datatype.UINT8,
                            (x, y, z) -> mask.at(z, y, x))
                    .sform(1, srow)
                    .write(refs.resolve(name + ".nii.gz"));
        }
        VolumeTask task =
                new VolumeTask(
                        "segmentation", Optional.of(refs), Optional.empty(), "all", 2.0, 1, 0, 0);
        Path runDir = dir.resolve("nifti-run");
        RunSummary s = run(inputs(task), runDir);
        assertThat(s.results() + s.quarantined()).isEqualTo(CASES);
        List<CSVRecord> quarantined = rows(runDir.resolve("quarantine.csv"));
        String second = String.format("C%04d", positives.get(1) + 1);
        assertThat(quarantined)
                .filteredOn(q -> q.get("case_id").equals(second))
                .singleElement()
                .satisfies(q -> assertThat(q.get("reason")).contains("reference", "flipped"));
        // The first case scores as with its SEG reference (the segmentation study above).
        String first = String.format("C%04d", positives.get(0) + 1);
        CSVRecord withNifti =
                rows(runDir.resolve("case-results.csv")).stream()
                        .filter(r -> r.get("case_id").equals(first))
                        .findFirst()
                        .orElseThrow();
        VolumeTask seg =
                new VolumeTask(
                        "segmentation",
                        Optional.of(study.root().resolve("truth/seg")),
                        Optional.empty(),
                        "all",
                        2.0,
                        1,
                        0,
                        0);
        Path segRun = dir.resolve("seg-run-for-nifti");
        run(inputs(seg), segRun);
        CSVRecord withSeg =
                rows(segRun.resolve("case-results.csv")).stream()
                        .filter(r -> r.get("case_id").equals(first))
                        .findFirst()
                        .orElseThrow();
        for (String m : List.of("dice", "hd95", "assd", "reference_voxels", "predicted_voxels")) {
            assertThat(withNifti.get(m)).as(m).isEqualTo(withSeg.get(m));
        }
    }

    /**
     * A bring-your-own 3D segmenter (TorchScript, input depth 8, patches of 8 × 32 × 32 by sliding
     * window) runs in a segmentation study like the 2D U-Net: every regular series gets a result,
     * the series with a gap is quarantined.
     */
    @Test
    void a3dSegmenterRunsInTheStudyBySlidingWindow() throws Exception {
        Path fixtures = org.clinval.imaging.testing.TorchFixtures.dir();
        Path yaml = dir.resolve("model3d/descriptor.yaml");
        Files.createDirectories(yaml.getParent());
        Path weights = fixtures.resolve("tiny_segmenter3d.pt");
        Files.copy(weights, yaml.resolveSibling("tiny_segmenter3d.pt"));
        Files.writeString(
                yaml,
                "name: tiny-segmenter-3d\nversion: \"0.1\"\ntask: segmentation\n"
                        + "format: torchscript\nfile: tiny_segmenter3d.pt\nsha256: "
                        + org.clinval.common.Sha256.of(weights)
                        + "\ninput: {channels: 1, depth: 8, height: 32, width: 32}\n"
                        + "preprocessing:\n"
                        + "  - window: {lower: -1000, upper: 400}\n"
                        + "  - rescale: {lower: -1000, upper: 400}\n"
                        + "output: {kind: probability, classes: 1, positive_index: 0}\n"
                        + "threshold: 0.5\n"
                        + "inference: {overlap: 0.5, blending: gaussian}\n");
        StudyCheck.Inputs in =
                new StudyCheck.Inputs(
                        study.dicom(),
                        study.groundTruth(),
                        "1",
                        List.of("CT"),
                        false,
                        false,
                        yaml,
                        List.of("site"),
                        Optional.of(
                                new VolumeTask(
                                        "segmentation",
                                        Optional.of(study.root().resolve("truth/seg")),
                                        Optional.empty(),
                                        "all",
                                        2.0,
                                        1,
                                        0,
                                        0)));
        StudyCheck.Result check = StudyCheck.run(in, n -> {});
        assertThat(check.problems()).isEmpty();
        assertThat(check.plan().orElseThrow().toQuarantine()).hasSize(1);
        Path runDir = dir.resolve("seg3d-run");
        RunSummary s = run(in, runDir);
        assertThat(s.results()).isEqualTo(CASES - 1);
        assertThat(s.quarantined()).isEqualTo(1);
        for (CSVRecord r : rows(runDir.resolve("case-results.csv"))) {
            assertThat(Double.parseDouble(r.get("dice"))).isBetween(0.0, 1.0);
            assertThat(runDir.resolve("results/seg/" + r.get("case_id") + ".dcm")).isRegularFile();
        }
    }
}
