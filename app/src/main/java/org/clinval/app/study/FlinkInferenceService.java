package org.clinval.app.study;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.clinval.app.cli.Progress;
import org.clinval.imaging.model.ModelDescriptor;
import org.clinval.imaging.model.ModelLoadException;
import org.clinval.streaming.CaseResult;
import org.clinval.streaming.InferenceRun;
import org.clinval.streaming.JobSettings;
import org.clinval.streaming.RunSummary;
import org.clinval.streaming.imaging.DicomCaseLoader;
import org.clinval.streaming.imaging.ModelPreprocessor;
import org.clinval.streaming.imaging.ModelScorerFactory;
import org.clinval.workflows.local.FileDatasetService;
import org.clinval.workflows.service.InferenceRequest;
import org.clinval.workflows.service.InferenceResult;
import org.clinval.workflows.service.InferenceService;

/**
 * The study's inference step: the Flink job of {@code streaming-inference} over the study's images,
 * on an in-process MiniCluster (or a Flink cluster when an address is configured). It writes the
 * case manifest it streams ({@code case-manifest.csv}: one line per DICOM file, its case and
 * SHA-256), runs the job with the protocol's operating point, and shows progress on stderr.
 */
final class FlinkInferenceService implements InferenceService {

    /** The modality of the studies this build runs (chest CT). */
    static final String MODALITY = "CT";

    private final int parallelism;
    private final String cluster;
    private final PrintWriter err;

    FlinkInferenceService(int parallelism, String cluster, PrintWriter err) {
        this.parallelism = parallelism;
        this.cluster = cluster;
        this.err = err;
    }

    @Override
    public InferenceResult run(InferenceRequest r) throws IOException {
        Path runDir = r.caseResults().toAbsolutePath().getParent();
        ModelDescriptor descriptor;
        try {
            descriptor = ModelDescriptor.read(r.model());
        } catch (ModelLoadException e) {
            throw new IOException(e.getMessage(), e);
        }
        String modelSha =
                descriptor
                        .sha256()
                        .orElseThrow(
                                () ->
                                        new IOException(
                                                r.model()
                                                        + ": the descriptor has no sha256 of its weights"));
        GroundTruthCsv truth = GroundTruthCsv.read(r.groundTruth(), r.positiveClass());
        Path manifest = writeManifest(r.images(), runDir.resolve("case-manifest.csv"));
        String datasetSha = Studies.datasetSha256(runDir.resolve(FileDatasetService.MANIFEST));
        JobSettings settings =
                new JobSettings(
                        parallelism,
                        r.threshold(),
                        r.rule(),
                        modelSha,
                        datasetSha,
                        Duration.ofSeconds(2));

        long total = Files.readAllLines(manifest).size() - 1;
        RunSummary s;
        try (Progress progress = new Progress("inference: cases", total, err);
                AutoCloseable watch = progress.watch(() -> InferenceRun.progress(runDir))) {
            s =
                    InferenceRun.run(
                            manifest,
                            truth.rows(),
                            runDir,
                            new DicomCaseLoader(r.images(), MODALITY),
                            new ModelPreprocessor(r.model()),
                            new ModelScorerFactory(r.model()),
                            settings,
                            cluster,
                            cluster == null ? new String[0] : jobJars());
            // The job's staging folder is gone now, so the watcher would count 0: stop it first.
            watch.close();
            progress.update(s.results() + s.quarantined());
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("the inference job failed: " + e.getMessage(), e);
        }
        relabel(s.caseResults(), r.caseResults(), r.positiveClass(), truth.negativeLabel());
        if (!s.quarantine().equals(r.quarantine())) {
            Files.move(
                    s.quarantine(),
                    r.quarantine(),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return new InferenceResult(
                r.caseResults(),
                r.quarantine(),
                (int) s.casesIn(),
                (int) s.results(),
                (int) s.quarantined());
    }

    /** The jars a cluster needs to run the job: this program's, less Flink's own. */
    static String[] jobJars() {
        return java.util.Arrays.stream(
                        System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(p -> p.endsWith(".jar"))
                .filter(p -> !Path.of(p).getFileName().toString().startsWith("flink-"))
                .toArray(String[]::new);
    }

    /** Writes {@code case_id,file,sha256} for every DICOM file below {@code images}, sorted. */
    static Path writeManifest(Path images, Path file) throws IOException {
        List<String> lines =
                new ArrayList<>(List.of(org.clinval.streaming.function.ParseManifest.HEADER));
        for (Path f : ImagingPhiService.dicomFiles(images)) {
            Path relative = images.relativize(f);
            lines.add(
                    ImagingPhiService.caseId(relative)
                            + ","
                            + relative
                            + ","
                            + StudyReportService.sha256(f));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    /** Writes the job's results with the ground truth's own labels in place of 1 and 0. */
    private static void relabel(Path from, Path to, String positive, String negative)
            throws IOException {
        CSVFormat in = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        List<List<String>> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(from, StandardCharsets.UTF_8);
                CSVParser p = CSVParser.parse(reader, in)) {
            for (CSVRecord rec : p) {
                List<String> row = new ArrayList<>(rec.toList());
                row.set(5, rec.get("label").equals("1") ? positive : negative);
                rows.add(row);
            }
        }
        Path tmp = Files.createTempFile(to.toAbsolutePath().getParent(), "case-results", ".csv");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                CSVPrinter out =
                        CSVFormat.RFC4180
                                .builder()
                                .setHeader(CaseResult.HEADER.split(","))
                                .setRecordSeparator('\n')
                                .get()
                                .print(w)) {
            for (List<String> row : rows) out.printRecord(row);
        }
        Files.move(tmp, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
