package org.clinval.streaming.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.clinval.streaming.InferenceRun;
import org.clinval.streaming.JobSettings;
import org.clinval.streaming.RunSummary;
import org.clinval.streaming.ScorerFactory;
import org.clinval.streaming.imaging.DicomCaseLoader;
import org.clinval.streaming.imaging.ModelPreprocessor;
import org.clinval.streaming.imaging.ModelScorerFactory;
import org.clinval.validation.ThresholdRule;

/**
 * The inference job beside the plain loop of {@link JobVsLoopBenchmark}, in pairs: each round runs
 * both on the same {@value JobVsLoopBenchmark#CASES} cases, in alternating order, so that a change
 * in the shared machine's load hits both alike; prints each round, the medians, the median of the
 * per-round ratios (the job's rate as a share of the loop's), the job's start (MiniCluster and
 * deployment until its first score) and the minor page faults of each.
 *
 * <p>Usage: {@code tools/job-vs-loop [ROUNDS]} (default 7). {@code -Dclinval.malloc.tuning=false}
 * runs it with the C library's heap defaults.
 */
public final class JobVsLoopPairs {

    static final AtomicLong FIRST = new AtomicLong();

    private JobVsLoopPairs() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        JobVsLoopBenchmark b = new JobVsLoopBenchmark();
        b.setUp();
        try {
            b.rate_plainLoopBaseline(); // warm-up: classes, JIT, the engine, the page cache
            run(b, -1);
            List<double[]> rows = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                double[] loop = new double[2];
                double[] job = new double[3];
                if (i % 2 == 0) {
                    measureLoop(b, loop);
                    measureJob(b, i, job);
                } else {
                    measureJob(b, i, job);
                    measureLoop(b, loop);
                }
                rows.add(new double[] {loop[0], job[0], loop[0] / job[0], job[2], loop[1], job[1]});
                System.out.printf(
                        Locale.ROOT,
                        "round %d: loop %,.0f ms, job %,.0f ms (first score after %,.0f ms),"
                                + " job rate %.0f%% of the loop's; minor faults loop %,.0f,"
                                + " job %,.0f%n",
                        i + 1,
                        loop[0],
                        job[0],
                        job[2],
                        100 * loop[0] / job[0],
                        loop[1],
                        job[1]);
            }
            System.out.printf(
                    Locale.ROOT,
                    "%nmedians of %d rounds, %d cases: loop %,.0f ms, job %,.0f ms, job start"
                            + " %,.0f ms, job rate %.0f%% of the loop's (median of the rounds'"
                            + " ratios); minor faults loop %,.0f, job %,.0f; C heap tuning %s%n",
                    rounds,
                    JobVsLoopBenchmark.CASES,
                    median(rows, 0),
                    median(rows, 1),
                    median(rows, 3),
                    100 * median(rows, 2),
                    median(rows, 4),
                    median(rows, 5),
                    System.getProperty("clinval.malloc.tuning", "true"));
        } finally {
            b.tearDown();
        }
        System.exit(0);
    }

    private static void measureLoop(JobVsLoopBenchmark b, double[] out) throws Exception {
        long faults = minorFaults();
        long t = System.nanoTime();
        b.rate_plainLoopBaseline();
        out[0] = (System.nanoTime() - t) / 1e6;
        out[1] = minorFaults() - faults;
    }

    private static void measureJob(JobVsLoopBenchmark b, int round, double[] out) throws Exception {
        long faults = minorFaults();
        long t = System.nanoTime();
        run(b, round);
        out[0] = (System.nanoTime() - t) / 1e6;
        out[1] = minorFaults() - faults;
        out[2] = (FIRST.get() - t) / 1e6;
    }

    private static RunSummary run(JobVsLoopBenchmark b, int round) throws Exception {
        FIRST.set(0);
        return InferenceRun.run(
                b.manifest,
                b.truth,
                b.root.resolve("pairs-" + (round + 1)),
                new DicomCaseLoader(b.root.resolve("study").resolve("dicom"), List.of("CT")),
                new ModelPreprocessor(b.descriptor),
                new FirstScore(new ModelScorerFactory(b.descriptor)),
                new JobSettings(
                        2,
                        0.5,
                        ThresholdRule.GE,
                        "a".repeat(64),
                        "b".repeat(64),
                        Duration.ofSeconds(2)),
                null);
    }

    /** The process's minor page faults so far (field 10 of /proc/self/stat); 0 elsewhere. */
    static long minorFaults() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[7]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static double median(List<double[]> rows, int column) {
        double[] v = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** Notes when the job scores its first case. */
    static final class FirstScore implements ScorerFactory {
        private static final long serialVersionUID = 1L;
        private final ScorerFactory f;

        FirstScore(ScorerFactory f) {
            this.f = f;
        }

        @Override
        public Scorer open() throws Exception {
            Scorer s = f.open();
            return new Scorer() {
                @Override
                public double score(float[] input) throws Exception {
                    FIRST.compareAndSet(0, System.nanoTime());
                    return s.score(input);
                }

                @Override
                public void close() throws Exception {
                    s.close();
                }
            };
        }
    }
}
