package org.clinval.validation.drift;

import java.util.Arrays;
import org.clinval.validation.Checks;

/**
 * Bins cut at quantiles of a baseline sample: the inner edges are {@code numpy.quantile(baseline, i
 * / bins)} for {@code i = 1 … bins − 1} (numpy's default {@code 'linear'} method, Hyndman and Fan
 * type 7), duplicate edges collapsed; the first and last bins are open to −∞ and +∞. Bins are
 * closed on the right, {@code (e_{i−1}, e_i]}, so a value equal to an edge falls in the lower bin
 * ({@code numpy.searchsorted(edges, x, side='left')}) and tied baseline values at a quantile stay
 * together.
 */
public final class QuantileBins {

    /** The number of bins before collapsing: deciles. */
    public static final int DECILES = 10;

    private final double[] edges;

    private QuantileBins(double[] edges) {
        this.edges = edges;
    }

    /**
     * Returns the decile bins of a baseline sample.
     *
     * @throws IllegalArgumentException if the baseline is empty or holds a non-finite value
     */
    public static QuantileBins deciles(double[] baseline) {
        return of(baseline, DECILES);
    }

    /**
     * Returns the bins cut at the {@code i / bins} quantiles of a baseline sample.
     *
     * @throws IllegalArgumentException if the baseline is empty or holds a non-finite value, or
     *     {@code bins < 2}
     */
    public static QuantileBins of(double[] baseline, int bins) {
        Checks.allFinite("baseline", baseline);
        if (baseline.length == 0) {
            throw new IllegalArgumentException("baseline is empty: no quantiles");
        }
        if (bins < 2) {
            throw new IllegalArgumentException("bins is below 2: " + bins);
        }
        double[] sorted = baseline.clone();
        Arrays.sort(sorted);
        double[] cut = new double[bins - 1];
        int unique = 0;
        for (int i = 1; i < bins; i++) {
            double q = quantile(sorted, i / (double) bins);
            if (unique == 0 || q != cut[unique - 1]) {
                cut[unique++] = q;
            }
        }
        return new QuantileBins(Arrays.copyOf(cut, unique));
    }

    /** numpy's 'linear' quantile of sorted values, including its two-sided interpolation. */
    static double quantile(double[] sorted, double q) {
        int n = sorted.length;
        double virtual = (n - 1) * q;
        if (virtual >= n - 1) {
            return sorted[n - 1];
        }
        int previous = (int) Math.floor(virtual);
        double gamma = virtual - previous;
        double a = sorted[previous];
        double b = sorted[previous + 1];
        double diff = b - a;
        return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
    }

    /** Returns the inner edges, ascending and distinct. */
    public double[] edges() {
        return edges.clone();
    }

    /** Returns the number of bins, {@code edges().length + 1}. */
    public int size() {
        return edges.length + 1;
    }

    /** Returns the bin of a value: the number of edges strictly below it. */
    public int binOf(double x) {
        int lo = 0;
        int hi = edges.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Returns the count of values in each bin.
     *
     * @throws IllegalArgumentException if a value is not finite
     */
    public long[] counts(double[] values) {
        Checks.allFinite("values", values);
        long[] c = new long[size()];
        for (double v : values) {
            c[binOf(v)]++;
        }
        return c;
    }
}
