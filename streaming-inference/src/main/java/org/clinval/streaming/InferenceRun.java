package org.clinval.streaming;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.flink.api.common.serialization.Encoder;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.clinval.streaming.function.CsvLines;
import org.clinval.streaming.function.ParseManifest;

/**
 * Runs the inference job over a locked manifest into a run folder: on an in-process MiniCluster
 * (the default) or on a Flink cluster, with checkpointing on and file sinks that commit only on
 * checkpoints, so every result is written exactly once even across a restart. Afterwards it merges
 * the committed part files into {@code case-results.csv}, {@code quarantine.csv} and {@code
 * running-site-counts.csv}, sorted by case, and checks that every input is accounted for.
 */
public final class InferenceRun {

    private static final String STAGING = ".flink";

    private InferenceRun() {}

    /**
     * Runs the job.
     *
     * @param manifest the locked manifest ({@code case_id,file,sha256} with a header line)
     * @param truth the ground truth, one row per case
     * @param runDir the run folder; outputs go here
     * @param cluster {@code host:port} of a Flink cluster's REST endpoint, or null for in-process
     * @param jars jars to ship to a cluster (ignored in-process)
     * @throws IllegalStateException if inputs and outputs do not reconcile
     */
    public static RunSummary run(
            Path manifest,
            List<GroundTruth> truth,
            Path runDir,
            CaseLoader loader,
            Preprocessor preprocessor,
            ScorerFactory scorer,
            JobSettings settings,
            String cluster,
            String... jars)
            throws Exception {
        return execute(
                manifest,
                truth,
                runDir,
                List.of(),
                settings,
                cluster,
                jars,
                (source, staging) ->
                        new InferenceJob(
                                source,
                                truth,
                                sink(staging.resolve("results"), CsvLines.results()),
                                sink(staging.resolve("quarantine"), CsvLines.quarantine()),
                                sink(staging.resolve("site-counts"), CsvLines.siteCounts()),
                                loader,
                                preprocessor,
                                scorer,
                                settings));
    }

    /**
     * Runs the job of a grading study: as {@link #run}, with the model's grade and class
     * probabilities as the task columns {@code measures} of the results.
     */
    public static RunSummary runGraded(
            Path manifest,
            List<GroundTruth> truth,
            Path runDir,
            CaseLoader loader,
            Preprocessor preprocessor,
            ScorerFactory scorer,
            org.clinval.streaming.function.ScoreCase.Grades grades,
            List<String> measures,
            JobSettings settings,
            String cluster,
            String... jars)
            throws Exception {
        return execute(
                manifest,
                truth,
                runDir,
                measures,
                settings,
                cluster,
                jars,
                (source, staging) ->
                        new InferenceJob(
                                        source,
                                        truth,
                                        sink(staging.resolve("results"), CsvLines.results()),
                                        sink(staging.resolve("quarantine"), CsvLines.quarantine()),
                                        sink(staging.resolve("site-counts"), CsvLines.siteCounts()),
                                        loader,
                                        preprocessor,
                                        scorer,
                                        settings)
                                .withGrades(grades));
    }

    /**
     * Runs the job of a segmentation or detection study: every case's series is evaluated as a
     * whole; the results file has the task's columns {@code measures}; a detection model's
     * candidates go to {@code candidates.csv} ({@value #CANDIDATES_HEADER}).
     */
    public static RunSummary runVolumes(
            Path manifest,
            List<GroundTruth> truth,
            Path runDir,
            VolumeEvaluatorFactory evaluator,
            List<String> measures,
            JobSettings settings,
            String cluster,
            String... jars)
            throws Exception {
        return execute(
                manifest,
                truth,
                runDir,
                measures,
                settings,
                cluster,
                jars,
                (source, staging) ->
                        new InferenceJob(
                                source,
                                truth,
                                sink(staging.resolve("results"), CsvLines.results()),
                                sink(staging.resolve("quarantine"), CsvLines.quarantine()),
                                sink(staging.resolve("site-counts"), CsvLines.siteCounts()),
                                sink(staging.resolve("candidates"), CsvLines.text()),
                                evaluator,
                                settings));
    }

    /** The header of {@code candidates.csv}. */
    public static final String CANDIDATES_HEADER = "case_id,x,y,z,score";

    private interface JobFactory {
        InferenceJob job(FileSource<String> source, Path staging);
    }

