package org.clinval.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.clinval.imaging.dicom.write.CaseFinding;
import org.clinval.imaging.dicom.write.Code;
import org.clinval.imaging.dicom.write.DerivedInstance;
import org.clinval.imaging.dicom.write.FindingReportWriter;
import org.clinval.imaging.dicom.write.ModelIdentity;
import org.clinval.imaging.dicom.write.SourceSeries;
import org.clinval.imaging.dicom.write.Uids;
import org.clinval.imaging.phantom.PhantomGenerator;
import org.clinval.imaging.phantom.PhantomStudy;
import org.clinval.imaging.phantom.PhantomStudyWriter;
import org.clinval.streaming.function.ParseManifest;
import org.clinval.streaming.imaging.DicomCaseLoader;
import org.clinval.validation.ThresholdRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on an in-process MiniCluster at parallelism 2, over phantom DICOM read by the real
 * loader, with one bad input of each kind. The scorer here is a fixed function of the pixels (the
 * job, not a model, is under test; the models are tested in imaging).
 */
class InferenceRunTest {

    private static final int GOOD = 24;

    @TempDir static Path dir;
    private static PhantomStudy study;

    @BeforeAll
    static void phantoms() throws Exception {
        study =
                PhantomStudyWriter.write(
                        PhantomGenerator.builder()
                                .setSeed(77)
                                .setSize(64)
                                .setPrevalence(0.5)
                                .build(),
                        GOOD + 1,
                        dir.resolve("study"));
    }

    /** The input a 64×64 model takes: the pixels; any other size is rejected. */
    static final Preprocessor PREPROCESS =
            image -> {
                if (image.rows() != 64 || image.columns() != 64) {
                    throw new RejectedInput(
                            image.file()
                                    + ": image is "
                                    + image.rows()
                                    + "x"
                                    + image.columns()
                                    + ", the model takes 64x64");
                }
                return image.pixels();
            };

    /**
     * Share of pixels denser than -400 HU inside the central band: a fixed function of the image.
     */
    static final ScorerFactory SCORER =
            () ->
                    new ScorerFactory.Scorer() {
                        @Override
                        public double score(float[] input) {
                            int dense = 0;
                            for (float v : input) if (v > -400) dense++;
                            return dense / (double) input.length;
                        }

                        @Override
                        public void close() {}
                    };

