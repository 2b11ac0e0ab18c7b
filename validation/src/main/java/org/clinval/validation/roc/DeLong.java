package org.clinval.validation.roc;

import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Interval;

/**
 * DeLong's nonparametric variance of the AUC and test of two correlated AUCs (DeLong, DeLong,
 * Clarke-Pearson 1988, Biometrics 44(3):837–845, doi:10.2307/2531595), with the placement values
 * computed by the fast algorithm of Sun and Xu (2014) in {@code O(N log N)}.
 *
 * <p>With placements {@code V10} (positives) and {@code V01} (negatives): {@code S10 = Σ(V10_i −
 * A)² / (m − 1)}, {@code S01 = Σ(V01_j − A)² / (n − 1)}, {@code Var(A) = S10/m + S01/n}. For two
 * scores the covariance uses the cross products of the same placements. The interval is the Wald
 * interval {@code A ± z·SE} clipped to [0, 1], as R's pROC {@code ci.auc(method = "delong")}.
 */
public final class DeLong {

    private static final String METHOD = "DeLong (Sun & Xu 2014 fast algorithm)";
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private DeLong() {}

    /** Returns the AUC of {@code input} with its DeLong variance and interval. */
    public static AucEstimate auc(RocInput input, ConfidenceLevel level) {
        Placements p = Placements.of(input.xSorted(), input.ySorted());
        return estimate(input, p, level);
    }

    private static AucEstimate estimate(RocInput input, Placements p, ConfidenceLevel level) {
        double auc = p.auc();
        int m = input.positives();
        int n = input.negatives();
        if (m < 2 || n < 2) {
            return new AucEstimate(
                    auc,
                    OptionalDouble.empty(),
                    Optional.empty(),
                    level,
                    m,
                    n,
                    input.direction(),
                    METHOD,
                    Optional.of(
                            "DeLong variance needs at least 2 positive and 2 negative cases: "
                                    + m
                                    + " positive, "
                                    + n
                                    + " negative"));
        }
        double variance =
                covariance(p.v10, auc, p.v10, auc) / m + covariance(p.v01, auc, p.v01, auc) / n;
        double half = level.z() * Math.sqrt(variance);
        Interval ci = new Interval(auc - half, auc + half).clip(0, 1);
        return new AucEstimate(
                auc,
                OptionalDouble.of(variance),
                Optional.of(ci),
                level,
                m,
                n,
                input.direction(),
                METHOD,
                Optional.empty());
    }

    /**
     * Compares the AUCs of two scores measured on the same cases, both oriented by {@code
     * direction}.
     *
     * @throws IllegalArgumentException if lengths differ, a score is not finite or a class is
     *     absent
     */
    public static AucComparison compare(
            boolean[] positive,
            double[] first,
            double[] second,
            org.clinval.validation.Direction direction,
            ConfidenceLevel level) {
        if (first.length != second.length) {
            throw new IllegalArgumentException(
                    "paired score columns differ in length: "
                            + first.length
                            + " vs "
                            + second.length);
        }
        return compare(
                RocInput.of(positive, first, direction),
                RocInput.of(positive, second, direction),
                level);
    }

    private static AucComparison compare(RocInput first, RocInput second, ConfidenceLevel level) {
        int m = first.positives();
        int n = first.negatives();
        if (second.positives() != m || second.negatives() != n) {
            throw new IllegalArgumentException(
                    "paired scores must come from the same cases: "
                            + m
                            + "/"
                            + n
                            + " vs "
                            + second.positives()
                            + "/"
                            + second.negatives()
                            + " positive/negative");
        }
        Placements p1 = Placements.of(first.xSorted(), first.ySorted());
        Placements p2 = Placements.of(second.xSorted(), second.ySorted());
        AucEstimate a1 = estimate(first, p1, level);
        AucEstimate a2 = estimate(second, p2, level);
        double difference = a1.auc() - a2.auc();
        if (a1.variance().isEmpty() || a2.variance().isEmpty()) {
            return undefined(
                    a1,
                    a2,
                    difference,
                    level,
                    a1.undefinedReason().orElseGet(() -> a2.undefinedReason().orElseThrow()));
        }
        // The covariance pairs each case's placement under score 1 with its placement under score
        // 2.
        double[] v10a = Placements.inCaseOrder(first.x(), first.xSorted(), p1.v10);
        double[] v10b = Placements.inCaseOrder(second.x(), second.xSorted(), p2.v10);
        double[] v01a = Placements.inCaseOrder(first.y(), first.ySorted(), p1.v01);
        double[] v01b = Placements.inCaseOrder(second.y(), second.ySorted(), p2.v01);
        double cov =
                covariance(v10a, a1.auc(), v10b, a2.auc()) / m
                        + covariance(v01a, a1.auc(), v01b, a2.auc()) / n;
        double variance = a1.variance().getAsDouble() + a2.variance().getAsDouble() - 2 * cov;
        // Rounding can leave a tiny negative variance for identical or monotone-related scores.
        double scale = a1.variance().getAsDouble() + a2.variance().getAsDouble();
        if (variance <= 1e-14 * Math.max(scale, Double.MIN_NORMAL)) {
            if (Math.abs(difference) <= 1e-12) {
                return new AucComparison(
                        a1,
                        a2,
                        difference,
                        OptionalDouble.of(cov),
                        OptionalDouble.of(0),
                        OptionalDouble.of(1),
                        Optional.of(new Interval(difference, difference)),
                        level,
                        Optional.empty());
            }
            return undefined(
                    a1,
                    a2,
                    difference,
                    level,
                    "the AUC difference " + difference + " has zero DeLong variance");
        }
        double se = Math.sqrt(variance);
        double z = difference / se;
        double p = 2 * STANDARD_NORMAL.survivalProbability(Math.abs(z));
        double half = level.z() * se;
        return new AucComparison(
                a1,
                a2,
                difference,
                OptionalDouble.of(cov),
                OptionalDouble.of(z),
                OptionalDouble.of(Math.min(1, p)),
                Optional.of(new Interval(difference - half, difference + half)),
                level,
                Optional.empty());
    }

    private static AucComparison undefined(
            AucEstimate a1,
            AucEstimate a2,
            double difference,
            ConfidenceLevel level,
            String reason) {
        return new AucComparison(
                a1,
                a2,
                difference,
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                Optional.empty(),
                level,
                Optional.of(reason));
    }

    /** Returns {@code Σ (a_i − ma)(b_i − mb) / (k − 1)}. */
    private static double covariance(double[] a, double ma, double[] b, double mb) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - ma) * (b[i] - mb);
        }
        return sum / (a.length - 1);
    }
}
