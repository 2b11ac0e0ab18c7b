package org.clinval.imaging.explain;

import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.imaging.preprocess.Raster;

/**
 * Scores an explanation map against a reference lesion mask on the same grid: the pointing game and
 * the energy in the mask ({@link ExplanationScore} gives the definitions and the undefined cases).
 *
 * <pre>{@code
 * ExplanationScore s = ExplanationScoring.score(map.map(), lesionMask, 0);
 * }</pre>
 */
public final class ExplanationScoring {

    private ExplanationScoring() {}

    /**
     * Scores {@code map} against {@code mask} (row-major, the map's size).
     *
     * @param tolerancePx pointing-game tolerance in pixels, 0 or more
     * @throws IllegalArgumentException if the mask's size differs from the map's, or the tolerance
     *     is negative
     */
    public static ExplanationScore score(Raster map, boolean[] mask, int tolerancePx) {
        float[] v = map.values();
        if (mask.length != v.length) {
            throw new IllegalArgumentException(
                    "lesion mask has "
                            + mask.length
                            + " pixels, the map "
                            + map.rows()
                            + " x "
                            + map.columns()
                            + " = "
                            + v.length);
        }
        if (tolerancePx < 0) {
            throw new IllegalArgumentException("tolerance is negative: " + tolerancePx);
        }
        int peak = 0;
        double inside = 0, total = 0;
        long maskPixels = 0;
        for (int i = 0; i < v.length; i++) {
            if (v[i] > v[peak]) peak = i;
            double pos = Math.max(0, v[i]);
            total += pos;
            if (mask[i]) {
                inside += pos;
                maskPixels++;
            }
        }
        int cols = map.columns();
        int pr = peak / cols, pc = peak % cols;
        if (maskPixels == 0) {
            return new ExplanationScore(
                    Optional.empty(), OptionalDouble.empty(), pr, pc, tolerancePx, 0);
        }
        boolean positive = v[peak] > 0;
        boolean hit = positive && near(mask, map.rows(), cols, pr, pc, tolerancePx);
        OptionalDouble energy =
                total > 0 ? OptionalDouble.of(inside / total) : OptionalDouble.empty();
        return new ExplanationScore(Optional.of(hit), energy, pr, pc, tolerancePx, maskPixels);
    }

    /** Whether a mask pixel lies within {@code tol} pixels (Euclidean) of (r, c). */
    private static boolean near(boolean[] mask, int rows, int cols, int r, int c, int tol) {
        for (int y = Math.max(0, r - tol); y <= Math.min(rows - 1, r + tol); y++) {
            for (int x = Math.max(0, c - tol); x <= Math.min(cols - 1, c + tol); x++) {
                int dy = y - r, dx = x - c;
                if (dy * dy + dx * dx <= tol * tol && mask[y * cols + x]) return true;
            }
        }
        return false;
    }
}
