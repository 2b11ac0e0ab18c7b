package org.clinval.validation.bootstrap;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.clinval.validation.Interval;

/**
 * Percentile and BCa intervals from bootstrap replicates.
 *
 * <p>Quantiles interpolate linearly between order statistics (R's {@code quantile(type = 7)}, as
 * pROC uses). BCa follows Efron (1987), J Am Stat Assoc 82(397):171–185, doi:10.2307/2289144:
 * {@code z0 = Φ⁻¹((#{θ* < θ̂} + ½·#{θ* = θ̂}) / B)}; the acceleration from jackknife values {@code
 * θ(i)} with mean {@code θ(.)} is {@code a = Σ(θ(.) − θ(i))³ / (6·(Σ(θ(.) − θ(i))²)^{3/2})}; the
 * interval takes the quantiles at {@code Φ(z0 + (z0 + z_q)/(1 − a(z0 + z_q)))} for {@code q = α/2}
 * and {@code 1 − α/2}. Counting ties one half keeps {@code z0} finite for statistics with atoms,
 * such as an AUC of 1.
 */
public final class Intervals {

    private static final NormalDistribution N01 = NormalDistribution.of(0, 1);

    private Intervals() {}

    /**
     * Returns the percentile and BCa intervals.
     *
     * @param estimate the statistic on the original sample
     * @param replicates the bootstrap values; sorted in place
     * @param jackknife leave-one-out values of the statistic
     */
    public static BootstrapInterval of(
            double estimate,
            double[] replicates,
            double[] jackknife,
            BootstrapSpec spec,
            String resampling) {
        Arrays.sort(replicates);
        double a = spec.level().alpha() / 2;
        Interval percentile = new Interval(quantile(replicates, a), quantile(replicates, 1 - a));
        int below = 0, equal = 0;
        for (double t : replicates) {
            if (t < estimate) below++;
            else if (t == estimate) equal++;
        }
        double share = (below + 0.5 * equal) / replicates.length;
        double acceleration = acceleration(jackknife);
        if (share <= 0 || share >= 1) {
            return new BootstrapInterval(
                    estimate,
                    percentile,
                    Optional.empty(),
                    OptionalDouble.empty(),
                    acceleration,
                    spec.level(),
                    spec.replicates(),
                    spec.seed(),
                    resampling,
                    Optional.of(
                            "BCa is undefined: every replicate lies on one side of the estimate"));
        }
        double z0 = N01.inverseCumulativeProbability(share);
        double lower = adjusted(z0, acceleration, N01.inverseCumulativeProbability(a));
        double upper = adjusted(z0, acceleration, N01.inverseCumulativeProbability(1 - a));
        Interval bca = new Interval(quantile(replicates, lower), quantile(replicates, upper));
        return new BootstrapInterval(
                estimate,
                percentile,
                Optional.of(bca),
                OptionalDouble.of(z0),
                acceleration,
                spec.level(),
                spec.replicates(),
                spec.seed(),
                resampling,
                Optional.empty());
    }

    private static double adjusted(double z0, double acceleration, double zq) {
        double shifted = z0 + zq;
        return N01.cumulativeProbability(z0 + shifted / (1 - acceleration * shifted));
    }

    /** Returns the jackknife acceleration; 0 when all jackknife values are equal. */
    static double acceleration(double[] jackknife) {
        double mean = 0;
        for (double v : jackknife) mean += v;
        mean /= jackknife.length;
        double s2 = 0, s3 = 0;
        for (double v : jackknife) {
            double d = mean - v;
            s2 += d * d;
            s3 += d * d * d;
        }
        return s2 == 0 ? 0 : s3 / (6 * Math.pow(s2, 1.5));
    }

    /** Returns the type-7 quantile of sorted values at probability {@code q}. */
    public static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
