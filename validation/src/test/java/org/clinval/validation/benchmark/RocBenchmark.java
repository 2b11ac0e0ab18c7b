package org.clinval.validation.benchmark;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Direction;
import org.clinval.validation.bootstrap.BootstrapInterval;
import org.clinval.validation.bootstrap.BootstrapSpec;
import org.clinval.validation.roc.AucEstimate;
import org.clinval.validation.roc.DeLong;
import org.clinval.validation.roc.RocBootstrap;
import org.clinval.validation.roc.RocInput;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * AUC + DeLong interval at n = 10^6 against a plain {@code Arrays.sort} of the same scores, and
 * 2,000 stratified bootstrap replicates at n = 10^4 against the same bootstrap done the obvious way
 * (each replicate rebuilt and sorted).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx6g"})
@Warmup(iterations = 5)
@Measurement(iterations = 15)
public class RocBenchmark {

    @State(Scope.Benchmark)
    public static class Million {
        boolean[] positive;
        double[] score;

        @Setup
        public void setUp() {
            Data d = Data.binormal(1_000_000, 0.2, 1);
            positive = d.positive;
            score = d.score;
        }
    }

    @State(Scope.Benchmark)
    public static class TenThousand {
        boolean[] positive;
        double[] score;
        RocInput input;
        BootstrapSpec spec = new BootstrapSpec(2_000, 20261121L, ConfidenceLevel.of(0.95));

        @Setup
        public void setUp() {
            Data d = Data.binormal(10_000, 0.2, 2);
            positive = d.positive;
            score = d.score;
            input = RocInput.of(positive, score, Direction.HIGHER);
        }
    }

    record Data(boolean[] positive, double[] score) {
        static Data binormal(int n, double prevalence, long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            boolean[] p = new boolean[n];
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                p[i] = r.nextDouble() < prevalence;
                s[i] = (p[i] ? 1.2 : 0) + r.nextGaussian();
            }
            return new Data(p, s);
        }
    }

    /** Baseline: one sort of a copy of the n = 10^6 scores. */
    @Benchmark
    public double[] auc_sortBaseline(Million m) {
        double[] copy = m.score.clone();
        Arrays.sort(copy);
        return copy;
    }

    /** AUC with DeLong variance and interval from the raw labels and scores, n = 10^6. */
    @Benchmark
    public AucEstimate auc_deLong(Million m) {
        return DeLong.auc(
                RocInput.of(m.positive, m.score, Direction.HIGHER), ConfidenceLevel.of(0.95));
    }

    /** 2,000 stratified replicates with percentile and BCa intervals, n = 10^4. */
    @Benchmark
    public BootstrapInterval bootstrap_stratified2000(TenThousand t) {
        return RocBootstrap.auc(t.input, t.spec);
    }

    /** Baseline: the same replicates, each drawn, rebuilt and sorted (sequential). */
    @Benchmark
    public double bootstrap_naiveBaseline(TenThousand t) {
        double[] x = new double[t.input.positives()];
        double[] y = new double[t.input.negatives()];
        int ix = 0, iy = 0;
        for (int i = 0; i < t.score.length; i++) {
            if (t.positive[i]) x[ix++] = t.score[i];
            else y[iy++] = t.score[i];
        }
        double sum = 0;
        boolean[] labels = new boolean[x.length + y.length];
        Arrays.fill(labels, 0, x.length, true);
        double[] s = new double[labels.length];
        for (int r = 0; r < t.spec.replicates(); r++) {
            SplittableRandom rng = new SplittableRandom(r);
            for (int k = 0; k < x.length; k++) s[k] = x[rng.nextInt(x.length)];
            for (int k = 0; k < y.length; k++) s[x.length + k] = y[rng.nextInt(y.length)];
            sum += DeLong.auc(RocInput.of(labels, s, Direction.HIGHER), t.spec.level()).auc();
        }
        return sum;
    }
}
