package org.clinval.validation.roc;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.clinval.validation.Direction;
import org.clinval.validation.bootstrap.BootstrapSpec;

/**
 * Venkatraman's permutation tests of the equality of two whole ROC curves: paired (Venkatraman
 * &amp; Begg 1996, Biometrika 83(4):835–848, doi:10.1093/biomet/83.4.835) and unpaired (Venkatraman
 * 2000, Biometrics 56(4):1134–1138, doi:10.1111/j.0006-341X.2000.01134.x), in the form of pROC
 * 1.18.0's {@code roc.test(method = "venkatraman", paired, boot.n)}.
 *
 * <p>Scores are replaced by their ranks on the user's scale, ties broken by case order (R's {@code
 * rank(ties.method = "first")}), whatever the direction: pROC ranks the raw predictor too.
 *
 * <p><b>Paired.</b> With ranks {@code R} (first score) and {@code S} (second) of the {@code N}
 * cases, the errors at rank threshold {@code x} are {@code e_R(x) = #{positives: R ≤ x} +
 * #{negatives: R > x}}; {@code E = Σ_{x=1..N} |e_S(x) − e_R(x)|}. A permutation jitters each rank
 * by {@code U(−½, ½)}, swaps the two scores of each case with probability ½ (a swapped value is not
 * jittered) and ranks again.
 *
 * <p><b>Unpaired.</b> Within each curve, with {@code F(x)} and {@code G(x)} the proportions of
 * positives and negatives of rank at most {@code x}, the points {@code p(x) = π F(x) + (1 − π)
 * G(x)} carry the expected error {@code π F(x) + (1 − π)(1 − G(x))}; {@code E} is the trapezoidal
 * area of {@code |err_1 − err_2|}, each error function linearly interpolated (R's {@code
 * approxfun}) at the sorted union of both curves' {@code p} points, intervals where either is
 * undefined left out. As in pROC 1.18.0, {@code π = (m1 + m2) / (2·N1)} ({@code m} positives,
 * {@code N1} the first curve's size: the pooled proportion of positives when both curves have the
 * same size). A permutation jitters the ranks, pools the negatives of both curves and shuffles them
 * back into the negatives' places, likewise the positives, and ranks again within each curve.
 *
 * <p>{@code p = #{E* ≥ E} / B}. Permutation {@code r} draws from its own generator seeded from
 * {@code (seed, r)}, so the result does not depend on thread count.
 */
public final class Venkatraman {

    private static final String PAIRED = "Venkatraman's test for two paired ROC curves";
    private static final String UNPAIRED = "Venkatraman's test for two unpaired ROC curves";

    private Venkatraman() {}

    /**
     * Tests whether two scores on the same cases have the same ROC curve.
     *
     * @throws IllegalArgumentException if lengths differ, a score is not finite, a class is absent
     *     or {@code permutations} is below 1
     */
    public static WholeCurveComparison paired(
            boolean[] positive,
            double[] first,
            double[] second,
            Direction direction,
            int permutations,
            long seed) {
        if (first.length != second.length) {
            throw new IllegalArgumentException(
                    "paired score columns differ in length: "
                            + first.length
                            + " vs "
                            + second.length);
        }
        check(positive, first, direction, permutations);
        check(positive, second, direction, permutations);
        int[] r = rankFirst(first);
        int[] s = rankFirst(second);
        double e = pairedStatistic(r, s, positive);
        int n = positive.length;
        long atLeast =
                IntStream.range(0, permutations)
                        .parallel()
                        .filter(
                                k -> {
                                    UniformRandomProvider rng = random(seed, k);
                                    double[] r3 = new double[n];
                                    double[] s3 = new double[n];
                                    for (int i = 0; i < n; i++) {
                                        double r2 = r[i] + rng.nextDouble() - 0.5;
                                        double s2 = s[i] + rng.nextDouble() - 0.5;
                                        boolean swap = rng.nextBoolean();
                                        r3[i] = swap ? s[i] : r2;
                                        s3[i] = swap ? r[i] : s2;
                                    }
                                    return pairedStatistic(rankFirst(r3), rankFirst(s3), positive)
                                            >= e;
                                })
                        .count();
        return result(true, e, permutations, (int) atLeast, seed, direction);
    }

