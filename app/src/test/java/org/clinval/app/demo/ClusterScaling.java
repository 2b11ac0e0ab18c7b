package org.clinval.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clinval.app.testing.CliRun;
import org.clinval.streaming.cluster.ClusterSettings;
import org.clinval.streaming.cluster.FlinkCluster;

/**
 * Cases per second of a study's inference job on a standalone cluster with one TaskManager
 * (parallelism 1) and with two (parallelism 2), alternated in one run on one phantom study; the
 * rate is the cases over the job's own duration as the JobManager reports it (deployment and model
 * loading included, the study's other steps not). Also the largest completed checkpoint, for
 * sizing. Run by {@code tools/cluster-bench [CASES REPEATS]}.
 */
public final class ClusterScaling {

    private record Setup(String name, int taskManagers, int parallelism) {}

    private ClusterScaling() {}

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path root = Files.createTempDirectory("clinval-cluster-bench-");
        StudySite site = StudySite.create(root.resolve("study"), cases, 717171);
        List<Setup> setups =
                List.of(
                        new Setup("1 TaskManager, parallelism 1", 1, 1),
                        new Setup("2 TaskManagers, parallelism 2", 2, 2));
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        Map<String, Long> checkpoint = new LinkedHashMap<>();
        int run = 0;
        for (int r = 0; r < repeats; r++) {
            for (Setup s : setups) {
                FlinkCluster c =
                        FlinkCluster.start(
                                ClusterSettings.of(root.resolve("cluster-" + run))
                                        .withTaskManagers(s.taskManagers())
                                        .withSlots(1),
                                Duration.ofMinutes(2));
                try {
                    Path out = root.resolve("study/runs/R" + run++);
                    study(site, out, c.address(), s.parallelism());
                    JsonNode job = c.get("/jobs/overview").path("jobs").get(0);
                    double seconds = job.path("duration").asLong() / 1000.0;
                    rates.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(cases / seconds);
                    JsonNode cp =
                            c.get("/jobs/" + job.path("jid").asText() + "/checkpoints")
                                    .path("history");
                    long largest = 0;
                    for (JsonNode h : cp)
                        largest = Math.max(largest, h.path("state_size").asLong());
                    checkpoint.merge(s.name(), largest, Math::max);
                    System.err.printf(
                            "%s: %d cases in %.1f s (%.2f cases/s)%n",
                            s.name(), cases, seconds, cases / seconds);
                } finally {
                    c.stop(Duration.ofSeconds(30));
                }
            }
        }
        double base = median(rates.get(setups.get(0).name()));
        System.out.println(
                "| setup | cases/s (median of " + repeats + ") | ratio | largest checkpoint |");
        System.out.println("|---|---:|---:|---:|");
        for (Setup s : setups) {
            double m = median(rates.get(s.name()));
            System.out.printf(
                    "| %s | %.2f | %.2f× | %,d bytes |%n",
                    s.name(), m, m / base, checkpoint.get(s.name()));
        }
    }

    private static void study(StudySite site, Path out, String flink, int parallelism)
            throws Exception {
        CliRun start =
                CliRun.of(
                        site.args(
                                "study", "run", site.protocol.toString(), "--out", out.toString()));
        if (start.exit() != 0) throw new IllegalStateException(start.err());
        String approval = start.json().path("tasks").get(0).path("id").asText();
        CliRun done =
                CliRun.of(
                        site.args(
                                "task",
                                "complete",
                                approval,
                                "--run",
                                out.toString(),
                                "--user",
                                StudySite.LEAD,
                                "--meaning",
                                "approved",
                                "--password-file",
                                site.password.toString(),
                                "--flink",
                                flink,
                                "--parallelism",
                                Integer.toString(parallelism)));
        if (done.exit() != 0) throw new IllegalStateException(done.out() + done.err());
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
