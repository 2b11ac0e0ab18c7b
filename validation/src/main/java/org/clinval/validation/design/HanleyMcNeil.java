package org.clinval.validation.design;

import org.clinval.validation.Checks;

/**
 * The standard error of an AUC by Hanley &amp; McNeil (1982), Radiology 143(1):29–36,
 * doi:10.1148/radiology.143.1.7063747, equation (2):
 *
 * <pre>
 * SE²(A) = [A(1−A) + (n_A−1)(Q1−A²) + (n_N−1)(Q2−A²)] / (n_A·n_N),
 * Q1 = A/(2−A),  Q2 = 2A²/(1+A),
 * </pre>
 *
 * with {@code n_A} abnormal (positive) and {@code n_N} normal (negative) cases; {@code Q1} and
 * {@code Q2} are the exponential-model approximations of the paper. Writing it as {@code
 * c/(n_A·n_N) + (Q1−A²)/n_N + (Q2−A²)/n_A}: {@code Q1−A² = A(1−A)²/(2−A)}, {@code Q2−A² =
 * A²(1−A)/(1+A)} and {@code c = A(1−A) − (Q1−A²) − (Q2−A²) = A(1−A)(1−A+A²)/((2−A)(1+A))} are all
 * non-negative on (0, 1), so the variance falls as either count grows. Worked example of the paper:
 * {@code A = 0.9}, 50 + 50 cases: SE ≈ 0.0321.
 */
public final class HanleyMcNeil {

    private HanleyMcNeil() {}

    /**
     * Returns the standard error.
     *
     * @param auc the AUC, in (0, 1)
     * @param positives {@code n_A}, at least 1
     * @param negatives {@code n_N}, at least 1
     */
    public static double se(double auc, long positives, long negatives) {
        return Math.sqrt(variance(auc, positives, negatives));
    }

    /** Returns {@code SE²(A)}; see the class comment. */
    public static double variance(double auc, long positives, long negatives) {
        Checks.openUnit("AUC", auc);
        if (positives < 1 || negatives < 1) {
            throw new IllegalArgumentException(
                    "the Hanley-McNeil variance needs at least one positive and one negative case: "
                            + positives
                            + " positive, "
                            + negatives
                            + " negative");
        }
        double a2 = auc * auc;
        double q1 = auc / (2 - auc);
        double q2 = 2 * a2 / (1 + auc);
        double nA = positives;
        double nN = negatives;
        return (auc * (1 - auc) + (nA - 1) * (q1 - a2) + (nN - 1) * (q2 - a2)) / (nA * nN);
    }
}
