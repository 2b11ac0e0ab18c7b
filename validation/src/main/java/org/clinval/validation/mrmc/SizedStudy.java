package org.clinval.validation.mrmc;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A fully crossed study sized from a pilot by {@link MrmcSizing}: the variance of the difference of
 * two modalities' reader-averaged AUCs, the df and the power of the two-sided test.
 *
 * @param readers {@code N_R}
 * @param negatives {@code N_0}
 * @param positives {@code N_1}
 * @param variance the U-statistic variance of the difference
 * @param dfBdg the BDG df; empty when the variance is not positive
 * @param varianceHillis the variance from the OR components; empty when not positive
 * @param dfHillis Hillis's df; empty with {@code varianceHillis}, or when unbounded (then the
 *     Hillis power is the normal one)
 * @param powerNormal power of the normal test; empty when the variance is not positive
 * @param powerBdg power of the t test with {@code dfBdg}
 * @param powerHillis power of the t test with {@code dfHillis}
 * @param undefinedReason why a power or df is undefined, or the Hillis df unbounded, if so
 */
public record SizedStudy(
        int readers,
        int negatives,
        int positives,
        double variance,
        OptionalDouble dfBdg,
        OptionalDouble varianceHillis,
        OptionalDouble dfHillis,
        OptionalDouble powerNormal,
        OptionalDouble powerBdg,
        OptionalDouble powerHillis,
        Optional<String> undefinedReason) {

    /** Total cases. */
    public int cases() {
        return negatives + positives;
    }
}