    private static RunSummary execute(
            Path manifest,
            List<GroundTruth> truth,
            Path runDir,
            List<String> measures,
            JobSettings settings,
            String cluster,
            String[] jars,
            JobFactory factory)
            throws Exception {
        Path staging = runDir.resolve(STAGING);
        deleteRecursively(staging);
        Files.createDirectories(staging);
        // Checkpoints are the job's scratch state, not a record of the study: they live outside the
        // run folder, and Flink may still be cleaning them up when the job has returned.
        Path checkpoints = Files.createTempDirectory("clinval-checkpoints-");
        StreamExecutionEnvironment env = environment(settings, checkpoints, cluster, jars);

        FileSource<String> source =
                FileSource.forRecordStreamFormat(
                                new TextLineInputFormat(),
                                new org.apache.flink.core.fs.Path(manifest.toUri()))
                        .build();
        factory.job(source, staging).build(env);
        long start = System.nanoTime();
        env.execute("clinval inference");
        Duration wall = Duration.ofNanos(System.nanoTime() - start);

        Path results = runDir.resolve("case-results.csv");
        Path quarantine = runDir.resolve("quarantine.csv");
        Path counts = runDir.resolve("running-site-counts.csv");
        long nResults =
                merge(staging.resolve("results"), results, CaseResult.header(measures), true);
        long nQuarantined =
                merge(staging.resolve("quarantine"), quarantine, Quarantined.HEADER, true);
        merge(staging.resolve("site-counts"), counts, SiteCounts.HEADER, false);
        if (Files.isDirectory(staging.resolve("candidates"))) {
            merge(
                    staging.resolve("candidates"),
                    runDir.resolve("candidates.csv"),
                    CANDIDATES_HEADER,
                    true);
        }
        long casesIn = casesIn(manifest, truth);
        if (casesIn != nResults + nQuarantined) {
            throw new IllegalStateException(
                    "inputs do not reconcile: "
                            + casesIn
                            + " cases in, but "
                            + nResults
                            + " results + "
                            + nQuarantined
                            + " quarantined");
        }
        deleteRecursively(staging);
        deleteQuietly(checkpoints);
        return new RunSummary(casesIn, nResults, nQuarantined, results, quarantine, counts, wall);
    }

