package org.clinval.validation.mrmc;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The reader-averaged AUC of one modality, or the difference of two, with its U-statistic MRMC
 * variance and tests, as iMRMC's "Ustat" row.
 *
 * @param modality the modality, or the first of the two compared
 * @param minus the modality subtracted, for a difference
 * @param readers readers with at least one read in the modality (or either modality)
 * @param negatives negative cases read (in either modality)
 * @param positives positive cases read (in either modality)
 * @param estimate the AUC, or {@code AUC(modality) − AUC(minus)}
 * @param nullValue the value tested against: ½ for an AUC, 0 for a difference
 * @param variance the unbiased U-statistic MRMC variance (can be negative in small studies)
 * @param biasedVariance the biased (MLE, "ideal bootstrap") variance
 * @param components the decomposition of {@code variance}; for a difference, of the first
 *     modality's variance (with {@link #covariance} and {@link #second})
 * @param covariance for a difference, the decomposition of the covariance of the two AUCs
 * @param second for a difference, the decomposition of the second modality's variance
 * @param dfBdg the BDG (Satterthwaite-type) degrees of freedom; empty with a negative variance, or
 *     when unbounded
 * @param dfHillis Hillis's degrees of freedom; only for fully crossed studies with 2+ readers
 * @param normal the normal-approximation test
 * @param bdg the t test with {@code dfBdg}
 * @param hillis the t test with {@code dfHillis}
 */
public record UstatEstimate(
        String modality,
        Optional<String> minus,
        int readers,
        int negatives,
        int positives,
        double estimate,
        double nullValue,
        double variance,
        double biasedVariance,
        UstatComponents components,
        Optional<UstatComponents> covariance,
        Optional<UstatComponents> second,
        OptionalDouble dfBdg,
        OptionalDouble dfHillis,
        MrmcTest normal,
        MrmcTest bdg,
        MrmcTest hillis) {

    /** Returns the three tests in the order normal, BDG, Hillis. */
    public List<MrmcTest> tests() {
        return List.of(normal, bdg, hillis);
    }
}
