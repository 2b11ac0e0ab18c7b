package org.clinval.validation.detection;

/**
 * One pass down the score-sorted events of a {@link MatchedDetections}, with every scan weighted by
 * how often it is drawn: 1 for the data as observed, the draw count for a bootstrap replicate, 0
 * for the scan a jackknife leaves out. No sort per replicate: {@code O(events + rates)}.
 */
final class FrocSweep {

    private FrocSweep() {}

    /**
     * Writes the sensitivity at each FP rate into {@code out}, interpolating the weighted curve as
     * {@code numpy.interp(rates, fps, sens)} does (see {@link Froc}); returns false, writing
     * nothing, when the weighted data have no lesion.
     *
     * @param weight draw count per scan index, or null for 1 everywhere
     * @param scans the (weighted) number of scans dividing the false positives
     * @param rates FP rates per scan, ascending, non-negative
     */
    static boolean sensitivities(
            MatchedDetections d, int[] weight, int scans, double[] rates, double[] out) {
        long lesions = 0;
        int[] perScan = d.lesionsPerScan();
        for (int s = 0; s < perScan.length; s++) {
            lesions += (long) perScan[s] * (weight == null ? 1 : weight[s]);
        }
        if (lesions == 0) {
            return false;
        }
        double[] score = d.score();
        int[] scanOf = d.scanOf();
        boolean[] hit = d.hit();
        int k = score.length;
        int r = 0;
        double px = 0; // the curve starts at the origin: no candidate accepted
        double py = 0;
        long tp = 0;
        long fp = 0;
        int i = 0;
        while (i < k && r < rates.length) {
            double s = score[i];
            do {
                int w = weight == null ? 1 : weight[scanOf[i]];
                if (hit[i]) tp += w;
                else fp += w;
                i++;
            } while (i < k && score[i] == s);
            double cx = (double) fp / scans;
            double cy = (double) tp / lesions;
            // numpy.interp takes the last point with x <= rate and the one after it.
            while (r < rates.length && cx > rates[r]) {
                out[r] = interpolate(px, py, cx, cy, rates[r]);
                r++;
            }
            px = cx;
            py = cy;
        }
        // At or beyond the last point numpy.interp returns the last sensitivity.
        while (r < rates.length) {
            out[r++] = py;
        }
        return true;
    }

    /** numpy.interp between {@code (x0, y0)} and {@code (x1, y1)}, where {@code x0 <= x < x1}. */
    static double interpolate(double x0, double y0, double x1, double y1, double x) {
        if (x == x0) {
            return y0;
        }
        double slope = (y1 - y0) / (x1 - x0);
        return slope * (x - x0) + y0;
    }
}
