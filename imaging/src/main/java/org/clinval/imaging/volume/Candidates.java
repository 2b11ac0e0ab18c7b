package org.clinval.imaging.volume;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.clinval.imaging.dicom.Vector3;
import org.clinval.imaging.volume.internal.Components;

/**
 * Detection candidates from a probability volume: the voxels with {@code p >= threshold} are
 * grouped into connected components with 26-connectivity (as {@code scipy.ndimage.label} with a
 * 3×3×3 structure of ones); a component of at least {@code minVoxels} voxels is a {@link
 * Candidate}, with its centre of mass mapped to patient coordinates through the volume's geometry
 * (so anisotropic spacing is carried into the mm coordinates), its score the highest probability in
 * it, its size and equivalent diameter. Smaller components are dropped: single-voxel speckle is
 * noise, and the study protocol states the minimum ({@code detection.min_candidate_voxels}).
 *
 * <p>The order is deterministic: score descending, then position of the component's first voxel in
 * scan order (slice, row, column) ascending.
 */
public final class Candidates {

    private Candidates() {}

    /**
     * Returns the candidates of {@code p} at {@code threshold}.
     *
     * @throws IllegalArgumentException if the threshold is not finite or {@code minVoxels < 1}
     */
    public static List<Candidate> extract(ProbabilityVolume p, double threshold, int minVoxels) {
        if (minVoxels < 1) {
            throw new IllegalArgumentException(
                    "minimum candidate size is not a positive number of voxels: " + minVoxels);
        }
        VolumeMask mask = p.threshold(threshold);
        VolumeGeometry g = p.geometry();
        int rows = g.rows();
        int columns = g.columns();
        boolean[][] m = new boolean[g.slices()][];
        for (int s = 0; s < g.slices(); s++) {
            m[s] = mask.slice(s);
        }
        int[] count = new int[1];
        int[][] labels = Components.label(m, rows, columns, count);
        int n = count[0];
        long[] size = new long[n + 1];
        double[] sumS = new double[n + 1];
        double[] sumR = new double[n + 1];
        double[] sumC = new double[n + 1];
        double[] max = new double[n + 1];
        long[] first = new long[n + 1];
        java.util.Arrays.fill(first, -1);
        int plane = rows * columns;
        for (int s = 0; s < g.slices(); s++) {
            for (int i = 0; i < plane; i++) {
                int l = labels[s][i];
                if (l == 0) continue;
                if (first[l] < 0) first[l] = (long) s * plane + i;
                size[l]++;
                sumS[l] += s;
                sumR[l] += i / columns;
                sumC[l] += i % columns;
                max[l] = Math.max(max[l], p.at(s, i / columns, i % columns));
            }
        }
        record Found(Candidate candidate, long first) {}
        List<Found> found = new ArrayList<>();
        for (int l = 1; l <= n; l++) {
            if (size[l] < minVoxels) continue;
            double[] index = {sumS[l] / size[l], sumR[l] / size[l], sumC[l] / size[l]};
            Vector3 centre = g.toPatient(index[0], index[1], index[2]);
            double volume = size[l] * g.voxelVolumeMm3();
            double diameter = Math.cbrt(6 * volume / Math.PI);
            found.add(
                    new Found(
                            new Candidate(centre, max[l], (int) size[l], diameter, index),
                            first[l]));
        }
        found.sort(
                Comparator.comparingDouble((Found f) -> -f.candidate().score())
                        .thenComparingLong(Found::first));
        return found.stream().map(Found::candidate).toList();
    }
}
