package org.clinval.workflows.analysis;

import java.util.Arrays;
import java.util.Locale;

/** How per-case values are summarised: the mean or the median of the defined values. */
public enum Aggregate {
    /** The arithmetic mean, with Neumaier's compensated sum. */
    MEAN,
    /**
     * The median: the middle value, or the mean of the middle two for an even count ({@code
     * numpy.median}).
     */
    MEDIAN;

    /** Returns the name in keys, e.g. {@code mean}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the aggregate of {@code values[0..k)}; reorders them; {@code k >= 1}. */
    double of(double[] values, int k) {
        if (this == MEAN) {
            double sum = 0;
            double c = 0;
            for (int i = 0; i < k; i++) {
                double v = values[i];
                double t = sum + v;
                c += Math.abs(sum) >= Math.abs(v) ? (sum - t) + v : (v - t) + sum;
                sum = t;
            }
            return (sum + c) / k;
        }
        Arrays.sort(values, 0, k);
        return k % 2 == 1 ? values[k / 2] : (values[k / 2 - 1] + values[k / 2]) / 2;
    }
}
