package org.clinval.validation.segmentation;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * Compares a predicted mask {@code A} with a reference mask {@code B} on the same grid.
 *
 * <ul>
 *   <li>Dice {@code = 2|A ∩ B| / (|A| + |B|)} (Dice 1945, Ecology 26(3):297–302,
 *       doi:10.2307/1932409), IoU {@code = |A ∩ B| / |A ∪ B|} (Jaccard 1912, New Phytologist
 *       11(2):37–50, doi:10.1111/j.1469-8137.1912.tb05611.x).
 *   <li>The surface {@code S_X} of a mask is its voxels with a face-connected neighbour outside it
 *       (outside the image counts as outside), see {@link Mask#surface()}. {@code d(x, S)} is the
 *       Euclidean distance in mm between voxel centres, from the exact {@link DistanceTransform}.
 *   <li>Hausdorff {@code = max(max_{a∈S_A} d(a, S_B), max_{b∈S_B} d(b, S_A))} (Huttenlocher,
 *       Klanderman, Rucklidge 1993, IEEE TPAMI 15(9):850–863, doi:10.1109/34.232073).
 *   <li>HD95 {@code = max(P95{d(a, S_B)}, P95{d(b, S_A)})}, each percentile numpy's default linear
 *       one: MONAI's {@code compute_hausdorff_distance(percentile=95)}. HD95 pooled is the 95th
 *       percentile of both directions' distances together: MedPy's {@code hd95}.
 *   <li>ASSD is the mean of both directions' distances together (MedPy's {@code assd}).
 *   <li>Surface Dice at tolerance τ {@code = (#{a: d(a, S_B) ≤ τ} + #{b: d(b, S_A) ≤ τ}) / (|S_A| +
 *       |S_B|)}, the voxel-count form of MONAI's {@code compute_surface_dice} (no subvoxels).
 *       Nikolov et al. (2021), J Med Internet Res 23(7):e26151, doi:10.2196/26151 (arXiv
 *       1809.04430, 2018).
 * </ul>
 *
 * <p>Empty masks are an answer: both empty is a correct "nothing here" (Dice = IoU = 1, distances
 * 0, surface Dice 1); exactly one empty gives Dice = IoU = 0, surface Dice 0 (no surface voxel of
 * the other mask is within any tolerance of a missing surface) and undefined distances, flagged by
 * {@link SegmentationResult#empty()}. Surface Dice is undefined when no tolerance is given.
 *
 * <p>Distances are computed on the bounding box of {@code A ∪ B}: every site and query voxel lies
 * in it and the voxels outside are outside both masks, so the result is the same as on the whole
 * grid, faster when the masks are small.
 */
public final class SegmentationMetrics {

    private static final double PERCENTILE = 0.95;

    private SegmentationMetrics() {}

    /** Compares without a tolerance: surface Dice is undefined. */
    public static SegmentationResult compute(Mask prediction, Mask reference, Spacing spacing) {
        return compute(prediction, reference, spacing, OptionalDouble.empty());
    }

    /** Compares with surface Dice at {@code toleranceMm}. */
    public static SegmentationResult compute(
            Mask prediction, Mask reference, Spacing spacing, double toleranceMm) {
        return compute(prediction, reference, spacing, OptionalDouble.of(toleranceMm));
    }

    /**
     * Compares {@code prediction} with {@code reference}.
     *
     * @param spacing voxel spacing in mm, one value per axis
     * @param tolerance surface-Dice tolerance in mm, or empty for no surface Dice
     * @throws IllegalArgumentException if the shapes differ, the spacing does not have one value
     *     per axis, or the tolerance is negative or not finite
     */
    public static SegmentationResult compute(
            Mask prediction, Mask reference, Spacing spacing, OptionalDouble tolerance) {
        Mask.requireSameShape(prediction, reference);
        spacing.requireMatches(prediction);
        if (tolerance.isPresent()) {
            double t = tolerance.getAsDouble();
            if (!(t >= 0) || Double.isInfinite(t)) {
                throw new IllegalArgumentException(
                        "surface-Dice tolerance is not a non-negative finite number of mm: " + t);
            }
        }
        long a = prediction.count();
        long b = reference.count();
        Mask.Overlap overlap = Mask.overlap(prediction, reference);
        long both = overlap.shared();
        EmptyMasks empty = EmptyMasks.of(a == 0, b == 0);
        double dice = a + b == 0 ? 1 : 2.0 * both / (a + b);
        double iou = a + b == 0 ? 1 : (double) both / (a + b - both);
        if (empty != EmptyMasks.NEITHER) {
            return withEmpty(prediction, reference, spacing, tolerance, empty, dice, iou, both);
        }
        int[][] box = overlap.bounds();
        Mask surfaceA = prediction.crop(box[0], box[1]).surface();
        Mask surfaceB = reference.crop(box[0], box[1]).surface();
        SurfaceDistances d = SurfaceDistances.of(surfaceA, surfaceB, spacing);
        double[] ab = d.predictionToReference;
        double[] ba = d.referenceToPrediction;
        Arrays.sort(ab);
        Arrays.sort(ba);
        double[] pooled = new double[ab.length + ba.length];
        System.arraycopy(ab, 0, pooled, 0, ab.length);
        System.arraycopy(ba, 0, pooled, ab.length, ba.length);
        Arrays.sort(pooled);
        double hd = pooled[pooled.length - 1];
        double hd95 =
                Math.max(
                        Percentile.linearSorted(ab, PERCENTILE),
                        Percentile.linearSorted(ba, PERCENTILE));
        double hd95Pooled = Percentile.linearSorted(pooled, PERCENTILE);
        double assd = mean(pooled);
        OptionalDouble surfaceDice = OptionalDouble.empty();
        if (tolerance.isPresent()) {
            double t = tolerance.getAsDouble();
            long within = atMost(ab, t) + atMost(ba, t);
            surfaceDice = OptionalDouble.of((double) within / pooled.length);
        }
        VoxelCounts counts = new VoxelCounts(a, b, both, ab.length, ba.length);
        return new SegmentationResult(
                dice,
                iou,
                OptionalDouble.of(hd),
                OptionalDouble.of(hd95),
                OptionalDouble.of(hd95Pooled),
                OptionalDouble.of(assd),
                surfaceDice,
                spacing,
                tolerance,
                empty,
                counts);
    }

    private static SegmentationResult withEmpty(
            Mask prediction,
            Mask reference,
            Spacing spacing,
            OptionalDouble tolerance,
            EmptyMasks empty,
            double dice,
            double iou,
            long both) {
        boolean bothEmpty = empty == EmptyMasks.BOTH;
        OptionalDouble distance = bothEmpty ? OptionalDouble.of(0) : OptionalDouble.empty();
        OptionalDouble surfaceDice =
                tolerance.isPresent()
                        ? OptionalDouble.of(bothEmpty ? 1 : 0)
                        : OptionalDouble.empty();
        VoxelCounts counts =
                new VoxelCounts(
                        prediction.count(),
                        reference.count(),
                        both,
                        prediction.isEmpty() ? 0 : prediction.surface().count(),
                        reference.isEmpty() ? 0 : reference.surface().count());
        return new SegmentationResult(
                dice,
                iou,
                distance,
                distance,
                distance,
                distance,
                surfaceDice,
                spacing,
                tolerance,
                empty,
                counts);
    }

    /** Returns the number of sorted values {@code <= t}. */
    private static long atMost(double[] sorted, double t) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= t) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** Returns the mean with Neumaier's compensated sum, so long surfaces lose no digits. */
    static double mean(double[] values) {
        double sum = 0;
        double c = 0;
        for (double v : values) {
            double t = sum + v;
            c += Math.abs(sum) >= Math.abs(v) ? (sum - t) + v : (v - t) + sum;
            sum = t;
        }
        return (sum + c) / values.length;
    }
}
