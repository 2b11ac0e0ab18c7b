package org.clinval.validation.cusum;

import org.clinval.validation.Checks;

/**
 * The design of a two-sided CUSUM chart in σ units: the reference value {@code k = shift/2} (the
 * usual choice, optimal for detecting a mean shift of {@code shift} σ) and the decision interval
 * {@code h} at which the two-sided zero-state in-control ARL equals the target, both computed by
 * {@link CusumArl} (Page's integral equation by Gauss–Legendre Nyström, sides combined by {@code
 * 1/L = 1/L⁺ + 1/L⁻}).
 *
 * <p>Differences from FDA's AIM-CU, which calls R {@code spc}: AIM-CU chooses {@code h} with {@code
 * xcusum.crit(k, L0, sided = "one")}, so its ARL0 is that of one side (the two-sided chart then
 * alarms about twice as often), and reports the steady-state delay {@code xcusum.ad}; here {@code
 * arl0} is the two-sided chart's and {@code arl1} its zero-state ARL under the shift, both sides
 * active.
 *
 * @param arl0Target the requested in-control ARL (observations between false alarms)
 * @param shiftSigma the mean shift to detect, in σ units, {@code > 0}
 * @param k reference value in σ units, {@code shiftSigma / 2}
 * @param h decision interval in σ units
 * @param arl0Achieved the two-sided in-control ARL at {@code (k, h)}
 * @param arl1 the two-sided ARL when the mean has shifted by {@code shiftSigma}: the expected
 *     detection delay from a chart at zero
 * @param method how {@code h} and the ARLs were computed
 */
public record CusumDesign(
        double arl0Target,
        double shiftSigma,
        double k,
        double h,
        double arl0Achieved,
        double arl1,
        String method)
        implements java.io.Serializable {

    /** The method named in every design. */
    public static final String METHOD =
            "two-sided CUSUM, k = shift/2, h solving ARL0(k, h) = target; zero-state ARLs from"
                    + " Page's integral equation (Gauss-Legendre Nystrom, "
                    + CusumArl.NODES
                    + " nodes, as R spc xcusum.arl), sides combined 1/L = 1/L+ + 1/L- (Lucas and"
                    + " Crosier 1982)";

    private static final double H_TOLERANCE = 1e-10;

    /**
     * Designs the chart for a target in-control ARL and a shift in σ units.
     *
     * @param arl0 target two-sided in-control ARL, {@code > 1} observation
     * @param shiftSigma the mean shift to detect in σ units, {@code > 0}
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static CusumDesign forArl0(double arl0, double shiftSigma) {
        Checks.positive("arl0", arl0);
        if (!(arl0 > 1)) {
            throw new IllegalArgumentException("arl0 is not above 1 observation: " + arl0);
        }
        Checks.positive("shiftSigma", shiftSigma);
        double k = shiftSigma / 2;
        double h = solveH(k, arl0);
        return new CusumDesign(
                arl0,
                shiftSigma,
                k,
                h,
                CusumArl.twoSided(k, h, 0),
                CusumArl.twoSided(k, h, shiftSigma),
                METHOD);
    }

    /**
     * Designs the chart for a target in-control ARL and an absolute shift with the in-control
     * standard deviation: {@code forArl0(arl0, shift / sigma)}.
     */
    public static CusumDesign forArl0(double arl0, double shift, double sigma) {
        Checks.positive("shift", shift);
        Checks.positive("sigma", sigma);
        return forArl0(arl0, shift / sigma);
    }

    /** Bisection: the ARL increases with {@code h}. */
    private static double solveH(double k, double arl0) {
        double lo = 0;
        double hi = 1;
        while (CusumArl.twoSided(k, hi, 0) < arl0) {
            lo = hi;
            hi *= 2;
            if (hi > 1e3) {
                throw new IllegalArgumentException(
                        "arl0 " + arl0 + " needs h beyond 1000 σ with k = " + k);
            }
        }
        while (hi - lo > H_TOLERANCE * hi) {
            double mid = (lo + hi) / 2;
            if (CusumArl.twoSided(k, mid, 0) < arl0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }
}
