package org.clinval.validation.interval;

import org.apache.commons.statistics.distribution.TDistribution;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Interval;

/**
 * The mean of a sample with Student's t interval: {@code x̄ ± t_{1−α/2, n−1} · s / √n}, with {@code
 * s} the sample standard deviation (divisor {@code n − 1}). Undefined below 2 values.
 *
 * <p>For values bounded to [0, 1] (a share) the interval can pass a bound at small n; {@link
 * #interval()} gives it unclipped, as scipy's {@code stats.t.interval} does, and callers that
 * report a share clip it with {@link Interval#clip}.
 *
 * @param n the number of values
 * @param mean the sample mean
 * @param sd the sample standard deviation
 * @param lower the interval's lower bound
 * @param upper the interval's upper bound
 * @param level the confidence level
 */
public record MeanInterval(
        int n, double mean, double sd, double lower, double upper, ConfidenceLevel level) {

    /**
     * Returns the mean and its t interval.
     *
     * @throws IllegalArgumentException if there are fewer than 2 values or one is not finite
     */
    public static MeanInterval of(double[] values, ConfidenceLevel level) {
        int n = values.length;
        if (n < 2) {
            throw new IllegalArgumentException("a t interval needs at least 2 values, not " + n);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("value " + i + " is not finite: " + values[i]);
            }
            sum += values[i];
        }
        double mean = sum / n;
        double ss = 0;
        for (double v : values) ss += (v - mean) * (v - mean);
        double sd = Math.sqrt(ss / (n - 1));
        double t = TDistribution.of(n - 1).inverseCumulativeProbability(1 - level.alpha() / 2);
        double half = t * sd / Math.sqrt(n);
        return new MeanInterval(n, mean, sd, mean - half, mean + half, level);
    }

    /** Returns the interval. */
    public Interval interval() {
        return new Interval(lower, upper);
    }
}
