package org.clinval.validation.cusum;

import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A day's proportion as a standard normal score through its exact binomial distribution under the
 * in-control proportion: {@code z = Φ⁻¹(P(X < s) + P(X = s)/2)}, {@code X ~ Bin(n, p0)} (the mid-p
 * probability integral transform).
 *
 * <p>Why: a CUSUM designed for N(0, 1) observations assumes each day's standardised value is
 * roughly normal. With a handful of cases a day and a proportion near 1 (a specificity of 0.95 on
 * two negatives), {@code (x − p0)/SE} is far from normal — one false positive is −2.9 standard
 * errors — and the chart alarms every few weeks in control. The mid-p score has mean about 0 and a
 * variance at most 1 under {@code p0} whatever {@code n}, so the chart is never more alarm-prone
 * than its design (it is conservative for small {@code n}) and approaches the design as {@code n}
 * grows.
 */
public final class BinomialScore {

    /** Mid-p probabilities are kept inside [EPS, 1 − EPS] so that the score stays finite. */
    public static final double EPS = 1e-12;

    private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

    private BinomialScore() {}

    /**
     * Returns the mid-p normal score of {@code successes} of {@code n} under proportion {@code p0}.
     *
     * @throws IllegalArgumentException if {@code n < 1}, {@code successes} is outside [0, n] or
     *     {@code p0} outside [0, 1]
     */
    public static double midP(long successes, long n, double p0) {
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("n is not a positive int: " + n);
        }
        if (successes < 0 || successes > n) {
            throw new IllegalArgumentException(
                    "successes " + successes + " is outside [0, " + n + "]");
        }
        if (!(p0 >= 0 && p0 <= 1)) throw new IllegalArgumentException("p0 is not in [0, 1]: " + p0);
        BinomialDistribution b = BinomialDistribution.of((int) n, p0);
        int s = (int) successes;
        double below = s == 0 ? 0 : b.cumulativeProbability(s - 1);
        double mid = below + 0.5 * b.probability(s);
        return STANDARD.inverseCumulativeProbability(Math.min(1 - EPS, Math.max(EPS, mid)));
    }
}
