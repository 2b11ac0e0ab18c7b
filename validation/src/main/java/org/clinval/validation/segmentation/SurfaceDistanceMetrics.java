package org.clinval.validation.segmentation;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * Directed and symmetric Hausdorff and average surface distances under any {@link DistanceMetric}
 * and percentile, following MONAI 1.5 {@code monai/metrics/hausdorff_distance.py} and {@code
 * surface_distance.py}:
 *
 * <ul>
 *   <li>edges {@code S_X = X ^ binary_erosion(X)} (face connectivity, outside the image counts as
 *       outside), MONAI's {@code get_mask_edges} without subvoxels; see {@link Mask#surface()};
 *   <li>{@code d(a, S_B)} from the distance transform of {@code ~S_B} at every {@code a ∈ S_A},
 *       MONAI's {@code get_surface_distance};
 *   <li>directed Hausdorff {@code = torch.quantile(d, p/100)} (linear, as numpy's default) or the
 *       maximum when no percentile is given; symmetric {@code =} the larger of both directions;
 *   <li>directed average surface distance {@code = mean(d)}; symmetric {@code = mean} of both
 *       directions' distances concatenated.
 * </ul>
 *
 * <p>Differences from MONAI, each deliberate: values are double precision (MONAI casts the
 * distances to float32, so its values differ from these by float32 rounding, about 1e-7 relative);
 * a percentile of 0 is refused (MONAI's {@code if not percentile} reads 0 as "no percentile" and
 * returns the maximum); empty masks follow {@link DirectedDistances}.
 */
public final class SurfaceDistanceMetrics {

    private SurfaceDistanceMetrics() {}

    /**
     * Returns the distances between {@code prediction} and {@code reference}.
     *
     * @param spacing voxel spacing in mm, one value per axis (used by {@link
     *     DistanceMetric#EUCLIDEAN} only, but always required so that a later change of metric
     *     cannot silently fall back to 1 mm)
     * @param percentile in (0, 100], or empty for the maximum
     * @throws IllegalArgumentException if the shapes differ, the spacing does not match, or the
     *     percentile is outside (0, 100]
     */
    public static DirectedDistances compute(
            Mask prediction,
            Mask reference,
            Spacing spacing,
            DistanceMetric metric,
            OptionalDouble percentile) {
        checkPercentile(percentile);
        return of(sorted(prediction, reference, spacing, metric), metric, percentile);
    }

    /** Both directions' distances, each sorted ascending; null when a mask is empty. */
    record Sorted(EmptyMasks empty, double[] ab, double[] ba) {}

    /** Computes the distances once, for several percentiles. */
    static Sorted sorted(Mask prediction, Mask reference, Spacing spacing, DistanceMetric metric) {
        Mask.requireSameShape(prediction, reference);
        spacing.requireMatches(prediction);
        EmptyMasks empty = EmptyMasks.of(prediction.isEmpty(), reference.isEmpty());
        if (empty != EmptyMasks.NEITHER) return new Sorted(empty, null, null);
        int[][] box = Mask.bounds(prediction, reference);
        Mask surfaceA = prediction.crop(box[0], box[1]).surface();
        Mask surfaceB = reference.crop(box[0], box[1]).surface();
        SurfaceDistances s = SurfaceDistances.of(surfaceA, surfaceB, spacing, metric);
        Arrays.sort(s.predictionToReference);
        Arrays.sort(s.referenceToPrediction);
        return new Sorted(empty, s.predictionToReference, s.referenceToPrediction);
    }

    /** The distances at {@code percentile} from sorted distances. */
    static DirectedDistances of(Sorted s, DistanceMetric metric, OptionalDouble percentile) {
        checkPercentile(percentile);
        if (s.empty() != EmptyMasks.NEITHER) {
            OptionalDouble d =
                    s.empty() == EmptyMasks.BOTH ? OptionalDouble.of(0) : OptionalDouble.empty();
            return new DirectedDistances(metric, percentile, d, d, d, d, d, d, s.empty());
        }
        double[] ab = s.ab();
        double[] ba = s.ba();
        double hdAb = hausdorff(ab, percentile);
        double hdBa = hausdorff(ba, percentile);
        double[] pooled = new double[ab.length + ba.length];
        System.arraycopy(ab, 0, pooled, 0, ab.length);
        System.arraycopy(ba, 0, pooled, ab.length, ba.length);
        return new DirectedDistances(
                metric,
                percentile,
                OptionalDouble.of(hdAb),
                OptionalDouble.of(hdBa),
                OptionalDouble.of(Math.max(hdAb, hdBa)),
                OptionalDouble.of(SegmentationMetrics.mean(ab)),
                OptionalDouble.of(SegmentationMetrics.mean(ba)),
                OptionalDouble.of(SegmentationMetrics.mean(pooled)),
                s.empty());
    }

    /** Checks a percentile is in (0, 100] when given. */
    static void checkPercentile(OptionalDouble percentile) {
        if (percentile.isEmpty()) return;
        double p = percentile.getAsDouble();
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException(
                    "percentile is not in (0, 100]: " + p + " (omit it for the maximum)");
        }
    }

    private static double hausdorff(double[] sorted, OptionalDouble percentile) {
        if (percentile.isEmpty()) return sorted[sorted.length - 1];
        return Percentile.linearSorted(sorted, percentile.getAsDouble() / 100);
    }
}
