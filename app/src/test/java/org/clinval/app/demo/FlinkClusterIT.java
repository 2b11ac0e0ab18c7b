package org.clinval.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clinval.app.testing.CliRun;
import org.clinval.app.testing.ClinvalProcess;
import org.clinval.streaming.cluster.ClusterSettings;
import org.clinval.streaming.cluster.FlinkCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study's inference on a standalone Flink session cluster (a JobManager and two TaskManagers,
 * each its own process, started as {@code clinval cluster start} does) loses a TaskManager to
 * {@code kill -9} after a checkpoint, in the middle of the job: the job restarts from the
 * checkpoint on a TaskManager started in its place, and {@code case-results.csv} is byte for byte
 * the one the in-process MiniCluster wrote for the same study — no case lost, none twice. Then the
 * surveillance job runs on the same cluster and writes what it writes in-process, file for file.
 */
class FlinkClusterIT {

    private static final int CASES = 120;

    @TempDir Path dir;
    private FlinkCluster cluster;

    @AfterEach
    void stopCluster() throws Exception {
        if (cluster != null) cluster.stop(Duration.ofSeconds(20));
    }

    @Test
    void aStudyLosingOneOfTwoTaskManagersGivesTheMiniClusterResults() throws Exception {
        StudySite site = StudySite.create(dir.resolve("study"), CASES, 616161);

        // The same study on the in-process MiniCluster.
        Path mini = dir.resolve("study/runs/MINI");
        approve(site, mini, List.of());
        byte[] expected = Files.readAllBytes(mini.resolve("case-results.csv"));

        // On the cluster, run by another program, as a user's study is.
        cluster =
                FlinkCluster.start(
                        ClusterSettings.of(logs()).withTaskManagers(2).withSlots(1),
                        Duration.ofMinutes(2));
        assertThat(cluster.overview().path("slots-total").asInt()).isEqualTo(2);
        Path onCluster = dir.resolve("study/runs/CLUSTER");
        String approval = start(site, onCluster);
        Path log = dir.resolve("cluster-study.log");
        Process study =
                ClinvalProcess.start(
                        log,
                        null,
                        Map.of(),
                        List.of(
                                site.args(
                                        "task",
                                        "complete",
                                        approval,
                                        "--run",
                                        onCluster.toString(),
                                        "--user",
                                        StudySite.LEAD,
                                        "--meaning",
                                        "approved",
                                        "--password-file",
                                        site.password.toString(),
                                        "--flink",
                                        cluster.address())));

        // Once a checkpoint is complete and the job still runs, kill a TaskManager that runs a
        // subtask of it, and start another in its place.
        String job = awaitCheckpointedJob(study, log);
        String victim = busyTaskManager();
        long pid = cluster.taskManagerPids().get(Integer.parseInt(victim.split("-")[1]) - 1);
        long killedAt = System.nanoTime();
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        cluster.addTaskManager();
        Duration recovery = awaitRecovery(job, killedAt);
        System.out.printf(
                "FlinkClusterIT: killed %s (pid %d); the job ran again on all its subtasks %.1f s"
                        + " later%n",
                victim, pid, recovery.toMillis() / 1000.0);

        assertThat(study.waitFor()).as(Files.readString(log)).isZero();
        JsonNode exceptions = cluster.get("/jobs/" + job + "/exceptions");
        assertThat(exceptions.path("exceptionHistory").path("entries"))
                .as("the job saw the TaskManager's loss")
                .isNotEmpty();
        assertThat(cluster.get("/jobs/" + job).path("state").asText()).isEqualTo("FINISHED");

        byte[] actual = Files.readAllBytes(onCluster.resolve("case-results.csv"));
        List<String> ids = TrustworthyStudyIT.column(onCluster.resolve("case-results.csv"));
        List<String> quarantined = TrustworthyStudyIT.column(onCluster.resolve("quarantine.csv"));
        assertThat(ids).doesNotHaveDuplicates();
        Set<String> both = new HashSet<>(ids);
        both.retainAll(quarantined);
        assertThat(both).isEmpty();
        assertThat(ids.size() + quarantined.size()).isEqualTo(CASES);
        assertThat(new String(actual, java.nio.charset.StandardCharsets.UTF_8))
                .as("case-results.csv on the cluster, after the loss, and on the MiniCluster")
                .isEqualTo(new String(expected, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(Files.readString(log)).doesNotContain("Exception");

        // The surveillance job, on the same cluster and in-process, over events of the same cases.
        Path events = Files.createDirectories(dir.resolve("pms/events"));
        Files.write(events.resolve("part-000.jsonl"), events(3000, 717));
        Path plan = Files.writeString(dir.resolve("pms/plan.yaml"), PmsDemoCommand.PLAN);
        Path inProcess = dir.resolve("pms/mini");
        Path clustered = dir.resolve("pms/cluster");
        for (Path out : List.of(inProcess, clustered)) {
            List<String> args =
                    new ArrayList<>(
                            List.of(
                                    "pms",
                                    "run",
                                    "--baseline",
                                    mini.toString(),
                                    "--plan",
                                    plan.toString(),
                                    "--events",
                                    events.toString(),
                                    "--out",
                                    out.toString(),
                                    "--bounded"));
            if (out == clustered) {
                args.addAll(List.of("--flink", cluster.address(), "--parallelism", "2"));
            }
            CliRun pms = CliRun.of(args.toArray(String[]::new));
            assertThat(pms.exit()).as(pms.err()).isZero();
        }
        JsonNode reconciliation =
                CliRun.json(Files.readString(clustered.resolve("reconciliation.json")));
        assertThat(reconciliation.path("events_in").asLong()).isEqualTo(6000);
        assertThat(reconciliation.path("used").asLong()).isGreaterThan(5000);
        List<String> files;
        try (var list = Files.list(inProcess)) {
            files = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(files).contains("windows.csv", "alarms.jsonl", "cusum.csv", "drift.csv");
        for (String f : files) {
            assertThat(Files.readString(clustered.resolve(f)))
                    .as(f + " of the surveillance job on the cluster and in-process")
                    .isEqualTo(Files.readString(inProcess.resolve(f)));
        }
    }

    /**
     * A prediction every 20 minutes at sites A and B, and its ground truth 1–20 days later, in time
     * order (as a device would send them).
     */
    private static List<String> events(int cases, long seed) {
        java.util.Random r = new java.util.Random(seed);
        java.time.Instant t0 = java.time.Instant.parse("2026-01-05T08:00:00Z");
        java.util.TreeMap<String, String> byTime = new java.util.TreeMap<>();
        for (int i = 0; i < cases; i++) {
            java.time.Instant t = t0.plusSeconds(1200L * i);
            String site = r.nextBoolean() ? "A" : "B";
            int label = r.nextDouble() < 0.3 ? 1 : 0;
            double score =
                    Math.min(1, Math.max(0, r.nextGaussian() * 0.15 + (label == 1 ? 0.7 : 0.3)));
            String id = String.format("C%06d", i);
            byTime.put(
                    t + "/" + id + "/p",
                    String.format(
                            java.util.Locale.ROOT,
                            "{\"type\":\"prediction\",\"case_id\":\"%s\",\"event_time\":\"%s\","
                                    + "\"site\":\"%s\",\"device_version\":\"1.0.0\","
                                    + "\"model_version\":\"1.0.0\",\"score\":%.4f,\"decision\":%d,"
                                    + "\"acquisition\":{\"modality\":\"CT\",\"manufacturer\":\"%s\","
                                    + "\"kvp\":120,\"slice_thickness_mm\":2.5}}",
                            id,
                            t,
                            site,
                            score,
                            score >= 0.5 ? 1 : 0,
                            site.equals("A") ? "GE MEDICAL SYSTEMS" : "SIEMENS"));
            java.time.Instant truth = t.plusSeconds(86_400L * (1 + r.nextInt(20)));
            byTime.put(
                    truth + "/" + id + "/t",
                    String.format(
                            "{\"type\":\"ground-truth\",\"case_id\":\"%s\",\"event_time\":\"%s\","
                                    + "\"label\":%d,\"source\":\"pathology\"}",
                            id, truth, label));
        }
        return new ArrayList<>(byTime.values());
    }

    /** The cluster's folder, kept after the build for its processes' logs. */
    private static Path logs() throws Exception {
        Path d = Path.of("target", "flink-cluster-it").toAbsolutePath();
        if (Files.exists(d)) {
            try (var s = Files.walk(d)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return d;
    }

    /** {@code study run} then the approval, in this process; returns after the inference. */
    private static void approve(StudySite site, Path run, List<String> extra) throws Exception {
        String approval = start(site, run);
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "task",
                                "complete",
                                approval,
                                "--run",
                                run.toString(),
                                "--user",
                                StudySite.LEAD,
                                "--meaning",
                                "approved",
                                "--password-file",
                                site.password.toString()));
        args.addAll(extra);
        CliRun done = CliRun.of(site.args(args.toArray(String[]::new)));
        assertThat(done.exit()).as(done.out() + done.err()).isZero();
    }

    private static String start(StudySite site, Path run) throws Exception {
        CliRun start =
                CliRun.of(
                        site.args(
                                "study", "run", site.protocol.toString(), "--out", run.toString()));
        assertThat(start.exit()).as(start.err()).isZero();
        return start.json().path("tasks").get(0).path("id").asText();
    }

    /** The id of the cluster's running job once it has a completed checkpoint. */
    private String awaitCheckpointedJob(Process study, Path log) throws Exception {
        long end = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        StringBuilder seen = new StringBuilder();
        while (System.nanoTime() < end) {
            assertThat(study.isAlive())
                    .as("the study ended early:\n" + Files.readString(log) + "\njobs:\n" + seen)
                    .isTrue();
            JsonNode jobs = cluster.get("/jobs/overview").path("jobs");
            seen.setLength(0);
            seen.append(jobs).append('\n');
            for (JsonNode j : jobs) {
                if (!j.path("state").asText().equals("RUNNING")) continue;
                String id = j.path("jid").asText();
                JsonNode counts = cluster.get("/jobs/" + id + "/checkpoints").path("counts");
                seen.append(counts).append('\n');
                if (counts.path("completed").asInt() >= 1) return id;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no running job with a checkpoint within 10 minutes");
    }

    /** A TaskManager with a slot in use. */
    private String busyTaskManager() throws Exception {
        for (JsonNode tm : cluster.get("/taskmanagers").path("taskmanagers")) {
            if (tm.path("freeSlots").asInt() < tm.path("slotsNumber").asInt()) {
                return tm.path("id").asText();
            }
        }
        throw new AssertionError("no TaskManager runs a subtask: " + cluster.get("/taskmanagers"));
    }

    /**
     * Time from the kill until the job runs again on all its subtasks (or has finished), after it
     * was seen to fail over.
     */
    private Duration awaitRecovery(String job, long killedAt) throws Exception {
        boolean failedOver = false;
        long end = killedAt + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < end) {
            JsonNode j = cluster.get("/jobs/" + job);
            String state = j.path("state").asText();
            if (!state.equals("RUNNING")) failedOver = true;
            boolean allRunning = true;
            for (JsonNode v : j.path("vertices")) {
                String s = v.path("status").asText();
                if (!s.equals("RUNNING") && !s.equals("FINISHED")) allRunning = false;
                if (!s.equals("RUNNING") && !s.equals("FINISHED")) failedOver = true;
            }
            if (failedOver
                    && (state.equals("FINISHED") || (state.equals("RUNNING") && allRunning))) {
                return Duration.ofNanos(System.nanoTime() - killedAt);
            }
            Thread.sleep(50);
        }
        throw new AssertionError(
                "the job did not recover within 5 minutes: " + cluster.get("/jobs/" + job));
    }
}
