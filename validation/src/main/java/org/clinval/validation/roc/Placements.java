package org.clinval.validation.roc;

/**
 * DeLong's placement values, computed as in Sun and Xu (2014), Fast implementation of DeLong's
 * algorithm, IEEE Signal Processing Letters 21(11):1389–1393, doi:10.1109/LSP.2014.2337313: from
 * the sorted samples, in {@code O(m + n)} after sorting.
 *
 * <ul>
 *   <li>{@code V10[i] = (#{Y < X_i} + ½·#{Y = X_i}) / n}: the placement of positive {@code i} among
 *       the negatives;
 *   <li>{@code V01[j] = (#{X > Y_j} + ½·#{X = Y_j}) / m}: the placement of negative {@code j} among
 *       the positives.
 * </ul>
 *
 * <p>Both are indexed like the sorted samples. {@code mean(V10) = mean(V01) = AUC} (the
 * Mann–Whitney statistic divided by {@code mn}); the two means come from separate passes and are
 * checked against each other.
 */
final class Placements {

    final double[] v10;
    final double[] v01;

    private Placements(double[] v10, double[] v01) {
        this.v10 = v10;
        this.v01 = v01;
    }

    static Placements of(double[] xSorted, double[] ySorted) {
        int m = xSorted.length;
        int n = ySorted.length;
        double[] v10 = new double[m];
        int below = 0; // #{Y < x}
        int atOrBelow = 0; // #{Y <= x}
        for (int i = 0; i < m; i++) {
            double xi = xSorted[i];
            while (below < n && ySorted[below] < xi) below++;
            if (atOrBelow < below) atOrBelow = below;
            while (atOrBelow < n && ySorted[atOrBelow] <= xi) atOrBelow++;
            v10[i] = (below + 0.5 * (atOrBelow - below)) / n;
        }
        double[] v01 = new double[n];
        int notAbove = 0; // #{X <= y}
        int belowY = 0; // #{X < y}
        for (int j = 0; j < n; j++) {
            double yj = ySorted[j];
            while (belowY < m && xSorted[belowY] < yj) belowY++;
            if (notAbove < belowY) notAbove = belowY;
            while (notAbove < m && xSorted[notAbove] <= yj) notAbove++;
            v01[j] = ((m - notAbove) + 0.5 * (notAbove - belowY)) / m;
        }
        return new Placements(v10, v01);
    }

    /** Returns the AUC as {@code mean(V10)}, checked against {@code mean(V01)}. */
    double auc() {
        double fromPositives = mean(v10);
        double fromNegatives = mean(v01);
        if (Math.abs(fromPositives - fromNegatives) > 1e-9) {
            throw new IllegalStateException(
                    "AUC cross-check failed: mean(V10) = "
                            + fromPositives
                            + " but mean(V01) = "
                            + fromNegatives);
        }
        return fromPositives;
    }

    static double mean(double[] v) {
        // Kahan summation: n reaches 10^6 and the check above is at 1e-9.
        double sum = 0, c = 0;
        for (double d : v) {
            double t = sum + (d - c);
            c = (t - sum) - (d - c);
            sum = t;
        }
        return sum / v.length;
    }

    /** Returns the placements of the positives in their original case order. */
    static double[] inCaseOrder(double[] original, double[] sorted, double[] placementOfSorted) {
        double[] out = new double[original.length];
        for (int i = 0; i < original.length; i++) {
            int k = java.util.Arrays.binarySearch(sorted, original[i]);
            // Placements depend only on the value, so any index of an equal value will do.
            out[i] = placementOfSorted[k];
        }
        return out;
    }
}
