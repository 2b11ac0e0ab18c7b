package org.clinval.validation.benchmark;

import java.util.concurrent.TimeUnit;
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
 * The per-case metrics of a segmentation study on a CT-sized pair, 512×512×200 at spacing (0.7,
 * 0.7, 1.25) mm, beside a Dice-only pass over the same pair in the same run: a nodule pair (two
 * offset 9 and 10 mm spheres, what the demo's device segments) and an organ pair (two offset
 * ellipsoids of about a liver's size, 150×120×110 mm, as in LiTS).
 *
 * <p>Run: {@code tools/bench VolumeSegmentationBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx6g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class VolumeSegmentationBenchmark {

    static final int[] SHAPE = {512, 512, 200};
    static final Spacing SPACING = Spacing.of(0.7, 0.7, 1.25);

    Mask nodulePrediction;
    Mask noduleReference;
    Mask organPrediction;
    Mask organReference;

    @Setup
    public void setUp() {
        noduleReference = ellipsoid(new double[] {200, 150, 120}, new double[] {5, 5, 5});
        nodulePrediction = ellipsoid(new double[] {201, 150.7, 121}, new double[] {4.6, 4.8, 4.5});
        organReference = ellipsoid(new double[] {180, 200, 125}, new double[] {75, 60, 55});
        organPrediction = ellipsoid(new double[] {183, 198, 127}, new double[] {72, 62, 52});
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

    static double dice(Mask prediction, Mask reference) {
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

    /** The floor: one pass over the nodule pair counting |A|, |B| and |A ∩ B|. */
    @Benchmark
    public double nodule_diceBaseline() {
        return dice(nodulePrediction, noduleReference);
    }

    /** Every per-case metric of the study's case-results.csv, on the nodule pair. */
    @Benchmark
    public SegmentationResult nodule_allMetrics() {
        return SegmentationMetrics.compute(nodulePrediction, noduleReference, SPACING, 2.0);
    }

    /** The floor on the organ pair. */
    @Benchmark
    public double organ_diceBaseline() {
        return dice(organPrediction, organReference);
    }

    /** Every per-case metric on the organ pair. */
    @Benchmark
    public SegmentationResult organ_allMetrics() {
        return SegmentationMetrics.compute(organPrediction, organReference, SPACING, 2.0);
    }
}
