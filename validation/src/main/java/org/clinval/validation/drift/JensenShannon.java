package org.clinval.validation.drift;

/**
 * The Jensen–Shannon divergence between the binned baseline and current distributions, in bits:
 *
 * <pre>
 * JS(P, Q) = ½ KL(P ‖ M) + ½ KL(Q ‖ M),   M = (P + Q)/2,   log base 2,
 * </pre>
 *
 * which lies in [0, 1]. It is the square of scipy's Jensen–Shannon <em>distance</em>: {@code
 * scipy.spatial.distance.jensenshannon(p, q, base=2) ** 2}. Numeric samples are binned on the
 * baseline's {@link QuantileBins#deciles deciles}, as for {@link Psi}; categorical samples over the
 * union of their categories. Empty bins need no substitute here ({@code 0 · log 0 = 0}).
 */
public final class JensenShannon {

    /** The method named for numeric samples. */
    public static final String METHOD_NUMERIC =
            "Jensen-Shannon divergence, base 2 (= scipy jensenshannon(p, q, base=2)**2), over"
                    + " baseline deciles (numpy.quantile linear, bins (e[i-1], e[i]])";

    /** The method named for categorical samples. */
    public static final String METHOD_CATEGORICAL =
            "Jensen-Shannon divergence, base 2 (= scipy jensenshannon(p, q, base=2)**2), over"
                    + " the union of categories";

    private JensenShannon() {}

    /**
     * Returns the divergence of numeric samples, undefined when either is empty.
     *
     * @throws IllegalArgumentException if a value is not finite
     */
    public static DriftResult of(double[] baseline, double[] current) {
        String empty = DriftResult.emptySample(baseline.length, current.length);
        if (empty != null) {
            return DriftResult.undefined(
                    DriftTest.JS, baseline.length, current.length, METHOD_NUMERIC, empty);
        }
        QuantileBins bins = QuantileBins.deciles(baseline);
        return DriftResult.of(
                DriftTest.JS,
                divergence(bins.counts(baseline), bins.counts(current)),
                baseline.length,
                current.length,
                METHOD_NUMERIC);
    }

    /**
     * Returns the divergence of categorical samples, undefined when either is empty.
     *
     * @throws IllegalArgumentException if a value is null
     */
    public static DriftResult of(String[] baseline, String[] current) {
        CategoryTable t = CategoryTable.of(baseline, current);
        String empty = DriftResult.emptySample(baseline.length, current.length);
        if (empty != null) {
            return DriftResult.undefined(
                    DriftTest.JS, baseline.length, current.length, METHOD_CATEGORICAL, empty);
        }
        return DriftResult.of(
                DriftTest.JS,
                divergence(t.baseline(), t.current()),
                baseline.length,
                current.length,
                METHOD_CATEGORICAL);
    }

    /** The base-2 divergence of two count vectors over the same bins, each with a positive sum. */
    static double divergence(long[] p, long[] q) {
        double sp = 0;
        double sq = 0;
        for (int i = 0; i < p.length; i++) {
            sp += p[i];
            sq += q[i];
        }
        double left = 0;
        double right = 0;
        for (int i = 0; i < p.length; i++) {
            double pi = p[i] / sp;
            double qi = q[i] / sq;
            double m = (pi + qi) / 2.0;
            left += relativeEntropy(pi, m);
            right += relativeEntropy(qi, m);
        }
        return (left + right) / Math.log(2) / 2.0;
    }

    /** scipy.special.rel_entr for {@code y ≥ x ≥ 0}, {@code y > 0} when {@code x > 0}. */
    private static double relativeEntropy(double x, double y) {
        return x > 0 ? x * Math.log(x / y) : 0;
    }
}
