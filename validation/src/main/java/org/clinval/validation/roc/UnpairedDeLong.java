package org.clinval.validation.roc;

import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.statistics.distribution.TDistribution;
import org.clinval.validation.ConfidenceLevel;

/**
 * DeLong's test of two AUCs measured on different cases (DeLong, DeLong, Clarke-Pearson 1988,
 * doi:10.2307/2531595), in the form of pROC's {@code roc.test(paired = FALSE, method = "delong")}
 * (Robin et al. 2011, doi:10.1186/1471-2105-12-77).
 *
 * <p>The two AUCs are independent, so {@code D = (A1 − A2)/sqrt(V1 + V2)} with each {@code V} the
 * curve's own DeLong variance {@code S10/m + S01/n}. As pROC, {@code D} is referred to Student's t
 * with the Welch–Satterthwaite degrees of freedom {@code (V1 + V2)² / (V1²/(N1 − 1) + V2²/(N2 −
 * 1))}, {@code N = m + n}.
 *
 * <p>Edge cases: with fewer than 2 cases in a class of either curve the variance, and so the test,
 * is undefined (empty, with the reason). When both variances are 0 (e.g. two perfectly separating
 * curves) and the AUCs are equal, {@code D = 0} with p = 1 two-sided and ½ one-sided and no df;
 * with different AUCs the test is undefined (pROC returns NaN there).
 */
public final class UnpairedDeLong {

    private UnpairedDeLong() {}

    /** Compares the AUC of {@code first} with that of {@code second} under {@code alternative}. */
    public static UnpairedAucComparison compare(
            RocInput first, RocInput second, Alternative alternative) {
        if (alternative == null) throw new IllegalArgumentException("alternative is null");
        if (first.direction() != second.direction()) {
            throw new IllegalArgumentException(
                    "the two curves must share a direction: "
                            + first.direction()
                            + " vs "
                            + second.direction());
        }
        // The level only shapes each AUC's own Wald interval, not the test.
        ConfidenceLevel level = ConfidenceLevel.of(0.95);
        AucEstimate a1 = DeLong.auc(first, level);
        AucEstimate a2 = DeLong.auc(second, level);
        double difference = a1.auc() - a2.auc();
        if (a1.variance().isEmpty() || a2.variance().isEmpty()) {
            String reason =
                    a1.undefinedReason().orElseGet(() -> a2.undefinedReason().orElseThrow());
            return undefined(a1, a2, difference, alternative, reason);
        }
        double v1 = a1.variance().getAsDouble();
        double v2 = a2.variance().getAsDouble();
        double variance = v1 + v2;
        if (variance == 0) {
            if (difference != 0) {
                return undefined(
                        a1,
                        a2,
                        difference,
                        alternative,
                        "the AUC difference " + difference + " has zero DeLong variance");
            }
            double p = alternative == Alternative.TWO_SIDED ? 1 : 0.5;
            return new UnpairedAucComparison(
                    a1,
                    a2,
                    difference,
                    OptionalDouble.of(0),
                    OptionalDouble.empty(),
                    alternative,
                    OptionalDouble.of(p),
                    Optional.empty());
        }
        double d = difference / Math.sqrt(variance);
        int n1 = first.positives() + first.negatives();
        int n2 = second.positives() + second.negatives();
        double df = variance * variance / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1));
        return new UnpairedAucComparison(
                a1,
                a2,
                difference,
                OptionalDouble.of(d),
                OptionalDouble.of(df),
                alternative,
                OptionalDouble.of(alternative.p(d, TDistribution.of(df))),
                Optional.empty());
    }

    private static UnpairedAucComparison undefined(
            AucEstimate a1,
            AucEstimate a2,
            double difference,
            Alternative alternative,
            String reason) {
        return new UnpairedAucComparison(
                a1,
                a2,
                difference,
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                alternative,
                OptionalDouble.empty(),
                Optional.of(reason));
    }
}