    private static String sha256(Path f) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }

    private static List<GroundTruth> truth(Path groundTruth) throws IOException {
        List<GroundTruth> out = new ArrayList<>();
        for (String line :
                Files.readAllLines(groundTruth)
                        .subList(1, Files.readAllLines(groundTruth).size())) {
            String[] f = line.split(",", -1);
            out.add(new GroundTruth(f[0], f[2], f[4], f[5], Integer.parseInt(f[6])));
        }
        return out;
    }

    /** A manifest line of a case to score, its image named {@code <case>/F1}. */
    static String line(String caseId, String file, String sha) {
        return org.clinval.streaming.function.CsvLines.line(
                caseId, caseId + "/F1", file, sha, "", "");
    }

    private static JobSettings settings() {
        return new JobSettings(
                2, 0.2, ThresholdRule.GE, "a".repeat(64), "b".repeat(64), Duration.ofMillis(200));
    }

    @Test
    void everyBadInputIsQuarantinedWithItsReasonAndTheCountsReconcile() throws Exception {
        Path root = study.root();
        List<String> manifest = new ArrayList<>(List.of(ParseManifest.HEADER));
        List<GroundTruth> truth = truth(study.groundTruth());
        for (int i = 1; i <= GOOD; i++) {
            String id = String.format("case-%04d", i);
            Path f = root.resolve("dicom/" + id + "/IM001.dcm");
            manifest.add(line(id, root.relativize(f).toString(), sha256(f)));
        }
        // Unreadable: not DICOM at all.
        Path junk = Files.writeString(root.resolve("junk.dcm"), "this is not a DICOM file");
        manifest.add(line("bad-unreadable", "junk.dcm", sha256(junk)));
        truth.add(new GroundTruth("bad-unreadable", "A", "F", "60-74", 0));
        // Not an image: a Comprehensive SR written by the suite.
        Path source = root.resolve("dicom/case-0001/IM001.dcm");
        Path sr = root.resolve("report.dcm");
        FindingReportWriter.write(
                SourceSeries.read(List.of(source)),
                new CaseFinding(0.7, Code.dcm("111099", "Selected region"), 0.5, ">="),
                new DerivedInstance(
                        Uids.derive("test", "sr"),
                        9,
                        1,
                        LocalDateTime.of(2026, 1, 1, 0, 0),
                        new ModelIdentity("m", "1", "c".repeat(64))),
                sr);
        manifest.add(line("bad-not-image", "report.dcm", sha256(sr)));
        truth.add(new GroundTruth("bad-not-image", "A", "F", "60-74", 1));
        // Wrong size for the model: a 128x128 phantom.
        PhantomStudy big =
                PhantomStudyWriter.write(
                        PhantomGenerator.builder().setSeed(3).setSize(128).setPrevalence(0).build(),
                        1,
                        root.resolve("big"));
        Path bigFile = big.dicom().resolve("case-0001/IM001.dcm");
        manifest.add(line("bad-size", root.relativize(bigFile).toString(), sha256(bigFile)));
        truth.add(new GroundTruth("bad-size", "B", "M", "40-59", 0));
        // Changed since the lock: the recorded hash is not the file's.
        Path changed = root.resolve("dicom/case-0025/IM001.dcm");
        manifest.add(line("bad-changed", root.relativize(changed).toString(), "0".repeat(64)));
        truth.add(new GroundTruth("bad-changed", "B", "M", "40-59", 0));
        // Missing file, image without ground truth, ground truth without image, duplicate line.
        manifest.add(line("bad-missing", "dicom/nowhere/IM001.dcm", "1".repeat(64)));
        truth.add(new GroundTruth("bad-missing", "C", "F", "75+", 1));
        truth.removeIf(t -> t.caseId().equals("case-0024"));
        truth.add(new GroundTruth("ghost", "C", "F", "75+", 1));
        manifest.add(manifest.get(3));
        truth.removeIf(t -> t.caseId().equals("case-0025"));
        Path manifestFile =
                Files.write(root.resolve("manifest.csv"), manifest, StandardCharsets.UTF_8);

        Path run = dir.resolve("run");
        RunSummary s =
                InferenceRun.run(
                        manifestFile,
                        truth,
                        run,
                        new DicomCaseLoader(root, List.of("CT")),
                        PREPROCESS,
                        SCORER,
                        settings(),
                        null);

        assertThat(s.casesIn()).isEqualTo(s.results() + s.quarantined());
        assertThat(s.results()).isEqualTo(GOOD - 1);
        Map<String, String> reasons = quarantine(s.quarantine());
        assertThat(reasons)
                .containsOnlyKeys(
                        "bad-unreadable",
                        "bad-not-image",
                        "bad-size",
                        "bad-changed",
                        "bad-missing",
                        "case-0024",
                        "ghost",
                        "case-0003");
        assertThat(reasons.get("bad-unreadable"))
                .startsWith("bad-unreadable/F1: ")
                .doesNotContain("junk");
        assertThat(reasons.get("bad-not-image"))
                .startsWith("bad-not-image/F1: ")
                .doesNotContain("report.dcm")
                .containsIgnoringCase("not an image");
        assertThat(reasons.get("bad-size")).endsWith("image is 128x128, the model takes 64x64");
        assertThat(reasons.get("bad-changed")).contains("changed since the dataset was locked");
        assertThat(reasons.get("bad-missing")).isEqualTo("bad-missing/F1: the file is gone");
        assertThat(reasons.get("case-0024")).isEqualTo("image without ground truth");
        assertThat(reasons.get("ghost"))
                .isEqualTo("case without image: the manifest has no image for it");
        assertThat(reasons.get("case-0003")).isEqualTo("duplicate case id in the manifest");
        List<String> results = Files.readAllLines(s.caseResults());
        assertThat(results.get(0)).isEqualTo(CaseResult.HEADER);
        assertThat(results.stream().skip(1).map(l -> l.split(",")[0]).distinct().count())
                .isEqualTo(GOOD - 1);
        assertThat(Files.exists(run.resolve(".flink"))).isFalse();
    }

    private static Map<String, String> quarantine(Path file) throws IOException {
        Map<String, String> m = new TreeMap<>();
        for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
            String[] f = line.split(",", 4);
            String reason =
                    f[3].startsWith("\"")
                            ? f[3].substring(1, f[3].length() - 1).replace("\"\"", "\"")
                            : f[3];
            m.put(f[0], reason);
        }
        return m;
    }

    static final AtomicBoolean CRASHED = new AtomicBoolean();

    @Test
    void aTaskFailureMidRunRestartsFromTheCheckpointAndWritesEveryResultExactlyOnce()
            throws Exception {
        Path root = study.root();
        List<String> manifest = new ArrayList<>(List.of(ParseManifest.HEADER));
        for (int i = 1; i <= GOOD; i++) {
            String id = String.format("case-%04d", i);
            Path f = root.resolve("dicom/" + id + "/IM001.dcm");
            manifest.add(line(id, root.relativize(f).toString(), sha256(f)));
        }
        Path manifestFile =
                Files.write(root.resolve("manifest-crash.csv"), manifest, StandardCharsets.UTF_8);
        List<GroundTruth> truth =
                truth(study.groundTruth()).stream()
                        .filter(t -> !t.caseId().equals("case-0025"))
                        .collect(Collectors.toList());
        CRASHED.set(false);
        // Slow enough for checkpoints to complete, then one crash late in the run.
        Preprocessor crashOnce =
                image -> {
                    try {
                        Thread.sleep(60);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    if (image.caseId().equals("case-0020") && CRASHED.compareAndSet(false, true)) {
                        throw new IllegalStateException("simulated task failure");
                    }
                    return PREPROCESS.prepare(image);
                };
        Path run = dir.resolve("run-crash");
        RunSummary s =
                InferenceRun.run(
                        manifestFile,
                        truth,
                        run,
                        new DicomCaseLoader(root, List.of("CT")),
                        crashOnce,
                        SCORER,
                        settings(),
                        null);
        assertThat(CRASHED).isTrue();
        assertThat(quarantine(s.quarantine())).isEmpty();
        assertThat(s.results()).isEqualTo(GOOD);
        assertThat(s.quarantined()).isZero();
        List<String> ids =
                Files.readAllLines(s.caseResults()).stream()
                        .skip(1)
                        .map(l -> l.split(",")[0])
                        .toList();
        assertThat(ids).doesNotHaveDuplicates().hasSize(GOOD);
    }

    @Test
    void progressCountsEachCaseOnceWhenARestartedJobWritesItAgain() throws IOException {
        // After kill -9 and resume, the interrupted attempt's part files are still in staging
        // while the restored job writes the same cases again: 3 distinct cases, 5 lines.
        Path run = dir.resolve("progress-run");
        Path results = Files.createDirectories(run.resolve(".flink/results"));
        Path quarantine = Files.createDirectories(run.resolve(".flink/quarantine"));
        Files.writeString(results.resolve(".part-0-0.inprogress"), "C0001,A,1\nC0002,A,0\n");
        Files.writeString(results.resolve(".part-1-0.inprogress"), "C0001,A,1\n");
        Files.writeString(
                quarantine.resolve("part-0-0"), "\"C,3\",F1,read,bad\n\"C,3\",F1,read,bad\n");

        assertThat(InferenceRun.progress(run)).isEqualTo(3);
        assertThat(InferenceRun.caseKey("\"a,\"\"b\",x")).isEqualTo("\"a,\"\"b\"");
        assertThat(InferenceRun.caseKey("C0009")).isEqualTo("C0009");
    }
}
