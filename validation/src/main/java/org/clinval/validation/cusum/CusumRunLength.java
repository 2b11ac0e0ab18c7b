package org.clinval.validation.cusum;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.clinval.validation.Checks;

/**
 * The distribution of a two-sided CUSUM chart's zero-state run length (observations up to and
 * including the first alarm) when the standardised observations are {@code z ~ N(δ, 1)}: its mean,
 * median and 90th percentile. The ARL alone says little about one chart's delay — the run length is
 * skewed (for the usual designs its standard deviation is close to its mean), so a user needs to
 * know how late an alarm may come and still be what the design expects.
 *
 * <p>Computed by simulating the chart itself ({@link CusumChart}, both sides active, as it runs in
 * surveillance) {@code runs} times from a fixed seed (commons-rng {@code XO_RO_SHI_RO_128_PP}), so
 * the same inputs always give the same figures. Quantiles are the empirical inverse distribution
 * function (the smallest {@code n} with {@code P(RL ≤ n) ≥ p}). Page's integral equation gives the
 * mean exactly ({@link CusumArl}); the two sides of the chart are not independent, so their joint
 * run-length distribution has no such one-dimensional equation. With 10,000 runs the simulated mean
 * is within about 2 % of {@link CusumArl#twoSided} (its standard error is about 1 %).
 *
 * @param k reference value in σ units
 * @param h decision interval in σ units
 * @param delta the mean of the standardised observations
 * @param runs simulated runs
 * @param seed the simulation's seed
 * @param mean the mean simulated run length
 * @param median the simulated median
 * @param p90 the simulated 90th percentile
 * @param arl the zero-state ARL from Page's integral equation ({@link CusumArl#twoSided})
 */
public record CusumRunLength(
        double k,
        double h,
        double delta,
        int runs,
        long seed,
        double mean,
        long median,
        long p90,
        double arl) {

    /** The number of runs the surveillance designs use. */
    public static final int RUNS = 10_000;

    /** The seed the surveillance designs use. */
    public static final long SEED = 20_260_401L;

    /** A run that has not alarmed after this many observations is cut off here. */
    public static final long MAX_STEPS = 10_000_000L;

    /** Simulates {@link #RUNS} runs from {@link #SEED}. */
    public static CusumRunLength of(double k, double h, double delta) {
        return simulate(k, h, delta, RUNS, SEED);
    }

    /**
     * Simulates {@code runs} zero-state runs of the two-sided chart {@code (k, h)} under a mean
     * shift {@code delta}.
     *
     * @throws IllegalArgumentException if an argument is out of range, or a run has not alarmed
     *     within {@link #MAX_STEPS} observations (the design's in-control ARL is far beyond what a
     *     monitor can use)
     */
    public static CusumRunLength simulate(double k, double h, double delta, int runs, long seed) {
        Checks.finite("delta", delta);
        if (runs < 10) {
            throw new IllegalArgumentException("runs is below 10: " + runs);
        }
        CusumChart chart = new CusumChart(0, 1, k, h);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ContinuousDistribution.Sampler z = NormalDistribution.of(delta, 1).createSampler(rng);
        long[] lengths = new long[runs];
        double total = 0;
        for (int r = 0; r < runs; r++) {
            CusumState s = CusumState.initial();
            while (true) {
                CusumStep step = chart.step(s, z.sample());
                if (step.alarm() != CusumAlarm.NONE) {
                    lengths[r] = step.t();
                    break;
                }
                s = step.next();
                if (s.steps() >= MAX_STEPS) {
                    throw new IllegalArgumentException(
                            "the chart (k = "
                                    + k
                                    + ", h = "
                                    + h
                                    + ") did not alarm within "
                                    + MAX_STEPS
                                    + " observations at a shift of "
                                    + delta
                                    + " σ");
                }
            }
            total += lengths[r];
        }
        Arrays.sort(lengths);
        return new CusumRunLength(
                k,
                h,
                delta,
                runs,
                seed,
                total / runs,
                quantile(lengths, 0.5),
                quantile(lengths, 0.9),
                CusumArl.twoSided(k, h, delta));
    }

    /** The smallest value with at least a share {@code p} of the sorted values at or below it. */
    static long quantile(long[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, i)];
    }
}
