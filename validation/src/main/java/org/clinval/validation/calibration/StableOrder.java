package org.clinval.validation.calibration;

/** A stable ascending order of case indices by probability, without boxing. */
final class StableOrder {

    private StableOrder() {}

    /** Returns the case indices sorted by probability; equal probabilities keep input order. */
    static int[] ascending(ProbabilityForecasts f) {
        int n = f.n();
        double[] key = new double[n];
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            key[i] = f.probability(i);
            index[i] = i;
        }
        double[] keyBuffer = new double[n];
        int[] indexBuffer = new int[n];
        // Bottom-up merge sort moving keys with their indices (no indirect loads); taking from
        // the left run on ties keeps it stable.
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo, j = mid, k = lo;
                while (i < mid && j < hi) {
                    if (key[j] < key[i]) {
                        keyBuffer[k] = key[j];
                        indexBuffer[k++] = index[j++];
                    } else {
                        keyBuffer[k] = key[i];
                        indexBuffer[k++] = index[i++];
                    }
                }
                System.arraycopy(key, i, keyBuffer, k, mid - i);
                System.arraycopy(index, i, indexBuffer, k, mid - i);
                k += mid - i;
                System.arraycopy(key, j, keyBuffer, k, hi - j);
                System.arraycopy(index, j, indexBuffer, k, hi - j);
            }
            double[] tk = key;
            key = keyBuffer;
            keyBuffer = tk;
            int[] ti = index;
            index = indexBuffer;
            indexBuffer = ti;
        }
        return index;
    }
}
