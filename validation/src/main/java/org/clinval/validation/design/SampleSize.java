package org.clinval.validation.design;

import org.clinval.validation.Checks;
import org.clinval.validation.ConfidenceLevel;

/**
 * Sample sizes for a target confidence-interval half-width.
 *
 * <p><b>Sensitivity and specificity</b> (Buderer 1996, Acad Emerg Med 3(9):895–900,
 * doi:10.1111/j.1553-2712.1996.tb03538.x): with the normal approximation the half-width of a
 * proportion {@code p} on {@code m} subjects is {@code z·sqrt(p(1−p)/m)}, so {@code m =
 * z²·p(1−p)/d²} subjects with (for sensitivity) or without (for specificity) the condition are
 * needed; dividing by the share of such subjects gives the total {@code n = z²·Se(1−Se)/(d²·prev)}
 * or {@code n = z²·Sp(1−Sp)/(d²·(1−prev))}, rounded up.
 *
 * <p><b>AUC</b> (Hanley &amp; McNeil 1982, Radiology 143(1):29–36,
 * doi:10.1148/radiology.143.1.7063747): see {@link HanleyMcNeil} for the standard error. With
 * {@code k} negatives per positive, {@code n} positives come with {@code ceil(k·n)} negatives
 * (computed as {@code ceil(k·n − 1e−9)}, at least 1, so that a ratio such as 1.1 × 10 gives 11
 * despite rounding). The result is the smallest {@code n} whose half-width {@code z·SE} is at most
 * the target. The Hanley–McNeil variance is non-increasing in both counts (see {@link
 * HanleyMcNeil}), so a doubling-then-bisection search finds that smallest {@code n} exactly.
 */
public final class SampleSize {

    private static final String BUDERER = "Buderer (1996): n = z²·p(1−p) / (d²·share)";
    private static final String HANLEY_MCNEIL =
            "Hanley-McNeil (1982) SE; smallest positives with z·SE <= half-width";
    private static final long LIMIT = 1L << 40;

    private SampleSize() {}

    /**
     * Returns Buderer's total sample size.
     *
     * @param anticipated anticipated sensitivity or specificity, in (0, 1)
     * @param halfWidth target half-width, in (0, 1)
     * @param prevalence prevalence in the enrolled population: in (0, 1] for sensitivity, [0, 1)
     *     for specificity
     * @throws IllegalArgumentException naming the bad value
     */
    public static ProportionSampleSize buderer(
            AccuracyMeasure measure,
            double anticipated,
            double halfWidth,
            double prevalence,
            ConfidenceLevel level) {
        Checks.openUnit("anticipated " + name(measure), anticipated);
        Checks.openUnit("half-width", halfWidth);
        Checks.closedUnit("prevalence", prevalence);
        double share = measure.share(prevalence);
        if (share == 0) {
            throw new IllegalArgumentException(
                    "prevalence "
                            + prevalence
                            + " leaves no subject to estimate the "
                            + name(measure)
                            + " on");
        }
        double z = level.z();
        double unrounded =
                z * z * anticipated * (1 - anticipated) / (halfWidth * halfWidth * share);
        return new ProportionSampleSize(
                measure,
                anticipated,
                halfWidth,
                prevalence,
                level,
                unrounded,
                (long) Math.ceil(unrounded),
                BUDERER);
    }

    /**
     * Returns the smallest study whose Hanley–McNeil AUC half-width is at most {@code halfWidth}.
     *
     * @param auc anticipated AUC, in (0, 1)
     * @param halfWidth target half-width, in (0, 1)
     * @param negativesPerPositive negatives per positive, positive and finite
     * @throws IllegalArgumentException naming the bad value, or if more than 2^40 positives would
     *     be needed
     */
    public static AucSampleSize hanleyMcNeil(
            double auc, double halfWidth, double negativesPerPositive, ConfidenceLevel level) {
        Checks.openUnit("anticipated AUC", auc);
        Checks.openUnit("half-width", halfWidth);
        Checks.positive("negatives per positive", negativesPerPositive);
        double z = level.z();
        long hi = 1;
        while (z * HanleyMcNeil.se(auc, hi, negatives(hi, negativesPerPositive)) > halfWidth) {
            if (hi >= LIMIT) {
                throw new IllegalArgumentException(
                        "half-width " + halfWidth + " needs more than 2^40 positive cases");
            }
            hi *= 2;
        }
        long lo = hi / 2; // half-width too wide at lo (or lo = 0), narrow enough at hi
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            if (z * HanleyMcNeil.se(auc, mid, negatives(mid, negativesPerPositive)) > halfWidth) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        long negatives = negatives(hi, negativesPerPositive);
        double se = HanleyMcNeil.se(auc, hi, negatives);
        return new AucSampleSize(
                auc,
                halfWidth,
                negativesPerPositive,
                level,
                hi,
                negatives,
                se,
                z * se,
                HANLEY_MCNEIL);
    }

    /** Returns {@code max(1, ceil(ratio·positives − 1e−9))}. */
    static long negatives(long positives, double ratio) {
        return Math.max(1, (long) Math.ceil(ratio * positives - 1e-9));
    }

    private static String name(AccuracyMeasure m) {
        return m.name().toLowerCase(java.util.Locale.ROOT);
    }
}