    /**
     * Tests whether two scores measured on different cases have the same ROC curve.
     *
     * @throws IllegalArgumentException if lengths differ, a score is not finite, a class is absent
     *     or {@code permutations} is below 1
     */
    public static WholeCurveComparison unpaired(
            boolean[] positive1,
            double[] score1,
            boolean[] positive2,
            double[] score2,
            Direction direction,
            int permutations,
            long seed) {
        check(positive1, score1, direction, permutations);
        check(positive2, score2, direction, permutations);
        int n1 = positive1.length;
        int n2 = positive2.length;
        // pROC 1.18.0 divides by length(D1) + length(D1); kept so that E is pROC's.
        double mp = (double) (count(positive1) + count(positive2)) / (n1 + n1);
        int[] r = rankFirst(score1);
        int[] s = rankFirst(score2);
        double e = unpairedStatistic(r, positive1, s, positive2, mp);
        long atLeast =
                IntStream.range(0, permutations)
                        .parallel()
                        .filter(
                                k -> {
                                    UniformRandomProvider rng = random(seed, k);
                                    double[] all = new double[n1 + n2];
                                    for (int i = 0; i < n1; i++) {
                                        all[i] = r[i] + rng.nextDouble() - 0.5;
                                    }
                                    for (int i = 0; i < n2; i++) {
                                        all[n1 + i] = s[i] + rng.nextDouble() - 0.5;
                                    }
                                    shuffleWithin(all, positive1, positive2, false, rng);
                                    shuffleWithin(all, positive1, positive2, true, rng);
                                    double[] a = Arrays.copyOfRange(all, 0, n1);
                                    double[] b = Arrays.copyOfRange(all, n1, n1 + n2);
                                    return unpairedStatistic(
                                                    rankFirst(a),
                                                    positive1,
                                                    rankFirst(b),
                                                    positive2,
                                                    mp)
                                            >= e;
                                })
                        .count();
        return result(false, e, permutations, (int) atLeast, seed, direction);
    }

