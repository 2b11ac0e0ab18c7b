package org.clinval.validation.roc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Binormal smoothing of an empirical ROC curve, as pROC 1.18.0's {@code smooth(roc, method =
 * "binormal")} (Metz 1978; pROC's least-squares form).
 *
 * <p>Every point of the empirical curve with sensitivity and specificity strictly inside (0, 1)
 * gives {@code (Φ⁻¹(se), Φ⁻¹(sp))}; ordinary least squares of {@code Φ⁻¹(sp)} on {@code Φ⁻¹(se)}
 * gives intercept {@code a} and slope {@code b}, and the smoothed AUC is {@code Φ(a / √(1 + b²))}.
 * With fewer than two such points, or all at one sensitivity, no line is defined (pROC stops with
 * "ROC curve not smoothable").
 */
public final class BinormalSmoothing {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private BinormalSmoothing() {}

    /** Fits the binormal curve to {@code curve}. */
    public static BinormalFit fit(RocCurve curve) {
        List<double[]> xy = new ArrayList<>();
        for (RocPoint p : curve.points()) {
            double se = p.sensitivity();
            double sp = p.specificity();
            if (se > 0 && se < 1 && sp > 0 && sp < 1) {
                xy.add(
                        new double[] {
                            STANDARD_NORMAL.inverseCumulativeProbability(se),
                            STANDARD_NORMAL.inverseCumulativeProbability(sp)
                        });
            }
        }
        int k = xy.size();
        if (k <= 1) {
            return undefined(
                    k,
                    "not smoothable: "
                            + k
                            + " curve point(s) with sensitivity and specificity inside (0, 1),"
                            + " 2 needed");
        }
        double mx = 0, my = 0;
        for (double[] v : xy) {
            mx += v[0];
            my += v[1];
        }
        mx /= k;
        my /= k;
        double sxx = 0, sxy = 0;
        boolean oneX = true;
        for (double[] v : xy) {
            sxx += (v[0] - mx) * (v[0] - mx);
            sxy += (v[0] - mx) * (v[1] - my);
            oneX &= v[0] == xy.get(0)[0];
        }
        if (oneX) {
            return undefined(k, "not smoothable: every usable curve point has one sensitivity");
        }
        double b = sxy / sxx;
        double a = my - b * mx;
        double auc = STANDARD_NORMAL.cumulativeProbability(a / Math.sqrt(1 + b * b));
        return new BinormalFit(
                OptionalDouble.of(a),
                OptionalDouble.of(b),
                OptionalDouble.of(auc),
                k,
                Optional.empty());
    }

    private static BinormalFit undefined(int k, String reason) {
        return new BinormalFit(
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                k,
                Optional.of(reason));
    }
}
