package org.clinval.validation.detection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.clinval.validation.Checks;

/**
 * The empirical FROC curve: lesion sensitivity against false positives per scan over every
 * threshold, from the origin (nothing accepted) to the point where every candidate is accepted.
 *
 * <p>{@link #sensitivityAt} reads the curve as {@code numpy.interp(x, fps, sens)} does, the
 * convention of the LUNA16 evaluation script: see {@link Froc}.
 */
public final class FrocCurve {

    private final List<FrocPoint> points;
    private final double[] fps; // with the origin first
    private final double[] sens;

    private FrocCurve(List<FrocPoint> points, double[] fps, double[] sens) {
        this.points = points;
        this.fps = fps;
        this.sens = sens;
    }

    /** Returns the curve of {@code d}; {@code d} must have at least one lesion. */
    static FrocCurve of(MatchedDetections d) {
        double[] score = d.score();
        boolean[] hit = d.hit();
        int k = score.length;
        List<FrocPoint> points = new ArrayList<>();
        long tp = 0;
        long fp = 0;
        int i = 0;
        while (i < k) {
            double s = score[i];
            do {
                if (hit[i]) tp++;
                else fp++;
                i++;
            } while (i < k && score[i] == s);
            points.add(
                    new FrocPoint(s, tp, fp, (double) fp / d.scans(), (double) tp / d.lesions()));
        }
        double[] fps = new double[points.size() + 1];
        double[] sens = new double[points.size() + 1];
        for (int j = 0; j < points.size(); j++) {
            fps[j + 1] = points.get(j).fpPerScan();
            sens[j + 1] = points.get(j).sensitivity();
        }
        return new FrocCurve(Collections.unmodifiableList(points), fps, sens);
    }

    /**
     * Returns the operating points by descending threshold; the origin (no candidate accepted) is
     * not one of them.
     */
    public List<FrocPoint> points() {
        return points;
    }

    /**
     * Returns the sensitivity at {@code fpPerScan} false positives per scan by linear
     * interpolation, as {@code numpy.interp}: at an FP rate shared by several points, the last
     * (most sensitive) one; beyond the last point, the last sensitivity.
     *
     * @throws IllegalArgumentException if {@code fpPerScan} is negative or not finite
     */
    public double sensitivityAt(double fpPerScan) {
        Checks.finite("FP rate", fpPerScan);
        if (fpPerScan < 0) {
            throw new IllegalArgumentException("FP rate is negative: " + fpPerScan);
        }
        int n = fps.length;
        if (fpPerScan >= fps[n - 1]) {
            return sens[n - 1];
        }
        // j = the last index with fps[j] <= x; fps[0] = 0 <= x, so j exists and j < n - 1.
        int lo = 0;
        int hi = n - 1; // invariant: fps[lo] <= x < fps[hi]
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (fps[mid] <= fpPerScan) lo = mid;
            else hi = mid;
        }
        return FrocSweep.interpolate(fps[lo], sens[lo], fps[lo + 1], sens[lo + 1], fpPerScan);
    }
}
