package org.clinval.validation.benchmark;

import java.util.concurrent.TimeUnit;
import org.clinval.validation.segmentation.DistanceTransform;
import org.clinval.validation.segmentation.Mask;
import org.clinval.validation.segmentation.SegmentationMetrics;
import org.clinval.validation.segmentation.SegmentationResult;
import org.clinval.validation.segmentation.Spacing;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * HD95 (with every other segmentation metric) on a 256×256×128 pair of overlapping, offset
 * ellipsoids at spacing (0.7, 0.7, 2.5) mm, beside its baselines in the same run: one linear pass
 * computing Dice (the floor) and one exact distance transform of the whole grid.
 *
 * <p>Run: {@code tools/bench SegmentationBenchmark}. The scipy figure for context comes from {@code
 * validation/src/test/python/edt_timing.py}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class SegmentationBenchmark {

    static final int[] SHAPE = {256, 256, 128};
    static final Spacing SPACING = Spacing.of(0.7, 0.7, 2.5);

    Mask prediction;
    Mask reference;
    Mask referenceSurface;

    @Setup
    public void setUp() {
        // Semi-axes in mm; the pair's bounding box covers about three quarters of the grid.
        prediction = ellipsoid(new double[] {89.6, 89.6, 160}, new double[] {80, 72, 140});
        reference = ellipsoid(new double[] {93.1, 86.1, 167.5}, new double[] {76, 78, 130});
        referenceSurface = reference.surface();
    }

    static Mask ellipsoid(double[] centreMm, double[] semiAxesMm) {
        return Mask.where(
                SHAPE,
                i -> {
                    double s = 0;
                    for (int axis = 0; axis < 3; axis++) {
                        double d =
                                (i[axis] * SPACING.get(axis) - centreMm[axis]) / semiAxesMm[axis];
                        s += d * d;
                    }
                    return s <= 1;
                });
    }

    /** The floor: one pass over both masks counting |A|, |B| and |A ∩ B|. */
    @Benchmark
    public double hd95_diceBaseline() {
        int a = 0;
        int b = 0;
        int both = 0;
        for (int i = 0, n = prediction.size(); i < n; i++) {
            boolean p = prediction.get(i);
            boolean r = reference.get(i);
            if (p) a++;
            if (r) b++;
            if (p && r) both++;
        }
        return 2.0 * both / (a + b);
    }

    /** One exact distance transform of the whole grid, to the reference surface. */
    @Benchmark
    public double[] hd95_oneEdtBaseline() {
        return DistanceTransform.squaredDistances(referenceSurface, SPACING);
    }

    /** Dice, IoU, surfaces, two distance transforms, HD, HD95, HD95 pooled, ASSD, surface Dice. */
    @Benchmark
    public SegmentationResult hd95_allMetrics() {
        return SegmentationMetrics.compute(prediction, reference, SPACING, 2.0);
    }
}
