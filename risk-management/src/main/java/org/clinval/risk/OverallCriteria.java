package org.clinval.risk;

import java.util.Objects;

/**
 * The plan's method and criteria for the overall residual risk (ISO 14971:2019 §4.4 e, §8).
 *
 * <p>The check judges the overall residual risk acceptable when every residual risk is acceptable
 * or accepted as the plan allows (see {@link Acceptability}), at most {@code maxInvestigate}
 * residual risks remain in the investigate region, and the risk management file has no gap.
 *
 * @param method the method, in the plan's words, for the record
 * @param maxInvestigate the most residual risks allowed in the investigate region, from 0
 * @param acceptUnacceptableWithBenefitRisk whether a residual risk that stays unacceptable may be
 *     accepted on a recorded benefit–risk analysis (§7.4); if not, any such risk makes the overall
 *     residual risk not acceptable
 */
public record OverallCriteria(
        String method, int maxInvestigate, boolean acceptUnacceptableWithBenefitRisk) {

    public OverallCriteria {
        Objects.requireNonNull(method, "method");
        if (maxInvestigate < 0) {
            throw new IllegalArgumentException("max_investigate is negative: " + maxInvestigate);
        }
    }
}
