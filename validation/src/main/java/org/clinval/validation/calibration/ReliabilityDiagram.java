package org.clinval.validation.calibration;

import java.util.List;

/**
 * Reliability bins of probability forecasts and their expected calibration error
 *
 * <pre>
 *   ECE = Σ_b (n_b / n) · |mean p in bin b − fraction of positives in bin b|
 * </pre>
 *
 * over the non-empty bins (Naeini, Cooper, Hauskrecht 2015, Obtaining well calibrated probabilities
 * using Bayesian binning, AAAI; Guo et al. 2017, On calibration of modern neural networks, ICML,
 * arXiv:1706.04599). The ECE depends on the binning and the number of bins, both explicit inputs
 * recorded here; see {@link Binning} for the exact bin definitions.
 *
 * @param binning how the bins were formed
 * @param binCount the number of bins {@code B}
 * @param n number of cases
 * @param bins the {@code B} bins in ascending order of probability
 * @param ece the expected calibration error, in [0, 1]
 */
public record ReliabilityDiagram(
        Binning binning, int binCount, int n, List<ReliabilityBin> bins, double ece) {

    public ReliabilityDiagram {
        bins = List.copyOf(bins);
    }

    /**
     * Bins {@code forecasts} into {@code binCount} bins by {@code binning}.
     *
     * @throws IllegalArgumentException if {@code binCount < 1}, or for equal-mass bins if there are
     *     fewer cases than bins
     */
    public static ReliabilityDiagram of(
            ProbabilityForecasts forecasts, Binning binning, int binCount) {
        if (binCount < 1) {
            throw new IllegalArgumentException("number of bins is not positive: " + binCount);
        }
        List<ReliabilityBin> bins = binning.bins(forecasts, binCount);
        double ece = 0;
        for (ReliabilityBin b : bins) {
            ece += (double) b.count() / forecasts.n() * b.gap();
        }
        return new ReliabilityDiagram(binning, binCount, forecasts.n(), bins, ece);
    }
}
