package org.clinval.validation.paired;

import java.util.Optional;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.design.PairedCounts;
import org.clinval.validation.design.PairedNonInferiority;
import org.clinval.validation.design.Tango;

/**
 * A paired proportion (sensitivity among the positives, specificity among the negatives) of a
 * candidate model compared with its baseline on the same cases.
 *
 * @param counts the paired table, "new" being the candidate: {@code newOnly} cases are right by the
 *     candidate only, {@code referenceOnly} by the baseline only
 * @param tango Tango's non-inferiority test at the margin, with the score interval of {@code
 *     candidate − baseline}; empty without cases
 * @param mcnemar McNemar's test without continuity correction
 * @param mcnemarCorrected McNemar's test with continuity correction
 * @param margin the non-inferiority margin
 * @param level the confidence level of the interval
 * @param verdict the verdict from Tango's interval
 * @param undefinedReason why nothing could be compared, if so
 */
public record ProportionComparison(
        PairedCounts counts,
        Optional<PairedNonInferiority> tango,
        McNemarResult mcnemar,
        McNemarResult mcnemarCorrected,
        double margin,
        ConfidenceLevel level,
        Verdict verdict,
        Optional<String> undefinedReason) {

    /** The method named in results. */
    public static final String METHOD =
            "Tango (1998) score interval of the paired difference; McNemar's test";

    /**
     * Compares the candidate's correct calls with the baseline's on the same cases.
     *
     * @param counts the paired table, candidate as "new", baseline as "reference"
     * @param margin the non-inferiority margin, in [0, 1)
     */
    public static ProportionComparison of(
            PairedCounts counts, double margin, ConfidenceLevel level) {
        McNemarResult plain = McNemar.UNCORRECTED.test(counts);
        McNemarResult corrected = McNemar.CONTINUITY_CORRECTED.test(counts);
        if (counts.n() == 0) {
            if (!(margin >= 0 && margin < 1)) {
                throw new IllegalArgumentException("margin is not in [0, 1): " + margin);
            }
            return new ProportionComparison(
                    counts,
                    Optional.empty(),
                    plain,
                    corrected,
                    margin,
                    level,
                    Verdict.UNDEFINED,
                    Optional.of("no cases in the denominator"));
        }
        PairedNonInferiority t = Tango.nonInferiority(counts, margin, level);
        return new ProportionComparison(
                counts,
                Optional.of(t),
                plain,
                corrected,
                margin,
                level,
                Verdict.of(Optional.of(t.ci()), margin),
                Optional.empty());
    }
}