    /**
     * Returns how many results and quarantined inputs the job running into {@code runDir} has
     * written so far, committed or not: for progress display, not for accounting.
     */
    public static long progress(Path runDir) {
        // Distinct cases, not lines: after a restart the files of the interrupted attempt are
        // still there (the job discards them on restore), and the same case is written again.
        Set<String> cases = new HashSet<>();
        for (String part : List.of("results", "quarantine")) {
            Path dir = runDir.resolve(STAGING).resolve(part);
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    try (Stream<String> lines = Files.lines(f, StandardCharsets.UTF_8)) {
                        lines.forEach(l -> cases.add(caseKey(l)));
                    } catch (IOException | java.io.UncheckedIOException e) {
                        // A part file renamed or removed while counting: counted next time.
                    }
                }
            } catch (IOException e) {
                return cases.size();
            }
        }
        return cases.size();
    }

    /** The case id field of a results or quarantine line (the first CSV field, quoted or not). */
    static String caseKey(String line) {
        if (line.startsWith("\"")) {
            int i = 1;
            while (i < line.length()) {
                if (line.charAt(i) == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        i += 2;
                        continue;
                    }
                    return line.substring(0, i + 1);
                }
                i++;
            }
            return line;
        }
        int comma = line.indexOf(',');
        return comma < 0 ? line : line.substring(0, comma);
    }

    /** Returns manifest lines plus ground-truth rows less the case ids found in both. */
    static long casesIn(Path manifest, List<GroundTruth> truth) throws IOException {
        Set<String> manifestIds = new HashSet<>();
        long lines = 0;
        try (java.io.Reader r = Files.newBufferedReader(manifest, StandardCharsets.UTF_8);
                org.apache.commons.csv.CSVParser p =
                        org.apache.commons.csv.CSVParser.parse(r, ParseManifest.FORMAT)) {
            for (org.apache.commons.csv.CSVRecord rec : p) {
                if (rec.size() == 1 && rec.get(0).isBlank()) continue;
                if (String.join(",", rec.toList()).equals(ParseManifest.HEADER)) continue;
                lines++;
                manifestIds.add(rec.get(0));
            }
        }
        Set<String> truthIds = new HashSet<>();
        for (GroundTruth t : truth) truthIds.add(t.caseId());
        truthIds.retainAll(manifestIds);
        return lines + truth.size() - truthIds.size();
    }

    private static StreamExecutionEnvironment environment(
            JobSettings settings, Path checkpoints, String cluster, String... jars) {
        Configuration conf = new Configuration();
        conf.setString(
                "execution.checkpointing.interval",
                settings.checkpointInterval().toMillis() + " ms");
        conf.setString("execution.checkpointing.storage", "filesystem");
        conf.setString("execution.checkpointing.dir", checkpoints.toUri().toString());
        // A case reference is a few bytes: the manifest's cases all wait in the network buffers
        // before the slow model, and an aligned checkpoint barrier behind them completes only when
        // every case is scored, so a lost TaskManager meant starting again. Unaligned barriers
        // overtake the waiting references (stored with the checkpoint) and commit every 2 s.
        conf.setString("execution.checkpointing.unaligned.enabled", "true");
        conf.setString("restart-strategy.type", "fixed-delay");
        conf.setString("restart-strategy.fixed-delay.attempts", "3");
        conf.setString("restart-strategy.fixed-delay.delay", "100 ms");
        // Records are POJOs; failing on a generic type keeps Kryo (and its reflection) out.
        conf.setString("pipeline.generic-types", "false");
        conf.setString("parallelism.default", Integer.toString(settings.parallelism()));
        if (cluster == null) {
            conf.setString("rest.bind-port", "0");
            return StreamExecutionEnvironment.createLocalEnvironment(settings.parallelism(), conf);
        }
        // On a cluster a lost TaskManager is noticed by heartbeat (seconds): a restart in 100 ms
        // would be placed on its slots again and spend the attempts before it is known lost.
        conf.setString("restart-strategy.fixed-delay.attempts", "10");
        conf.setString("restart-strategy.fixed-delay.delay", "2 s");
        String[] hostPort = cluster.split(":", 2);
        if (hostPort.length != 2) {
            throw new IllegalArgumentException("cluster address is not host:port: " + cluster);
        }
        return StreamExecutionEnvironment.createRemoteEnvironment(
                hostPort[0], Integer.parseInt(hostPort[1]), conf, jars);
    }

    private static <T> FileSink<T> sink(Path dir, Encoder<T> encoder) {
        return FileSink.forRowFormat(new org.apache.flink.core.fs.Path(dir.toUri()), encoder)
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .withOutputFileConfig(
                        OutputFileConfig.builder()
                                .withPartPrefix("part")
                                .withPartSuffix(".csv")
                                .build())
                .build();
    }

    /**
     * Concatenates the committed part files (in-progress files start with a dot) and sorts them.
     */
    private static long merge(Path dir, Path target, String header, boolean sort)
            throws IOException {
        List<String> lines = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f :
                        files.filter(p -> !p.getFileName().toString().startsWith("."))
                                .sorted()
                                .toList()) {
                    lines.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
                }
            }
        }
        if (sort) {
            lines.sort(Comparator.naturalOrder());
        }
        List<String> out = new ArrayList<>(lines.size() + 1);
        out.add(header);
        out.addAll(lines);
        Files.write(target, out, StandardCharsets.UTF_8);
        return lines.size();
    }

    /** Deletes a scratch folder that Flink may still be writing to; what it cannot delete stays. */
    private static void deleteQuietly(Path dir) {
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                deleteRecursively(dir);
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Deletes {@code dir}; files removed meanwhile by someone else are not an error. */
    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        Files.walkFileTree(
                dir,
                new java.nio.file.SimpleFileVisitor<>() {
                    @Override
                    public java.nio.file.FileVisitResult visitFile(
                            Path file, java.nio.file.attribute.BasicFileAttributes attrs)
                            throws IOException {
                        Files.deleteIfExists(file);
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }

                    @Override
                    public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e)
                            throws IOException {
                        if (e instanceof java.nio.file.NoSuchFileException)
                            return java.nio.file.FileVisitResult.CONTINUE;
                        throw e;
                    }

                    @Override
                    public java.nio.file.FileVisitResult postVisitDirectory(Path d, IOException e)
                            throws IOException {
                        if (e != null && !(e instanceof java.nio.file.NoSuchFileException)) throw e;
                        Files.deleteIfExists(d);
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }
                });
    }
}
