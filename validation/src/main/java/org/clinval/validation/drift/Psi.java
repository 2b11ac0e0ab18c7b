package org.clinval.validation.drift;

import org.clinval.validation.Checks;

/**
 * The population stability index of a current sample against a baseline sample:
 *
 * <pre>
 * PSI = Σ_i (c_i − b_i) · ln(c_i / b_i)
 * </pre>
 *
 * over the baseline's {@link QuantileBins#deciles decile bins}, with {@code b_i}, {@code c_i} the
 * proportions of baseline and current values in bin {@code i}. An empty bin's proportion is
 * replaced by {@value #EPSILON} (and nothing renormalised), so the index stays finite; the
 * reference script applies the same rule. Bands: {@link DriftBand#ofPsi}.
 */
public final class Psi {

    /** The proportion that stands in for an empty bin. */
    public static final double EPSILON = 1e-4;

    /** The method named in every result. */
    public static final String METHOD =
            "population stability index over baseline deciles (numpy.quantile linear, duplicate"
                    + " edges collapsed, bins (e[i-1], e[i]]), empty-bin proportion 1e-4, natural"
                    + " log";

    private Psi() {}

    /**
     * Returns the PSI, undefined when either sample is empty.
     *
     * @throws IllegalArgumentException if a value is not finite
     */
    public static DriftResult of(double[] baseline, double[] current) {
        Checks.allFinite("baseline", baseline);
        Checks.allFinite("current", current);
        String empty = DriftResult.emptySample(baseline.length, current.length);
        if (empty != null) {
            return DriftResult.undefined(
                    DriftTest.PSI, baseline.length, current.length, METHOD, empty);
        }
        QuantileBins bins = QuantileBins.deciles(baseline);
        long[] b = bins.counts(baseline);
        long[] c = bins.counts(current);
        double psi = 0;
        for (int i = 0; i < b.length; i++) {
            double pb = proportion(b[i], baseline.length);
            double pc = proportion(c[i], current.length);
            psi += (pc - pb) * Math.log(pc / pb);
        }
        return DriftResult.of(DriftTest.PSI, psi, baseline.length, current.length, METHOD);
    }

    private static double proportion(long count, int n) {
        double p = (double) count / n;
        return p == 0 ? EPSILON : p;
    }
}
