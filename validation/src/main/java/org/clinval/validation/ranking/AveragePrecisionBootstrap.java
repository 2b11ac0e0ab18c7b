package org.clinval.validation.ranking;

import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.clinval.validation.Direction;
import org.clinval.validation.bootstrap.BootstrapInterval;
import org.clinval.validation.bootstrap.BootstrapSpec;
import org.clinval.validation.bootstrap.Intervals;

/**
 * Stratified bootstrap intervals of the average precision: each replicate draws the {@code m}
 * positives and the {@code n} negatives with replacement, as {@link
 * org.clinval.validation.roc.RocBootstrap} does for the AUC, so every replicate has {@code m}
 * positives and its average precision is defined. Percentile and BCa intervals come from {@link
 * Intervals#of}; BCa's acceleration uses the exact leave-one-out average precisions.
 *
 * <p>A replicate costs {@code O(m + n + L)} for {@code L} distinct scores: it counts how often each
 * distinct score is drawn in each class and sums {@code Σ_v pos(v)·TP(v)/(TP(v) + FP(v)) / m} from
 * the top. Replicate {@code r} uses the generator {@link BootstrapSpec#random}{@code (r)}, so
 * results do not depend on thread count.
 */
public final class AveragePrecisionBootstrap {

    static final String RESAMPLING = "stratified by class";

    private static final int BLOCKS = 64;

    private AveragePrecisionBootstrap() {}

    /**
     * Returns the percentile and BCa intervals of the average precision.
     *
     * @throws IllegalArgumentException with fewer than 2 positive cases, or as {@link
     *     PrecisionRecallCurve#of}
     */
    public static BootstrapInterval of(
            boolean[] positive, double[] score, Direction direction, BootstrapSpec spec) {
        Ranked r = Ranked.of(positive, score, direction);
        int m = r.positives();
        int n = r.negatives();
        if (m < 2) {
            throw new IllegalArgumentException(
                    "a bootstrap interval of the average precision needs at least 2 positive"
                            + " cases: "
                            + m
                            + " positive");
        }
        double estimate = PrecisionRecallCurve.of(r).averagePrecision().estimate().orElseThrow();
        int levels = r.level.length;
        int b = spec.replicates();
        double[] replicates = new double[b];
        int blocks = Math.min(b, BLOCKS);
        IntStream.range(0, blocks)
                .parallel()
                .forEach(
                        k -> {
                            long[] pos = new long[levels];
                            long[] neg = new long[levels];
                            for (int i = k * b / blocks; i < (k + 1) * b / blocks; i++) {
                                replicates[i] = replicate(spec.random(i), r, pos, neg);
                            }
                        });
        return Intervals.of(estimate, replicates, jackknife(r), spec, RESAMPLING);
    }

    private static double replicate(UniformRandomProvider rng, Ranked r, long[] pos, long[] neg) {
        java.util.Arrays.fill(pos, 0);
        java.util.Arrays.fill(neg, 0);
        int m = r.positiveLevel.length;
        int n = r.negativeLevel.length;
        for (int k = 0; k < m; k++) pos[r.positiveLevel[rng.nextInt(m)]]++;
        for (int k = 0; k < n; k++) neg[r.negativeLevel[rng.nextInt(n)]]++;
        return Ranked.averagePrecision(pos, neg);
    }

    /**
     * Leave-one-out average precisions, in {@code O(L)}: leaving out a case at level {@code u}
     * lowers the cumulative count of its class at every level from {@code u} down, so the sum
     * splits into a prefix of unchanged terms and a suffix of shifted ones.
     */
    static double[] jackknife(Ranked r) {
        int levels = r.level.length;
        long m = r.positives();
        long[] tp = new long[levels];
        long[] called = new long[levels];
        long t = 0, c = 0;
        for (int v = 0; v < levels; v++) {
            t += r.pos[v];
            c += r.pos[v] + r.neg[v];
            tp[v] = t;
            called[v] = c;
        }
        double[] prefix = new double[levels + 1]; // Σ_{v<u} pos·TP/C
        for (int v = 0; v < levels; v++) {
            prefix[v + 1] = prefix[v] + r.pos[v] * ((double) tp[v] / called[v]);
        }
        double[] lessTp = new double[levels + 1]; // Σ_{v>u} pos·(TP−1)/(C−1)
        double[] lessFp = new double[levels + 1]; // Σ_{v≥u} pos·TP/(C−1)
        for (int v = levels - 1; v >= 0; v--) {
            double p = r.pos[v];
            lessTp[v] =
                    lessTp[v + 1]
                            + (p == 0 || tp[v] == 1 ? 0 : p * (tp[v] - 1.0) / (called[v] - 1));
            lessFp[v] = lessFp[v + 1] + (p == 0 ? 0 : p * tp[v] / (called[v] - 1.0));
        }
        double[] out = new double[r.positiveLevel.length + r.negativeLevel.length];
        double[] withoutPositive = new double[levels];
        double[] withoutNegative = new double[levels];
        for (int u = 0; u < levels; u++) {
            if (r.pos[u] > 0) {
                double own = tp[u] == 1 ? 0 : (r.pos[u] - 1.0) * (tp[u] - 1.0) / (called[u] - 1);
                withoutPositive[u] = (prefix[u] + own + lessTp[u + 1]) / (m - 1);
            }
            if (r.neg[u] > 0) withoutNegative[u] = (prefix[u] + lessFp[u]) / m;
        }
        int k = 0;
        for (int v : r.positiveLevel) out[k++] = withoutPositive[v];
        for (int v : r.negativeLevel) out[k++] = withoutNegative[v];
        return out;
    }
}
