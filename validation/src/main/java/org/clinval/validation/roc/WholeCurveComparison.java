package org.clinval.validation.roc;

/**
 * Venkatraman's permutation test that two ROC curves are equal at every operating point, as pROC's
 * {@code roc.test(method = "venkatraman")}.
 *
 * @param paired whether both scores were measured on the same cases
 * @param e the observed statistic {@code E}: for paired curves the summed absolute difference of
 *     the error counts over all rank thresholds (an integer); for unpaired curves the area between
 *     the two curves' expected-error functions
 * @param permutations the number of permutations, pROC's {@code boot.n}
 * @param atLeastAsLarge how many permuted statistics were {@code >= e}
 * @param p {@code atLeastAsLarge / permutations}, as pROC; 0 means below {@code 1/permutations}
 * @param seed the seed of the permutations
 * @param direction the direction of both curves (the statistic itself ranks the scores on the
 *     user's scale, as pROC)
 * @param method the method, for provenance
 */
public record WholeCurveComparison(
        boolean paired,
        double e,
        int permutations,
        int atLeastAsLarge,
        double p,
        long seed,
        org.clinval.validation.Direction direction,
        String method) {

    /** Returns the Monte-Carlo standard error of {@code p}, {@code sqrt(p(1 − p)/permutations)}. */
    public double monteCarloSe() {
        return Math.sqrt(p * (1 - p) / permutations);
    }
}