    /** Shuffles the values of one class across both curves, in place. */
    private static void shuffleWithin(
            double[] all,
            boolean[] positive1,
            boolean[] positive2,
            boolean cls,
            UniformRandomProvider rng) {
        int n1 = positive1.length;
        int[] idx = new int[all.length];
        int k = 0;
        for (int i = 0; i < n1; i++) if (positive1[i] == cls) idx[k++] = i;
        for (int i = 0; i < positive2.length; i++) if (positive2[i] == cls) idx[k++] = n1 + i;
        double[] v = new double[k];
        for (int i = 0; i < k; i++) v[i] = all[idx[i]];
        for (int i = k - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            double t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
        for (int i = 0; i < k; i++) all[idx[i]] = v[i];
    }

    /** {@code Σ_x |e_S(x) − e_R(x)|} over rank thresholds {@code x = 1..N}; ranks are 1..N. */
    static double pairedStatistic(int[] r, int[] s, boolean[] positive) {
        int n = positive.length;
        boolean[] atR = new boolean[n];
        boolean[] atS = new boolean[n];
        int negatives = 0;
        for (int i = 0; i < n; i++) {
            atR[r[i] - 1] = positive[i];
            atS[s[i] - 1] = positive[i];
            if (!positive[i]) negatives++;
        }
        long sum = 0;
        int fnR = 0, tnR = 0, fnS = 0, tnS = 0;
        for (int x = 0; x < n; x++) {
            if (atR[x]) fnR++;
            else tnR++;
            if (atS[x]) fnS++;
            else tnS++;
            int errR = fnR + negatives - tnR;
            int errS = fnS + negatives - tnS;
            sum += Math.abs(errS - errR);
        }
        return sum;
    }

    /** The area between the two expected-error functions; ranks within each curve are 1..N. */
    static double unpairedStatistic(
            int[] r, boolean[] positive1, int[] s, boolean[] positive2, double mp) {
        double[][] c1 = errorFunction(r, positive1, mp);
        double[][] c2 = errorFunction(s, positive2, mp);
        Interpolation f1 = new Interpolation(c1[0], c1[1]);
        Interpolation f2 = new Interpolation(c2[0], c2[1]);
        double[] x = new double[c1[0].length + c2[0].length];
        System.arraycopy(c1[0], 0, x, 0, c1[0].length);
        System.arraycopy(c2[0], 0, x, c1[0].length, c2[0].length);
        Arrays.sort(x);
        double[] y = new double[x.length];
        for (int k = 0; k < x.length; k++) y[k] = Math.abs(f1.at(x[k]) - f2.at(x[k]));
        double integral = 0;
        for (int k = 1; k < x.length; k++) {
            double t = (y[k] + y[k - 1]) * (x[k] - x[k - 1]) / 2;
            if (!Double.isNaN(t)) integral += t;
        }
        return integral;
    }

    /** {@code {p(x), err(x)}} for {@code x = 1..N}, as pROC's {@code R.p} and {@code R.exp}. */
    private static double[][] errorFunction(int[] rank, boolean[] positive, double mp) {
        int n = positive.length;
        int m = count(positive);
        boolean[] at = new boolean[n];
        for (int i = 0; i < n; i++) at[rank[i] - 1] = positive[i];
        double[] p = new double[n];
        double[] err = new double[n];
        int cases = 0, controls = 0;
        for (int x = 0; x < n; x++) {
            if (at[x]) cases++;
            else controls++;
            double fx = (double) cases / m;
            double gx = (double) controls / (n - m);
            p[x] = mp * fx + (1 - mp) * gx;
            err[x] = mp * fx + (1 - mp) * (1 - gx);
        }
        return new double[][] {p, err};
    }

    /**
     * R's {@code approxfun(x, y)}: linear, NaN outside {@code [min x, max x]}, tied {@code x}
     * collapsed to the mean of their {@code y}.
     */
    static final class Interpolation {
        private final double[] x;
        private final double[] y;

        Interpolation(double[] xs, double[] ys) {
            boolean increasing = true;
            for (int i = 1; i < xs.length && increasing; i++) increasing = xs[i - 1] < xs[i];
            if (increasing) { // the usual case, 0 < π < 1: nothing to sort or collapse
                x = xs;
                y = ys;
                return;
            }
            Integer[] order = new Integer[xs.length];
            for (int i = 0; i < order.length; i++) order[i] = i;
            Arrays.sort(order, (a, b) -> Double.compare(xs[a], xs[b]));
            double[] ux = new double[xs.length];
            double[] uy = new double[xs.length];
            int k = 0;
            for (int i = 0; i < order.length; ) {
                int j = i;
                double sum = 0;
                while (j < order.length && xs[order[j]] == xs[order[i]]) sum += ys[order[j++]];
                ux[k] = xs[order[i]];
                uy[k++] = sum / (j - i);
                i = j;
            }
            x = Arrays.copyOf(ux, k);
            y = Arrays.copyOf(uy, k);
        }

        double at(double v) {
            int i = 0;
            int j = x.length - 1;
            if (v < x[i] || v > x[j]) return Double.NaN;
            while (i < j - 1) {
                int ij = (i + j) >>> 1;
                if (v < x[ij]) j = ij;
                else i = ij;
            }
            if (v == x[j]) return y[j];
            if (v == x[i]) return y[i];
            return y[i] + (y[j] - y[i]) * ((v - x[i]) / (x[j] - x[i]));
        }
    }

    /** Ranks 1..N with ties broken by position, R's {@code rank(ties.method = "first")}. */
    static int[] rankFirst(double[] v) {
        int n = v.length;
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) sorted[i] = v[i] + 0.0; // + 0.0 folds -0.0 into 0.0
        Arrays.sort(sorted);
        int[] taken = new int[n];
        int[] rank = new int[n];
        for (int i = 0; i < n; i++) {
            int first = lowerBound(sorted, v[i] + 0.0);
            rank[i] = first + taken[first]++ + 1;
        }
        return rank;
    }

    private static int lowerBound(double[] sorted, double value) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static UniformRandomProvider random(long seed, int k) {
        return BootstrapSpec.SOURCE.create(seed + 0x9E3779B97F4A7C15L * (k + 1L));
    }

    private static int count(boolean[] positive) {
        int m = 0;
        for (boolean b : positive) if (b) m++;
        return m;
    }

    private static void check(
            boolean[] positive, double[] score, Direction direction, int permutations) {
        // RocInput.of checks lengths, finiteness and both classes, naming the offending value.
        RocInput.of(positive, score, direction);
        if (permutations < 1) {
            throw new IllegalArgumentException("permutations must be at least 1: " + permutations);
        }
    }

    private static WholeCurveComparison result(
            boolean paired, double e, int b, int atLeast, long seed, Direction direction) {
        return new WholeCurveComparison(
                paired,
                e,
                b,
                atLeast,
                (double) atLeast / b,
                seed,
                direction,
                paired ? PAIRED : UNPAIRED);
    }
}
