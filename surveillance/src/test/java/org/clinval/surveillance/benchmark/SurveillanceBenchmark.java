package org.clinval.surveillance.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.clinval.surveillance.baseline.Baseline;
import org.clinval.surveillance.job.BenchmarkHooks;
import org.clinval.surveillance.job.Reconciliation;
import org.clinval.surveillance.job.Sources;
import org.clinval.surveillance.job.SurveillanceRun;
import org.clinval.surveillance.plan.MonitoringPlan;
import org.clinval.surveillance.plan.MonitoringPlanReader;

/**
 * Events per second through the surveillance job (parse, join, windows, drift, CUSUM, exactly-once
 * sinks; no inference) beside a plain single-threaded loop doing the same statistics over the same
 * events, and the job's state (the size of its checkpoints) after 10^6 and 10^7 events.
 *
 * <p>Run: {@code tools/pms-bench} (see BENCHMARKS.md). Arguments: {@code EVENTS REPEATS [EVENTS
 * REPEATS ...]}; each size is generated once, then job and loop alternate {@code REPEATS} times.
 */
public final class SurveillanceBenchmark {

    static final String PLAN =
            """
            plan: {id: PMS-BENCH, title: benchmark}
            window: week
            goal_window: month
            horizon_days: 90
            cusum:
              - {metric: specificity, strata: [all, site], arl0: 365, shift_sigma: 1}
            """;

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("clinval-pms-bench-");
        MonitoringPlan plan = MonitoringPlanReader.parse(Path.of("bench.yaml"), PLAN);
        Baseline baseline = BenchmarkHooks.syntheticBaseline(11);
        System.out.println(
                "events,run,job_s,job_events_per_s,loop_s,loop_events_per_s,ratio,max_checkpoint_bytes,last_checkpoint_bytes");
        for (int a = 0; a + 1 < args.length; a += 2) {
            long n = Long.parseLong(args[a]);
            int repeats = Integer.parseInt(args[a + 1]);
            Path events = work.resolve("events-" + n);
            long lines = generate(events, n, 5);
            for (int r = 0; r < repeats; r++) {
                Path out = work.resolve("out-" + n + "-" + r);
                SurveillanceRun run =
                        new SurveillanceRun(plan, baseline, out).checkpointEvery(10_000);
                long t0 = System.nanoTime();
                Reconciliation rec = run.run(new Sources.Folder(events, true), 2, null);
                double job = (System.nanoTime() - t0) / 1e9;
                if (rec.eventsIn() != lines) throw new IllegalStateException("job lost events");
                long t1 = System.nanoTime();
                long looped = BenchmarkHooks.plainLoop(events, plan, baseline);
                double loop = (System.nanoTime() - t1) / 1e9;
                if (looped != lines) throw new IllegalStateException("loop lost events");
                System.out.printf(
                        Locale.ROOT,
                        "%d,%d,%.2f,%.0f,%.2f,%.0f,%.2f,%d,%d%n",
                        lines,
                        r,
                        job,
                        lines / job,
                        loop,
                        lines / loop,
                        loop / job,
                        run.maxCheckpointBytes(),
                        run.lastCheckpointBytes());
                deleteRecursively(out);
            }
            deleteRecursively(events);
        }
        deleteRecursively(work);
    }

    /**
     * Writes about {@code n} events (predictions, their truth 1–60 days later for 95%, reader
     * decisions for half) at a steady rate of {@code perDay} thousand predictions a day, so that a
     * longer stream spans more days rather than denser ones.
     */
    static long generate(Path dir, long n, int perDayThousands) throws IOException {
        Files.createDirectories(dir);
        SplittableRandom rnd = new SplittableRandom(42);
        long predictions = n * 100 / 245; // 1 + 0.95 + 0.5 events per prediction
        long perDay = perDayThousands * 1000L;
        long start =
                LocalDate.of(2020, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        TreeMap<Long, List<String>> pending = new TreeMap<>();
        long written = 0;
        String[] sites = {"A", "B", "C"};
        String[] makers = {"GE MEDICAL SYSTEMS", "SIEMENS", "Philips"};
        String[] kernels = {"STANDARD", "B30f", "B"};
        int file = 0;
        BufferedWriter w = null;
        long fileDay = -1;
        for (long i = 0; i < predictions; i++) {
            long t = start + i * 86_400_000L / perDay;
            long day = (t - start) / 86_400_000L;
            if (day / 30 != fileDay) {
                if (w != null) w.close();
                fileDay = day / 30;
                w =
                        Files.newBufferedWriter(
                                dir.resolve(
                                        String.format(Locale.ROOT, "events-%05d.jsonl", file++)),
                                StandardCharsets.UTF_8);
            }
            while (!pending.isEmpty() && pending.firstKey() <= t) {
                for (String l : pending.pollFirstEntry().getValue()) {
                    w.write(l);
                    w.newLine();
                    written++;
                }
            }
            int s = rnd.nextInt(3);
            int label = rnd.nextDouble() < 0.3 ? 1 : 0;
            double score =
                    Math.min(
                            1,
                            Math.max(0, (label == 1 ? 0.7 : 0.3) + 0.2 * rnd.nextDouble() - 0.1));
            String id = "B" + i;
            w.write(
                    String.format(
                            Locale.ROOT,
                            "{\"type\":\"prediction\",\"case_id\":\"%s\",\"event_time\":\"%s\",\"site\":\"%s\",\"device_version\":\"2.1\",\"model_version\":\"1.0.0\",\"score\":%s,\"decision\":%d,\"acquisition\":{\"modality\":\"CT\",\"manufacturer\":\"%s\",\"kvp\":%d,\"slice_thickness_mm\":2.5,\"pixel_spacing_mm\":0.7,\"convolution_kernel\":\"%s\"}}",
                            id,
                            Instant.ofEpochMilli(t),
                            sites[s],
                            score,
                            score >= 0.5 ? 1 : 0,
                            makers[s],
                            s == 2 ? 100 : 120,
                            kernels[s]));
            w.newLine();
            written++;
            if (rnd.nextDouble() < 0.95) {
                long tt = t + (1 + rnd.nextInt(60)) * 86_400_000L;
                pending.computeIfAbsent(tt, k -> new ArrayList<>())
                        .add(
                                String.format(
                                        Locale.ROOT,
                                        "{\"type\":\"ground-truth\",\"case_id\":\"%s\",\"event_time\":\"%s\",\"label\":%d,\"source\":\"pathology\"}",
                                        id,
                                        Instant.ofEpochMilli(tt),
                                        label));
            }
            if (rnd.nextDouble() < 0.5) {
                long rt = t + 60_000;
                pending.computeIfAbsent(rt, k -> new ArrayList<>())
                        .add(
                                String.format(
                                        Locale.ROOT,
                                        "{\"type\":\"reader-decision\",\"case_id\":\"%s\",\"event_time\":\"%s\",\"agreed\":true}",
                                        id,
                                        Instant.ofEpochMilli(rt)));
            }
        }
        for (List<String> ls : pending.values()) {
            for (String l : ls) {
                w.write(l);
                w.newLine();
                written++;
            }
        }
        w.close();
        return written;
    }

    static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (var walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList())
                Files.deleteIfExists(q);
        }
    }

    private SurveillanceBenchmark() {}
}
