package org.clinval.validation.segmentation;

/**
 * The chessboard and taxicab distance transforms in voxel steps: for every voxel, the number of
 * steps to the nearest site, a step moving to one of the 3^d − 1 neighbours (chessboard) or one of
 * the 2d face neighbours (taxicab). Equals {@code scipy.ndimage.distance_transform_cdt(~sites,
 * metric='chessboard' | 'taxicab')}, which takes no spacing.
 *
 * <p>Rosenfeld and Pfaltz's two raster scans (1966, J ACM 13(4):471–494,
 * doi:10.1145/321356.321357): a forward scan propagating from the neighbours already visited, a
 * backward scan from the others; with unit weights both metrics are exact after the two scans, as
 * scipy computes them.
 */
final class ChamferTransform {

    private ChamferTransform() {}

    /** Writes the distances of a non-empty {@code sites} under {@code metric} into {@code out}. */
    static void into(Mask sites, DistanceMetric metric, double[] out) {
        int[] d = sites.shape3();
        int[][] offsets = forwardOffsets(metric);
        int n = out.length;
        double inf = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) out[i] = sites.get(i) ? 0 : inf;
        int s0 = d[1] * d[2];
        int s1 = d[2];
        int idx = 0;
        for (int i = 0; i < d[0]; i++) {
            for (int j = 0; j < d[1]; j++) {
                for (int k = 0; k < d[2]; k++, idx++) {
                    relax(out, d, offsets, i, j, k, idx, s0, s1, 1);
                }
            }
        }
        idx = n - 1;
        for (int i = d[0] - 1; i >= 0; i--) {
            for (int j = d[1] - 1; j >= 0; j--) {
                for (int k = d[2] - 1; k >= 0; k--, idx--) {
                    relax(out, d, offsets, i, j, k, idx, s0, s1, -1);
                }
            }
        }
    }

    private static void relax(
            double[] out,
            int[] d,
            int[][] offsets,
            int i,
            int j,
            int k,
            int idx,
            int s0,
            int s1,
            int sign) {
        double best = out[idx];
        if (best == 0) return;
        for (int[] o : offsets) {
            int a = i + sign * o[0];
            int b = j + sign * o[1];
            int c = k + sign * o[2];
            if (a < 0 || a >= d[0] || b < 0 || b >= d[1] || c < 0 || c >= d[2]) continue;
            double v = out[idx + sign * (o[0] * s0 + o[1] * s1 + o[2])] + 1;
            if (v < best) best = v;
        }
        out[idx] = best;
    }

    /**
     * The neighbours visited before a voxel in raster order, as offsets (lexicographically < 0).
     */
    private static int[][] forwardOffsets(DistanceMetric metric) {
        if (metric == DistanceMetric.TAXICAB) {
            return new int[][] {{-1, 0, 0}, {0, -1, 0}, {0, 0, -1}};
        }
        int[][] out = new int[13][];
        int n = 0;
        for (int a = -1; a <= 1; a++) {
            for (int b = -1; b <= 1; b++) {
                for (int c = -1; c <= 1; c++) {
                    boolean before = a < 0 || (a == 0 && (b < 0 || (b == 0 && c < 0)));
                    if (before) out[n++] = new int[] {a, b, c};
                }
            }
        }
        return out;
    }
}
