package org.clinval.streaming.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.clinval.imaging.model.BuiltInModel;
import org.clinval.imaging.phantom.PhantomGenerator;
import org.clinval.imaging.phantom.PhantomStudy;
import org.clinval.imaging.phantom.PhantomStudyWriter;
import org.clinval.streaming.CaseInput;
import org.clinval.streaming.GroundTruth;
import org.clinval.streaming.InferenceRun;
import org.clinval.streaming.JobSettings;
import org.clinval.streaming.LoadedCase;
import org.clinval.streaming.RunSummary;
import org.clinval.streaming.ScorerFactory;
import org.clinval.streaming.function.CsvLines;
import org.clinval.streaming.function.ParseManifest;
import org.clinval.streaming.imaging.DicomCaseLoader;
import org.clinval.streaming.imaging.ModelPreprocessor;
import org.clinval.streaming.imaging.ModelScorerFactory;
import org.clinval.validation.ThresholdRule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The inference job (MiniCluster at parallelism 2: manifest → load DICOM → preprocess → model →
 * join truth → exactly-once file sinks) beside a plain loop over the same loader, preprocessing and
 * model on the same {@value #CASES} phantom DICOM cases (256×256 CT slices, the built-in
 * classifier). Rate = cases / time per op.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xss16m", "-Xmx4g"})
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@State(Scope.Benchmark)
public class JobVsLoopBenchmark {

    static final int CASES = 300;

    Path root;
    Path manifest;
    Path descriptor;
    List<GroundTruth> truth;
    List<CaseInput> inputs;
    int run;

    @Setup
    public void setUp() throws Exception {
        root = Files.createTempDirectory("clinval-bench-");
        PhantomStudy s =
                PhantomStudyWriter.write(
                        PhantomGenerator.builder()
                                .setSeed(81_001)
                                .setSize(256)
                                .setPrevalence(0.3)
                                .build(),
                        CASES,
                        root.resolve("study"));
        descriptor = root.resolve("model").resolve("descriptor.yaml");
        Files.createDirectories(descriptor.getParent());
        String folder = BuiltInModel.NODULE_CLASSIFIER.resourceFolder();
        for (String name : List.of("descriptor.yaml", "nodule-classifier.params")) {
            try (var in = JobVsLoopBenchmark.class.getResourceAsStream(folder + name)) {
                Files.copy(in, descriptor.getParent().resolve(name));
            }
        }
        List<String> lines = new ArrayList<>(List.of(ParseManifest.HEADER));
        inputs = new ArrayList<>();
        truth = new ArrayList<>();
        List<String> gt = Files.readAllLines(s.groundTruth());
        for (int i = 1; i < gt.size(); i++) {
            String[] f = gt.get(i).split(",");
            Path file = s.dicom().resolve(f[0]).resolve("IM001.dcm");
            String sha = org.clinval.common.Sha256.of(file);
            String rel = s.dicom().relativize(file).toString();
            lines.add(CsvLines.line(f[0], f[0] + "/F1", rel, sha, "", ""));
            inputs.add(CaseInput.image(f[0], f[0] + "/F1", rel, sha));
            truth.add(new GroundTruth(f[0], f[2], f[4], f[5], Integer.parseInt(f[6])));
        }
        manifest = Files.write(root.resolve("manifest.csv"), lines, StandardCharsets.UTF_8);
    }

    /** The inference job on an in-process MiniCluster, parallelism 2. */
    @Benchmark
    public RunSummary rate_flinkJob() throws Exception {
        Path out = root.resolve("run-" + run++);
        JobSettings settings =
                new JobSettings(
                        2,
                        0.5,
                        ThresholdRule.GE,
                        "a".repeat(64),
                        "b".repeat(64),
                        Duration.ofSeconds(2));
        return InferenceRun.run(
                manifest,
                truth,
                out,
                new DicomCaseLoader(root.resolve("study").resolve("dicom"), List.of("CT")),
                new ModelPreprocessor(descriptor),
                new ModelScorerFactory(descriptor),
                settings,
                null);
    }

    /** Baseline: the same load, preprocessing and model in a plain loop, one thread. */
    @Benchmark
    public double rate_plainLoopBaseline() throws Exception {
        DicomCaseLoader loader =
                new DicomCaseLoader(root.resolve("study").resolve("dicom"), List.of("CT"));
        ModelPreprocessor prepare = new ModelPreprocessor(descriptor);
        double sum = 0;
        try (ScorerFactory.Scorer scorer = new ModelScorerFactory(descriptor).open()) {
            for (CaseInput in : inputs) {
                LoadedCase c = loader.load(in);
                sum += scorer.score(prepare.prepare(c));
            }
        }
        return sum;
    }

    @TearDown
    public void tearDown() throws IOException {
        delete(root);
    }

    static void delete(Path p) throws IOException {
        if (Files.isDirectory(p)) {
            try (var s = Files.list(p)) {
                for (Path c : s.toList()) delete(c);
            }
        }
        Files.deleteIfExists(p);
    }
}
