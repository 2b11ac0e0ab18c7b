package org.clinval.validation.calibration;

/** A stable ascending order of case indices by probability, without boxing. */
final class StableOrder {

    private StableOrder() {}

    /** Returns the case indices sorted by probability; equal probabilities keep input order. */
    static int[] ascending(ProbabilityForecasts f) {
        int n = f.n();
        double[] key = new double[n];
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            key[i] = f.probability(i);
            a[i] = i;
        }
        int[] b = new int[n];
        // Bottom-up merge sort: takes from the left run on ties, so it is stable.
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo, j = mid, k = lo;
                while (i < mid && j < hi) b[k++] = key[a[j]] < key[a[i]] ? a[j++] : a[i++];
                while (i < mid) b[k++] = a[i++];
                while (j < hi) b[k++] = a[j++];
            }
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }
}
