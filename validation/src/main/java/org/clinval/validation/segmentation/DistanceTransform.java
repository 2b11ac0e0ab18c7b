package org.clinval.validation.segmentation;

import java.util.Arrays;

/**
 * The exact Euclidean distance transform with per-axis spacing: for every voxel centre {@code p},
 * {@code D(p) = min over sites q of sqrt(Σ_axis (s_axis·(p_axis − q_axis))²)} in mm, where the
 * sites are the voxels set in a mask and {@code s} is the spacing. Equals {@code
 * scipy.ndimage.distance_transform_edt(~sites, sampling=spacing)}.
 *
 * <p>Felzenszwalb and Huttenlocher's separable algorithm: one pass per axis, each computing for
 * every line the lower envelope of the parabolas {@code s²·(p − q)² + f(q)} in time linear in the
 * line length, so the whole transform is linear in the number of voxels. The first pass, where
 * {@code f} is 0 at sites and infinite elsewhere, reduces to a two-way scan for the nearest site.
 * Reference: Felzenszwalb, Huttenlocher (2012), Distance transforms of sampled functions, Theory of
 * Computing 8:415–428, doi:10.4086/toc.2012.v008a019.
 */
public final class DistanceTransform {

    private DistanceTransform() {}

    /**
     * Returns the distance in mm from every voxel centre to the nearest site, in the mask's
     * row-major order; 0 at the sites.
     *
     * @throws IllegalArgumentException if {@code sites} is empty (no distance is defined) or the
     *     spacing does not have one value per axis
     */
    public static double[] distances(Mask sites, Spacing spacing) {
        double[] d = squaredDistances(sites, spacing);
        for (int i = 0; i < d.length; i++) d[i] = Math.sqrt(d[i]);
        return d;
    }

    /** Returns the squared distances in mm² (see {@link #distances}). */
    public static double[] squaredDistances(Mask sites, Spacing spacing) {
        spacing.requireMatches(sites);
        if (sites.isEmpty()) {
            throw new IllegalArgumentException(
                    "the distance transform needs at least one site: the mask "
                            + Arrays.toString(sites.shape())
                            + " is empty");
        }
        double[] out = new double[sites.size()];
        squaredInto(sites, spacing, out);
        return out;
    }

    /** Writes the squared distances of a non-empty {@code sites} into {@code out}. */
    static void squaredInto(Mask sites, Spacing spacing, double[] out) {
        int[] d = sites.shape3();
        int[] stride = {d[1] * d[2], d[2], 1};
        int first = sites.dimensions() == 3 ? 0 : 1; // a 2D mask is the plane (1, n0, n1)
        Line line = new Line(Math.max(d[0], Math.max(d[1], d[2])));
        // Axes in increasing order, so the squared distance is summed as ((a0 + a1) + a2) with
        // a_i = (s_i·Δ_i)², the order of scipy's final sum: equal sites give equal bits.
        firstPass(sites, d[first], stride[first], spacing.get(0), out);
        for (int axis = first + 1; axis < 3; axis++) {
            pass(out, d[axis], stride[axis], spacing.get(axis - first), line);
        }
    }

    /** Along the first axis: squared distance to the nearest site of the same line, or infinity. */
    private static void firstPass(Mask sites, int n, int stride, double s, double[] out) {
        int block = n * stride;
        for (int outer = 0; outer < out.length; outer += block) {
            for (int r = 0; r < stride; r++) {
                int base = outer + r;
                int last = -1;
                for (int p = 0, i = base; p < n; p++, i += stride) {
                    if (sites.get(i)) last = p;
                    out[i] = last < 0 ? Double.POSITIVE_INFINITY : p - last;
                }
                last = -1;
                for (int p = n - 1, i = base + p * stride; p >= 0; p--, i -= stride) {
                    if (sites.get(i)) last = p;
                    double steps = last < 0 ? out[i] : Math.min(out[i], last - p);
                    double mm = steps * s;
                    out[i] = mm * mm;
                }
            }
        }
    }

    /** Transforms every line of length {@code n} and stride {@code stride} in place. */
    private static void pass(double[] g, int n, int stride, double s, Line line) {
        if (n == 1) return; // the envelope of one parabola at its own root is f itself
        int block = n * stride;
        for (int outer = 0; outer < g.length; outer += block) {
            for (int r = 0; r < stride; r++) {
                int base = outer + r;
                for (int q = 0, i = base; q < n; q++, i += stride) line.f[q] = g[i];
                line.transform(n, s);
                for (int q = 0, i = base; q < n; q++, i += stride) g[i] = line.d[q];
            }
        }
    }

    /** Work arrays of the one-dimensional transform of one line. */
    private static final class Line {
        final double[] f;
        final double[] d;
        final int[] v;
        final double[] z;

        Line(int n) {
            f = new double[n];
            d = new double[n];
            v = new int[n];
            z = new double[n + 1];
        }

        /**
         * {@code d(p) = min_q (s·(p − q))² + f(q)}: the lower envelope of the parabolas rooted at
         * the finite {@code f(q)}; infinite entries (no site yet) have no parabola.
         */
        void transform(int n, double s) {
            double w2 = s * s;
            int k = -1;
            for (int q = 0; q < n; q++) {
                if (f[q] == Double.POSITIVE_INFINITY) continue;
                if (k < 0) {
                    k = 0;
                    v[0] = q;
                    z[0] = Double.NEGATIVE_INFINITY;
                    z[1] = Double.POSITIVE_INFINITY;
                    continue;
                }
                double cross;
                while (true) {
                    int vk = v[k];
                    cross = ((f[q] + w2 * q * q) - (f[vk] + w2 * vk * vk)) / (2 * w2 * (q - vk));
                    if (cross <= z[k]) {
                        k--; // z[0] is -infinity, so k stays >= 0
                    } else {
                        break;
                    }
                }
                k++;
                v[k] = q;
                z[k] = cross;
                z[k + 1] = Double.POSITIVE_INFINITY;
            }
            if (k < 0) {
                Arrays.fill(d, 0, n, Double.POSITIVE_INFINITY);
                return;
            }
            k = 0;
            for (int p = 0; p < n; p++) {
                while (z[k + 1] < p) k++;
                double mm = (p - v[k]) * s;
                d[p] = mm * mm + f[v[k]];
            }
        }
    }
}
