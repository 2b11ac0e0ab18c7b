package org.clinval.validation.design;

import org.clinval.validation.ConfidenceLevel;

/**
 * A one-sided test that a proportion exceeds a performance goal, {@code H0: p <= goal} against
 * {@code H1: p > goal}.
 *
 * @param successes observed successes {@code x}
 * @param trials trials {@code n}
 * @param goal the performance goal {@code p0}
 * @param estimate {@code x / n}
 * @param p the one-sided p-value, {@code P(X >= x | n, p0)}
 * @param lowerBound the one-sided lower confidence bound at {@code level}; the interval is {@code
 *     [lowerBound, 1]}
 * @param level the one-sided confidence level of {@code lowerBound}
 * @param method the test and bound
 */
public record PerformanceGoalResult(
        long successes,
        long trials,
        double goal,
        double estimate,
        double p,
        double lowerBound,
        ConfidenceLevel level,
        String method) {

    /**
     * Returns whether the lower bound lies above the goal; by the duality of the exact test and the
     * Clopper–Pearson bound this is {@code p < 1 − level}.
     */
    public boolean lowerBoundAboveGoal() {
        return lowerBound > goal;
    }
}
