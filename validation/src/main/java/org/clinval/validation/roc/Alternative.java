package org.clinval.validation.roc;

import org.apache.commons.statistics.distribution.ContinuousDistribution;

/**
 * The alternative hypothesis of a test comparing two AUCs, {@code first} against {@code second}, as
 * pROC's {@code roc.test(alternative = ...)}.
 */
public enum Alternative {
    /** The AUCs differ: {@code p = 2·P(T ≥ |t|)}, capped at 1. */
    TWO_SIDED,
    /** The first AUC is greater: {@code p = P(T ≥ t)}. */
    GREATER,
    /** The first AUC is less: {@code p = P(T ≤ t)}. */
    LESS;

    /**
     * Returns the p-value of {@code statistic} under a null distribution symmetric about 0 (the
     * standard normal for the paired test, Student's t for the unpaired).
     */
    double p(double statistic, ContinuousDistribution nullDistribution) {
        return switch (this) {
            case TWO_SIDED ->
                    Math.min(1, 2 * nullDistribution.survivalProbability(Math.abs(statistic)));
            case GREATER -> nullDistribution.survivalProbability(statistic);
            case LESS -> nullDistribution.cumulativeProbability(statistic);
        };
    }

    /** Parses pROC's spelling: {@code two.sided}, {@code greater} or {@code less}. */
    public static Alternative parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "two.sided", "two-sided", "two_sided" -> TWO_SIDED;
            case "greater" -> GREATER;
            case "less" -> LESS;
            default ->
                    throw new IllegalArgumentException(
                            "alternative is not one of two.sided, greater, less: " + text);
        };
    }
}
