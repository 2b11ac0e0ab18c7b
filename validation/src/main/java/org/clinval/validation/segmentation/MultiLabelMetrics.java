package org.clinval.validation.segmentation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Per-label comparison of two label maps, MONAI's metrics over one-hot channels: the labels to
 * compare are explicit, and label 0 (background, MONAI's channel 0) is compared only when asked
 * ({@code include_background}). See {@link LabelResult} for the policy on absent labels.
 */
public final class MultiLabelMetrics {

    private MultiLabelMetrics() {}

    /**
     * Returns the labels to compare: {@code labels} if given, else every label present in either
     * map; label 0 kept only if {@code includeBackground}; ascending, each once.
     */
    public static int[] labels(
            LabelMap prediction, LabelMap reference, int[] labels, boolean includeBackground) {
        int[] chosen = labels;
        if (chosen == null) {
            int[] a = prediction.present();
            int[] b = reference.present();
            chosen = new int[a.length + b.length];
            System.arraycopy(a, 0, chosen, 0, a.length);
            System.arraycopy(b, 0, chosen, a.length, b.length);
        }
        return Arrays.stream(chosen)
                .filter(l -> includeBackground || l != 0)
                .distinct()
                .sorted()
                .toArray();
    }

    /**
     * Compares every label of {@code labels} (already chosen, see {@link #labels}).
     *
     * @throws IllegalArgumentException if the shapes differ, the spacing does not match, a label is
     *     negative or the percentile is outside (0, 100]
     */
    public static List<LabelResult> compute(
            LabelMap prediction,
            LabelMap reference,
            Spacing spacing,
            int[] labels,
            DistanceMetric metric,
            OptionalDouble percentile) {
        if (!Arrays.equals(prediction.shape(), reference.shape())) {
            throw new IllegalArgumentException(
                    "prediction and reference label maps differ in shape: "
                            + Arrays.toString(prediction.shape())
                            + " vs "
                            + Arrays.toString(reference.shape()));
        }
        SurfaceDistanceMetrics.checkPercentile(percentile);
        List<LabelResult> out = new ArrayList<>();
        for (int label : labels) {
            if (label < 0) throw new IllegalArgumentException("label is negative: " + label);
            out.add(
                    compare(
                            label,
                            prediction.mask(label),
                            reference.mask(label),
                            spacing,
                            metric,
                            percentile));
        }
        return out;
    }

    /**
     * Compares two binary masks as {@link LabelResult#FOREGROUND}: both empty gives Dice = IoU = 1
     * and distances 0, as {@link SegmentationMetrics}.
     */
    public static LabelResult binary(
            Mask prediction,
            Mask reference,
            Spacing spacing,
            DistanceMetric metric,
            OptionalDouble percentile) {
        Mask.requireSameShape(prediction, reference);
        return compare(LabelResult.FOREGROUND, prediction, reference, spacing, metric, percentile);
    }

    /** Compares one label's masks. */
    static LabelResult compare(
            int label,
            Mask a,
            Mask b,
            Spacing spacing,
            DistanceMetric metric,
            OptionalDouble percentile) {
        SurfaceDistanceMetrics.Sorted sorted = SurfaceDistanceMetrics.sorted(a, b, spacing, metric);
        DirectedDistances d = SurfaceDistanceMetrics.of(sorted, metric, percentile);
        long na = a.count();
        long nb = b.count();
        long both = Mask.intersection(a, b);
        VoxelCounts counts =
                new VoxelCounts(
                        na,
                        nb,
                        both,
                        na == 0 ? 0 : a.surface().count(),
                        nb == 0 ? 0 : b.surface().count());
        if (na + nb == 0 && label == LabelResult.FOREGROUND) {
            OptionalDouble one = OptionalDouble.of(1);
            return new LabelResult(label, one, one, d, OptionalDouble.of(0), counts);
        }
        if (na + nb == 0) {
            return new LabelResult(
                    label,
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    d,
                    OptionalDouble.empty(),
                    counts);
        }
        OptionalDouble hd95;
        if (d.empty() != EmptyMasks.NEITHER) {
            hd95 = OptionalDouble.empty();
        } else {
            // HD95 is Euclidean: reuse the distances when they are, else compute them
            SurfaceDistanceMetrics.Sorted euclidean =
                    metric == DistanceMetric.EUCLIDEAN
                            ? sorted
                            : SurfaceDistanceMetrics.sorted(
                                    a, b, spacing, DistanceMetric.EUCLIDEAN);
            hd95 =
                    SurfaceDistanceMetrics.of(
                                    euclidean, DistanceMetric.EUCLIDEAN, OptionalDouble.of(95))
                            .hd();
        }
        return new LabelResult(
                label,
                OptionalDouble.of(2.0 * both / (na + nb)),
                OptionalDouble.of((double) both / (na + nb - both)),
                d,
                hd95,
                counts);
    }
}
