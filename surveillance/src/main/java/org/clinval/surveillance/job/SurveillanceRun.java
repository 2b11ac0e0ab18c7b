package org.clinval.surveillance.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.clinval.surveillance.baseline.Baseline;
import org.clinval.surveillance.plan.MonitoringPlan;
import org.clinval.surveillance.plan.MonitoringPlanReader;
import org.clinval.validation.cusum.CusumDesign;
import org.clinval.validation.cusum.CusumRunLength;

/**
 * Runs the surveillance job into an output folder: designs the CUSUM charts, writes the baseline
 * and the plan that apply, runs the job (on the in-process MiniCluster or a cluster), then turns
 * the committed part files into {@code windows.csv}, {@code drift.csv}, {@code cusum.csv}, {@code
 * alarms.jsonl}, {@code joined-cases.csv}, {@code dead-letter.jsonl} and {@code
 * reconciliation.json}.
 */
public final class SurveillanceRun {

    /** Where the job's part files are staged inside the output folder. */
    public static final String STAGING = ".staging";

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final MonitoringPlan plan;
    private final Baseline baseline;
    private final Path out;
    private final List<ChartSpec> charts;
    private long checkpointInterval = 2_000;
    private volatile long maxCheckpointBytes;
    private volatile long lastCheckpointBytes;

    public SurveillanceRun(MonitoringPlan plan, Baseline baseline, Path out) {
        this.plan = plan;
        this.baseline = baseline;
        this.out = out;
        this.charts = design(plan, baseline);
    }

    /** Returns each chart of the plan with its design and the baseline's in-control values. */
    public static List<ChartSpec> design(MonitoringPlan plan, Baseline baseline) {
        List<ChartSpec> out = new ArrayList<>();
        for (MonitoringPlan.Chart c : plan.cusum()) {
            CusumDesign d = CusumDesign.forArl0(c.arl0(), c.shiftSigma());
            double mu0;
            double unit;
            switch (c.metric()) {
                case "specificity", "sensitivity" -> {
                    int want = c.metric().equals("specificity") ? 0 : 1;
                    long n = 0, hit = 0;
                    for (int i = 0; i < baseline.labels().length; i++) {
                        if ((baseline.labels()[i] > 0 ? 1 : 0) != want) continue;
                        n++;
                        boolean call = baseline.scores()[i] >= baseline.threshold();
                        if (call == (want == 1)) hit++;
                    }
                    mu0 = n == 0 ? Double.NaN : (double) hit / n;
                    unit = Math.sqrt(mu0 * (1 - mu0));
                }
                case "positive_rate" -> {
                    long hit = 0;
                    for (double v : baseline.scores()) if (v >= baseline.threshold()) hit++;
                    mu0 = (double) hit / baseline.scores().length;
                    unit = Math.sqrt(mu0 * (1 - mu0));
                }
                default -> {
                    double[] s = baseline.scores();
                    double sum = 0;
                    for (double v : s) sum += v;
                    mu0 = sum / s.length;
                    double ss = 0;
                    for (double v : s) ss += (v - mu0) * (v - mu0);
                    unit = Math.sqrt(ss / (s.length - 1));
                }
            }
            out.add(new ChartSpec(c.metric(), c.strata(), d, mu0, unit));
        }
        return out;
    }

    /** Sets how often the job checkpoints (and so how often outputs are committed). */
    public SurveillanceRun checkpointEvery(long millis) {
        this.checkpointInterval = millis;
        return this;
    }

    /** The charts with their designs. */
    public List<ChartSpec> charts() {
        return charts;
    }

    /** Runs to the end of a bounded source (or until cancelled) and consolidates the outputs. */
    public Reconciliation run(Sources source, int parallelism, String cluster, String... jars)
            throws Exception {
        return run(source, parallelism, null, cluster, jars);
    }

