package org.clinval.validation.roc;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * DeLong's test of two AUCs from different case sets, as pROC's {@code roc.test(paired = FALSE,
 * method = "delong")}.
 *
 * @param first the AUC of the first curve, with its DeLong variance
 * @param second the AUC of the second curve, with its DeLong variance
 * @param difference {@code first.auc − second.auc}
 * @param d the statistic {@code difference / sqrt(var1 + var2)}; 0 when both the difference and the
 *     variances are 0
 * @param df Welch–Satterthwaite degrees of freedom {@code (var1 + var2)² / (var1²/(N1 − 1) +
 *     var2²/(N2 − 1))}, {@code N} a curve's total case count; empty when both variances are 0
 * @param alternative the alternative hypothesis of {@code p}
 * @param p the p-value of {@code d} under Student's t with {@code df} degrees of freedom
 * @param undefinedReason why the test is undefined, if it is
 */
public record UnpairedAucComparison(
        AucEstimate first,
        AucEstimate second,
        double difference,
        OptionalDouble d,
        OptionalDouble df,
        Alternative alternative,
        OptionalDouble p,
        Optional<String> undefinedReason) {}
