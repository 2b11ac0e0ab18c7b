package org.clinval.validation.segmentation;

import java.util.Arrays;

/**
 * Percentiles by numpy's default {@code method="linear"}: Hyndman and Fan's type 7 (1996, The
 * American Statistician 50(4):361–365, doi:10.1080/00031305.1996.10473566).
 */
final class Percentile {

    private Percentile() {}

    /**
     * Returns {@code numpy.percentile(values, 100·q)}: with the values sorted ascending as {@code
     * x[0..n-1]}, {@code h = (n − 1)·q}, {@code x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋])}, evaluated
     * from the nearer end as numpy's {@code _lerp} does.
     *
     * @param values at least one value; not modified
     */
    static double linear(double[] values, double q) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a percentile needs at least one value");
        }
        double[] x = values.clone();
        Arrays.sort(x);
        return linearSorted(x, q);
    }

    /** As {@link #linear} on values already sorted ascending. */
    static double linearSorted(double[] x, double q) {
        double h = (x.length - 1) * q;
        int lo = (int) Math.floor(h);
        if (lo >= x.length - 1) {
            return x[x.length - 1];
        }
        double t = h - lo;
        double a = x[lo];
        double b = x[lo + 1];
        double diff = b - a;
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }
}