    /**
     * Runs as {@link #run(Sources, int, String, String...)}; {@code failOnce}, when given, is put
     * after the parser to make one task fail once mid-stream (to show a restart from a checkpoint
     * double-counts nothing).
     */
    public Reconciliation run(
            Sources source, int parallelism, FailOnce failOnce, String cluster, String... jars)
            throws Exception {
        Files.createDirectories(out);
        Path staging = out.resolve(STAGING);
        deleteRecursively(staging);
        Files.createDirectories(staging);
        writeStatic();
        Path checkpoints = Files.createTempDirectory("clinval-pms-checkpoints-");
        Thread probe = new Thread(() -> probe(checkpoints), "checkpoint size");
        probe.setDaemon(true);
        probe.start();
        try {
            StreamExecutionEnvironment env = environment(parallelism, checkpoints, cluster, jars);
            new SurveillanceJob(plan, baseline, charts)
                    .failOnce(failOnce)
                    .build(env, source, staging);
            JobClient client = env.executeAsync("clinval surveillance");
            client.getJobExecutionResult().get();
            Reconciliation r = consolidate();
            if (source instanceof Sources.Folder f) {
                locateDeadLetters(f.folder(), out.resolve("dead-letter.jsonl"));
                r = r.withLinesRead(lines(f.folder()));
                Files.writeString(
                        out.resolve("reconciliation.json"), JSON.writeValueAsString(r.json()));
            }
            deleteRecursively(staging);
            return r;
        } finally {
            probe.interrupt();
            probe.join(2_000);
            deleteRecursively(checkpoints);
        }
    }

    /** The largest completed checkpoint seen during the last run, in bytes: the job's state. */
    public long maxCheckpointBytes() {
        return maxCheckpointBytes;
    }

    /** The last completed checkpoint seen during the last run, in bytes. */
    public long lastCheckpointBytes() {
        return lastCheckpointBytes;
    }

