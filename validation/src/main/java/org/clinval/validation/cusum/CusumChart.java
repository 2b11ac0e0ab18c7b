package org.clinval.validation.cusum;

import java.util.ArrayList;
import java.util.List;
import org.clinval.validation.Checks;

/**
 * A two-sided tabular CUSUM on standardised observations {@code z_t = (x_t − μ0)/σ}:
 *
 * <pre>
 * S_hi(t) = max(0, S_hi(t−1) + z_t − k),   S_lo(t) = max(0, S_lo(t−1) − z_t − k),
 * S_hi(0) = S_lo(0) = 0,   alarm when S_hi(t) > h (high) or S_lo(t) > h (low).
 * </pre>
 *
 * <p>This is FDA AIM-CU's chart, which works in the metric's units with {@code K = kσ} and {@code H
 * = hσ}: its statistics are σ times these. AIM-CU estimates {@code μ0} and {@code σ} from the first
 * baseline observations (population standard deviation); here they are explicit inputs.
 *
 * <p>Restart: after an alarm both statistics start again from 0, so a shift that persists alarms
 * again about every ARL1 observations, and the run lengths between alarms are those {@link
 * CusumArl} computes. (AIM-CU reports only the first crossing; up to it the two agree.) With {@code
 * k ≥ 0} the two sides cannot cross in the same step.
 *
 * @param mu0 in-control mean, in the metric's units
 * @param sigma in-control standard deviation, in the metric's units, {@code > 0}
 * @param k reference value in σ units, {@code ≥ 0}
 * @param h decision interval in σ units, {@code > 0}
 */
public record CusumChart(double mu0, double sigma, double k, double h) {

    public CusumChart {
        Checks.finite("mu0", mu0);
        Checks.positive("sigma", sigma);
        if (!(k >= 0) || Double.isInfinite(k)) {
            throw new IllegalArgumentException("k is not a non-negative finite number: " + k);
        }
        Checks.positive("h", h);
    }

    /** Returns the chart with the design's {@code k} and {@code h}. */
    public static CusumChart of(double mu0, double sigma, CusumDesign design) {
        return new CusumChart(mu0, sigma, design.k(), design.h());
    }

    /**
     * Feeds one observation.
     *
     * @param state the state after the previous observation ({@link CusumState#initial()} first)
     * @param x the observation, finite
     */
    public CusumStep step(CusumState state, double x) {
        Checks.finite("x", x);
        double z = (x - mu0) / sigma;
        double sHi = Math.max(0, state.sHi() + z - k);
        double sLo = Math.max(0, state.sLo() - z - k);
        long t = state.steps() + 1;
        CusumAlarm alarm = sHi > h ? CusumAlarm.HIGH : sLo > h ? CusumAlarm.LOW : CusumAlarm.NONE;
        CusumState next =
                alarm == CusumAlarm.NONE ? new CusumState(t, sHi, sLo) : new CusumState(t, 0, 0);
        return new CusumStep(t, x, z, sHi, sLo, alarm, next);
    }

    /** Returns the path of a whole series from the initial state: one step per observation. */
    public List<CusumStep> path(double[] x) {
        List<CusumStep> out = new ArrayList<>(x.length);
        CusumState s = CusumState.initial();
        for (double v : x) {
            CusumStep step = step(s, v);
            out.add(step);
            s = step.next();
        }
        return out;
    }
}
