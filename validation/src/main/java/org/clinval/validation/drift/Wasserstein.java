package org.clinval.validation.drift;

import java.util.Arrays;
import org.clinval.validation.Checks;

/**
 * The first Wasserstein (earth mover's) distance between two one-dimensional samples, {@code ∫ |F_b
 * − F_c| dx} over their empirical distribution functions, in the values' units; as {@code
 * scipy.stats.wasserstein_distance(baseline, current)}.
 */
public final class Wasserstein {

    /** The method named in every result. */
    public static final String METHOD =
            "first Wasserstein distance of the empirical distributions (scipy"
                    + " wasserstein_distance)";

    private Wasserstein() {}

    /**
     * Returns the distance, undefined when either sample is empty.
     *
     * @throws IllegalArgumentException if a value is not finite
     */
    public static DriftResult of(double[] baseline, double[] current) {
        Checks.allFinite("baseline", baseline);
        Checks.allFinite("current", current);
        int nb = baseline.length;
        int nc = current.length;
        String empty = DriftResult.emptySample(nb, nc);
        if (empty != null) {
            return DriftResult.undefined(DriftTest.WASSERSTEIN, nb, nc, METHOD, empty);
        }
        double[] b = baseline.clone();
        double[] c = current.clone();
        Arrays.sort(b);
        Arrays.sort(c);
        double[] all = new double[nb + nc];
        System.arraycopy(b, 0, all, 0, nb);
        System.arraycopy(c, 0, all, nb, nc);
        Arrays.sort(all);
        // Between consecutive pooled values the two ECDFs are constant.
        int ib = 0;
        int ic = 0;
        double sum = 0;
        for (int i = 0; i < all.length - 1; i++) {
            while (ib < nb && b[ib] <= all[i]) ib++;
            while (ic < nc && c[ic] <= all[i]) ic++;
            double delta = all[i + 1] - all[i];
            sum += Math.abs((double) ib / nb - (double) ic / nc) * delta;
        }
        return DriftResult.of(DriftTest.WASSERSTEIN, sum, nb, nc, METHOD);
    }
}