    /** Samples the size of the newest completed checkpoint (one with its _metadata) each second. */
    private void probe(Path checkpoints) {
        while (!Thread.currentThread().isInterrupted()) {
            try (Stream<Path> walk = Files.walk(checkpoints)) {
                Path newest =
                        walk.filter(p -> p.getFileName().toString().equals("_metadata"))
                                .map(Path::getParent)
                                .max(Comparator.comparingLong(SurveillanceRun::checkpointId))
                                .orElse(null);
                if (newest != null) {
                    long bytes = size(newest) + size(newest.getParent().resolve("shared"));
                    lastCheckpointBytes = bytes;
                    maxCheckpointBytes = Math.max(maxCheckpointBytes, bytes);
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                // A checkpoint removed while it was measured: the next sample sees another.
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static long checkpointId(Path chk) {
        String n = chk.getFileName().toString();
        try {
            return Long.parseLong(n.substring(n.indexOf('-') + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long size(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return 0;
        try (Stream<Path> w = Files.walk(dir)) {
            return w.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** Writes what does not come from the stream: the plan applied, the baseline, the designs. */
    public void writeStatic() throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("plan.yaml"), MonitoringPlanReader.toYaml(plan));
        Files.writeString(out.resolve("baseline.json"), JSON.writeValueAsString(baselineJson()));
        ArrayNode designs = JSON.createArrayNode();
        for (ChartSpec c : charts) {
            ObjectNode n = designs.addObject();
            n.put("metric", c.metric());
            ArrayNode s = n.putArray("strata");
            c.strata().forEach(s::add);
            n.put("arl0_target", c.design().arl0Target());
            n.put("shift_sigma", c.design().shiftSigma());
            n.put("k", c.design().k());
            n.put("h", c.design().h());
            n.put("arl0", c.design().arl0Achieved());
            n.put("arl1", c.design().arl1());
            // The delay is skewed: how late an alarm may come and still be what the design expects.
            CusumRunLength rl =
                    CusumRunLength.of(c.design().k(), c.design().h(), c.design().shiftSigma());
            ObjectNode d = n.putObject("arl1_run_length");
            d.put("median", rl.median());
            d.put("p90", rl.p90());
            d.put("simulated_mean", rl.mean());
            d.put("runs", rl.runs());
            d.put("seed", rl.seed());
            n.put("mu0", c.mu0());
            n.put("sigma_unit", c.sigmaUnit());
            n.put(
                    "standardisation",
                    c.metric().equals("mean_score")
                            ? "(mean score of the day - mu0) / (sigma_unit / sqrt(n))"
                            : "mid-p normal score of the day's count under Bin(n, mu0)");
            n.put("method", c.design().method());
        }
        Files.writeString(out.resolve("cusum-design.json"), JSON.writeValueAsString(designs));
    }

    private ObjectNode baselineJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("run", baseline.run());
        n.put("study", baseline.study());
        n.put("model_sha256", baseline.modelSha256());
        n.put("dataset_sha256", baseline.datasetSha256());
        n.put("case_results_sha256", baseline.caseResultsSha256());
        n.put("cases", baseline.labels().length);
        n.put("threshold", baseline.threshold());
        n.put("images_read_for_metadata", baseline.images());
        ObjectNode m = n.putObject("metrics");
        for (Baseline.Goal g : baseline.metrics().values()) {
            ObjectNode e = m.putObject(g.measure());
            e.put("endpoint", g.endpoint());
            e.put("estimate", g.estimate());
            e.putArray("ci").add(g.ciLower()).add(g.ciUpper());
            e.put("ci_method", g.ciMethod());
            if (g.estimateMin() != null) e.put("estimate_min", g.estimateMin());
            if (g.ciLowerMin() != null) e.put("ci_lower_min", g.ciLowerMin());
            ArrayNode r = e.putArray("requirements");
            g.requirements().forEach(r::add);
            ArrayNode c = e.putArray("risk_controls");
            g.riskControls().forEach(c::add);
        }
        return n;
    }

    /**
     * Turns the committed part files into the output files (safe to call while an unbounded job
     * runs: files in progress start with a dot and are left for the next call).
     */
    public Reconciliation consolidate() throws IOException {
        Path staging = out.resolve(STAGING);
        write(staging, "windows", "windows.csv", WindowMetrics.HEADER, windowOrder());
        write(staging, "drift", "drift.csv", DriftRows.HEADER, Comparator.naturalOrder());
        write(staging, "cusum", "cusum.csv", CusumCharts.HEADER, cusumOrder());
        write(staging, "alarms", "alarms.jsonl", null, Comparator.naturalOrder());
        write(staging, "joined", "joined-cases.csv", JoinedCases.HEADER, Comparator.naturalOrder());
        write(staging, "dead-letter", "dead-letter.jsonl", null, Comparator.naturalOrder());
        Map<Ledger.Fate, Long> counts = new EnumMap<>(Ledger.Fate.class);
        Map<Ledger.Fate, Long> asOf = new EnumMap<>(Ledger.Fate.class);
        for (String line : committed(staging.resolve("ledger"))) {
            String[] f = line.split(",");
            Ledger.Fate fate = Ledger.Fate.valueOf(f[1].toUpperCase(java.util.Locale.ROOT));
            long t = Long.parseLong(f[0]);
            if (t >= asOf.getOrDefault(fate, Long.MIN_VALUE)) {
                asOf.put(fate, t);
                counts.put(fate, Long.parseLong(f[2]));
            }
        }
        Reconciliation r = Reconciliation.of(counts);
        Files.writeString(out.resolve("reconciliation.json"), JSON.writeValueAsString(r.json()));
        return r;
    }

    private static Comparator<String> windowOrder() {
        // window_kind, window_start, window_end, stratum (all first)
        return Comparator.comparing((String l) -> field(l, 0))
                .thenComparing(l -> field(l, 1))
                .thenComparing(l -> field(l, 2))
                .thenComparing(l -> field(l, 3).equals("all") ? "" : field(l, 3));
    }

    private static Comparator<String> cusumOrder() {
        return Comparator.comparing((String l) -> field(l, 2))
                .thenComparing(l -> field(l, 1).equals("all") ? "" : field(l, 1))
                .thenComparing(l -> field(l, 0));
    }

    /** The {@code i}-th comma-separated field (the sort keys are never quoted). */
    private static String field(String line, int i) {
        int from = 0;
        for (int k = 0; k < i; k++) {
            from = line.indexOf(',', from) + 1;
            if (from == 0) return "";
        }
        int to = line.indexOf(',', from);
        return to < 0 ? line.substring(from) : line.substring(from, to);
    }

    private void write(
            Path staging, String dir, String file, String header, Comparator<String> order)
            throws IOException {
        List<String> lines = committed(staging.resolve(dir));
        lines.sort(order);
        StringBuilder b = new StringBuilder();
        if (header != null) b.append(header).append('\n');
        for (String l : lines) b.append(l).append('\n');
        Files.writeString(out.resolve(file), b.toString(), StandardCharsets.UTF_8);
    }

    private static List<String> committed(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        if (!Files.isDirectory(dir)) return lines;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f :
                    files.filter(p -> !p.getFileName().toString().startsWith("."))
                            .sorted()
                            .toList()) {
                for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (!l.isEmpty()) lines.add(l);
                }
            }
        }
        return lines;
    }

    private StreamExecutionEnvironment environment(
            int parallelism, Path checkpoints, String cluster, String... jars) {
        Configuration conf = new Configuration();
        conf.setString("execution.checkpointing.interval", checkpointInterval + " ms");
        conf.setString("execution.checkpointing.storage", "filesystem");
        conf.setString("execution.checkpointing.dir", checkpoints.toUri().toString());
        conf.setString("restart-strategy.type", "fixed-delay");
        conf.setString("restart-strategy.fixed-delay.attempts", "3");
        conf.setString("restart-strategy.fixed-delay.delay", "100 ms");
        conf.setString("pipeline.generic-types", "false");
        conf.setString("parallelism.default", Integer.toString(parallelism));
        if (cluster == null) {
            conf.setString("rest.bind-port", "0");
            return StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
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

    /**
     * Adds to each refused line of the events folder its file and line number: the job reads lines
     * without knowing which file they came from, so they are found again here, each occurrence
     * once, in the order the folder is read.
     */
    static void locateDeadLetters(Path folder, Path deadLetters) throws IOException {
        if (!Files.exists(deadLetters)) return;
        List<String> dead = Files.readAllLines(deadLetters, StandardCharsets.UTF_8);
        java.util.Map<String, java.util.ArrayDeque<Integer>> wanted = new java.util.HashMap<>();
        List<ObjectNode> nodes = new ArrayList<>();
        for (int i = 0; i < dead.size(); i++) {
            ObjectNode n = (ObjectNode) JSON.readTree(dead.get(i));
            nodes.add(n);
            if (n.path("source").asText().equals("events folder")) {
                wanted.computeIfAbsent(n.path("raw").asText(), k -> new java.util.ArrayDeque<>())
                        .add(i);
            }
        }
        if (wanted.isEmpty()) return;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files =
                    walk.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .sorted()
                            .toList();
        }
        for (Path file : files) {
            try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                int number = 0;
                while ((line = reader.readLine()) != null) {
                    number++;
                    java.util.ArrayDeque<Integer> at = wanted.get(line);
                    if (at == null || at.isEmpty()) continue;
                    ObjectNode n = nodes.get(at.poll());
                    n.put("source", folder.relativize(file).toString());
                    n.put("line", number);
                }
            }
        }
        StringBuilder b = new StringBuilder();
        for (ObjectNode n : nodes) b.append(n.toString()).append('\n');
        Files.writeString(deadLetters, b.toString(), StandardCharsets.UTF_8);
    }

    /** Counts the non-blank lines of every file of the events folder: the events the job reads. */
    static long lines(Path folder) throws IOException {
        long n = 0;
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (f.getFileName().toString().startsWith(".")) continue;
                try (var r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        if (!line.isBlank()) n++;
                    }
                }
            }
        }
        return n;
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
