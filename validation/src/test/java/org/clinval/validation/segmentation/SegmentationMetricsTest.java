package org.clinval.validation.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.clinval.validation.testing.ReferenceTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SegmentationMetricsTest {

    private static final Map<String, Fixtures.Pair> FIXTURES = Fixtures.load();

    /** The two ways of computing a case, run through the same reference table. */
    enum Route {
        /** {@link SegmentationMetrics#compute} per row. */
        FUNCTION {
            @Override
            List<SegmentationResult> compute(List<Map<String, String>> rows) {
                List<SegmentationResult> out = new ArrayList<>();
                for (Map<String, String> row : rows) {
                    Fixtures.Pair p = FIXTURES.get(row.get("case"));
                    out.add(
                            SegmentationMetrics.compute(
                                    p.prediction(), p.reference(), p.spacing(), tolerance(row)));
                }
                return out;
            }
        },
        /** One {@link SegmentationAccumulator} per tolerance, fed the rows in order. */
        ACCUMULATOR {
            @Override
            List<SegmentationResult> compute(List<Map<String, String>> rows) {
                Map<OptionalDouble, SegmentationAccumulator> accumulators = new LinkedHashMap<>();
                Map<OptionalDouble, List<SegmentationResult>> returned = new LinkedHashMap<>();
                List<SegmentationResult> out = new ArrayList<>();
                for (Map<String, String> row : rows) {
                    OptionalDouble t = tolerance(row);
                    SegmentationAccumulator acc =
                            accumulators.computeIfAbsent(
                                    t,
                                    k ->
                                            k.isPresent()
                                                    ? SegmentationAccumulator.withTolerance(
                                                            k.getAsDouble())
                                                    : SegmentationAccumulator.withoutTolerance());
                    Fixtures.Pair p = FIXTURES.get(row.get("case"));
                    SegmentationResult r = acc.add(p.prediction(), p.reference(), p.spacing());
                    returned.computeIfAbsent(t, k -> new ArrayList<>()).add(r);
                    out.add(r);
                }
                accumulators.forEach(
                        (t, acc) -> assertThat(acc.results()).isEqualTo(returned.get(t)));
                return out;
            }
        };

        abstract List<SegmentationResult> compute(List<Map<String, String>> rows);
    }

    // Reference: segmentation_metrics.csv by validation/src/test/python/segmentation_reference.py
    // (scipy 1.10.1 binary_erosion(generate_binary_structure(ndim, 1), border_value=0),
    // distance_transform_edt(~surface, sampling=spacing), numpy 1.24.2 percentile(d, 95)).
    @ParameterizedTest
    @EnumSource(Route.class)
    void agreesWithTheScipyReference(Route route) {
        List<Map<String, String>> rows = ReferenceTable.load("segmentation_metrics.csv").rows();
        List<SegmentationResult> results = route.compute(rows);
        assertThat(results).hasSize(rows.size()).hasSizeGreaterThan(30);
        for (int i = 0; i < rows.size(); i++) {
            check(rows.get(i), results.get(i));
        }
    }

    private static void check(Map<String, String> row, SegmentationResult r) {
        String name = row.get("case") + " at tolerance " + row.get("tolerance");
        assertThat(r.empty()).as(name).isEqualTo(empty(row.get("empty")));
        VoxelCounts v = r.voxels();
        assertThat(
                        new long[] {
                            v.prediction(),
                            v.reference(),
                            v.intersection(),
                            v.predictionSurface(),
                            v.referenceSurface()
                        })
                .as(name)
                .containsExactly(
                        count(row, "n_pred"),
                        count(row, "n_ref"),
                        count(row, "n_both"),
                        count(row, "n_pred_surface"),
                        count(row, "n_ref_surface"));
        assertThat(r.tolerance()).as(name).isEqualTo(tolerance(row));
        for (SegmentationMetric m : SegmentationMetric.values()) {
            String expected = row.get(m.key());
            OptionalDouble actual = r.value(m);
            if ("NA".equals(expected)) {
                assertThat(actual).as(name + " " + m.key()).isEmpty();
                assertThat(r.undefinedReason(m)).as(name + " " + m.key()).isPresent();
            } else {
                assertThat(actual).as(name + " " + m.key()).isPresent();
                assertThat(actual.getAsDouble())
                        .as(name + " " + m.key())
                        .isCloseTo(Double.parseDouble(expected), within(1e-9));
                assertThat(r.undefinedReason(m)).isEmpty();
            }
        }
    }

    private static OptionalDouble tolerance(Map<String, String> row) {
        String t = row.get("tolerance");
        return "NA".equals(t) ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(t));
    }

    private static long count(Map<String, String> row, String column) {
        return Long.parseLong(row.get(column));
    }

    private static EmptyMasks empty(String text) {
        return switch (text) {
            case "none" -> EmptyMasks.NEITHER;
            case "both" -> EmptyMasks.BOTH;
            case "prediction" -> EmptyMasks.PREDICTION;
            case "reference" -> EmptyMasks.REFERENCE;
            default -> throw new IllegalStateException(text);
        };
    }

    // Analytic: concentric balls of radii r1 < r2 have every surface distance near r2 − r1; the
    // discretisation moves a surface voxel centre inwards by less than the largest spacing.
    @Test
    void concentricSpheresAreTheirRadiiApart() {
        Spacing spacing = Spacing.of(0.7, 0.7, 2.5);
        int[] shape = {60, 60, 20};
        double[] centre = {20.7, 21.0, 24.5};
        double r1 = 9;
        double r2 = 15;
        double diagonal = Math.sqrt(0.7 * 0.7 + 0.7 * 0.7 + 2.5 * 2.5);
        Mask inner = Fixtures.ball(shape, spacing, centre, r1);
        Mask outer = Fixtures.ball(shape, spacing, centre, r2);
        SegmentationResult r = SegmentationMetrics.compute(inner, outer, spacing, r2 - r1 - 2.5);
        assertThat(r.hausdorff().getAsDouble()).isCloseTo(r2 - r1, within(diagonal));
        assertThat(r.hd95().getAsDouble()).isCloseTo(r2 - r1, within(diagonal));
        assertThat(r.hd95Pooled().getAsDouble()).isCloseTo(r2 - r1, within(diagonal));
        assertThat(r.assd().getAsDouble()).isCloseTo(r2 - r1, within(diagonal));
        // Every distance exceeds r2 − r1 − 2.5 (the largest spacing): none is within it.
        assertThat(r.surfaceDice()).hasValue(0.0);
        assertThat(
                        SegmentationMetrics.compute(
                                        inner, outer, spacing, r.hausdorff().getAsDouble())
                                .surfaceDice())
                .hasValue(1.0);
        // Dice = 2|A| / (|A| + |B|) when A ⊂ B.
        assertThat(r.dice()).isEqualTo(2.0 * inner.count() / (inner.count() + outer.count()));
        assertThat(r.iou()).isEqualTo((double) inner.count() / outer.count());
    }

    @Test
    void aSphereAgainstItselfIsPerfect() {
        Spacing spacing = Spacing.of(0.7, 0.7, 2.5);
        Mask ball = Fixtures.ball(new int[] {40, 40, 16}, spacing, new double[] {14, 13, 20}, 9);
        SegmentationResult r = SegmentationMetrics.compute(ball, ball, spacing, 0.0);
        assertThat(r.dice()).isEqualTo(1.0);
        assertThat(r.iou()).isEqualTo(1.0);
        assertThat(r.hausdorff()).hasValue(0.0);
        assertThat(r.hd95()).hasValue(0.0);
        assertThat(r.hd95Pooled()).hasValue(0.0);
        assertThat(r.assd()).hasValue(0.0);
        assertThat(r.surfaceDice()).hasValue(1.0);
        assertThat(r.empty()).isEqualTo(EmptyMasks.NEITHER);
    }

    // Invariance: swapping prediction and reference leaves every symmetric metric unchanged.
    @Test
    void swappingPredictionAndReferenceChangesNothingButTheLabels() {
        for (Fixtures.Pair p : FIXTURES.values()) {
            SegmentationResult ab =
                    SegmentationMetrics.compute(p.prediction(), p.reference(), p.spacing(), 1.5);
            SegmentationResult ba =
                    SegmentationMetrics.compute(p.reference(), p.prediction(), p.spacing(), 1.5);
            for (SegmentationMetric m : SegmentationMetric.values()) {
                assertThat(ba.value(m)).as(p.name() + " " + m.key()).isEqualTo(ab.value(m));
            }
            assertThat(ba.voxels().prediction()).isEqualTo(ab.voxels().reference());
            assertThat(ba.voxels().referenceSurface()).isEqualTo(ab.voxels().predictionSurface());
            assertThat(ba.empty().names()).containsExactlyInAnyOrderElementsOf(swap(ab.empty()));
        }
    }

    private static List<String> swap(EmptyMasks e) {
        return switch (e) {
            case PREDICTION -> List.of("reference");
            case REFERENCE -> List.of("prediction");
            default -> e.names();
        };
    }

    // Invariance: moving both masks inside a larger grid, or mirroring both along an axis, leaves
    // every metric unchanged; doubling the spacing doubles every distance (exactly: a power of 2).
    @Test
    void translationMirroringAndScaling() {
        for (Fixtures.Pair p : FIXTURES.values()) {
            SegmentationResult base =
                    SegmentationMetrics.compute(p.prediction(), p.reference(), p.spacing(), 1.5);
            int[] shape = p.prediction().shape();
            int[] bigger = shape.clone();
            int[] offset = new int[shape.length];
            for (int axis = 0; axis < shape.length; axis++) {
                offset[axis] = 1 + axis;
                bigger[axis] += 3 + 2 * axis;
            }
            SegmentationResult moved =
                    SegmentationMetrics.compute(
                            shift(p.prediction(), bigger, offset),
                            shift(p.reference(), bigger, offset),
                            p.spacing(),
                            1.5);
            SegmentationResult mirrored =
                    SegmentationMetrics.compute(
                            mirror(p.prediction()), mirror(p.reference()), p.spacing(), 1.5);
            SegmentationResult doubled =
                    SegmentationMetrics.compute(
                            p.prediction(), p.reference(), p.spacing().scaled(2), 3.0);
            for (SegmentationMetric m : SegmentationMetric.values()) {
                String what = p.name() + " " + m.key();
                assertThat(moved.value(m)).as(what).isEqualTo(base.value(m));
                if (base.value(m).isEmpty()) {
                    assertThat(mirrored.value(m)).as(what).isEmpty();
                    assertThat(doubled.value(m)).as(what).isEmpty();
                    continue;
                }
                double v = base.value(m).getAsDouble();
                assertThat(mirrored.value(m).getAsDouble()).as(what).isCloseTo(v, within(1e-12));
                boolean distance =
                        m != SegmentationMetric.DICE
                                && m != SegmentationMetric.IOU
                                && m != SegmentationMetric.SURFACE_DICE;
                assertThat(doubled.value(m).getAsDouble()).as(what).isEqualTo(distance ? 2 * v : v);
            }
        }
    }

    private static Mask shift(Mask m, int[] shape, int[] offset) {
        return Mask.where(
                shape,
                index -> {
                    int[] from = new int[index.length];
                    for (int axis = 0; axis < index.length; axis++) {
                        from[axis] = index[axis] - offset[axis];
                        if (from[axis] < 0 || from[axis] >= m.shape()[axis]) return false;
                    }
                    return m.at(from);
                });
    }

    private static Mask mirror(Mask m) {
        int[] shape = m.shape();
        return Mask.where(
                shape,
                index -> {
                    int[] from = index.clone();
                    from[0] = shape[0] - 1 - index[0];
                    return m.at(from);
                });
    }

    @Test
    void emptyMasksAreAnswersNotNaN() {
        Spacing spacing = Spacing.of(0.7, 0.7, 2.5);
        Mask none = Mask.empty(6, 5, 4);
        Mask some = Mask.where(new int[] {6, 5, 4}, i -> i[0] >= 2 && i[1] >= 1 && i[2] == 2);

        SegmentationResult both = SegmentationMetrics.compute(none, none, spacing, 1.0);
        assertThat(both.empty()).isEqualTo(EmptyMasks.BOTH);
        assertThat(both.dice()).isEqualTo(1.0);
        assertThat(both.iou()).isEqualTo(1.0);
        assertThat(both.hausdorff()).hasValue(0.0);
        assertThat(both.hd95()).hasValue(0.0);
        assertThat(both.assd()).hasValue(0.0);
        assertThat(both.surfaceDice()).hasValue(1.0);

        SegmentationResult missed = SegmentationMetrics.compute(none, some, spacing, 1.0);
        assertThat(missed.empty()).isEqualTo(EmptyMasks.PREDICTION);
        assertThat(missed.empty().names()).containsExactly("prediction");
        assertThat(missed.dice()).isZero();
        assertThat(missed.iou()).isZero();
        assertThat(missed.hausdorff()).isEmpty();
        assertThat(missed.hd95()).isEmpty();
        assertThat(missed.hd95Pooled()).isEmpty();
        assertThat(missed.assd()).isEmpty();
        assertThat(missed.surfaceDice()).hasValue(0.0);
        assertThat(missed.undefinedReason(SegmentationMetric.HD95))
                .hasValue("prediction mask is empty: surface distances are undefined");
        assertThat(missed.voxels().referenceSurface()).isEqualTo(some.surface().count());

        SegmentationResult spurious = SegmentationMetrics.compute(some, none, spacing);
        assertThat(spurious.empty()).isEqualTo(EmptyMasks.REFERENCE);
        assertThat(spurious.undefinedReason(SegmentationMetric.ASSD))
                .hasValue("reference mask is empty: surface distances are undefined");
        assertThat(spurious.surfaceDice()).isEmpty();
        assertThat(spurious.undefinedReason(SegmentationMetric.SURFACE_DICE))
                .hasValue("no surface-Dice tolerance was given");
        assertThat(spurious.tolerance()).isEmpty();
        assertThat(spurious.spacing()).isEqualTo(spacing);
    }

    @Test
    void rejectsMismatchedInputsNamingThem() {
        Mask a = Mask.empty(4, 5);
        assertThatThrownBy(() -> SegmentationMetrics.compute(a, Mask.empty(5, 4), Spacing.of(1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("prediction and reference masks differ in shape: [4, 5] vs [5, 4]");
        assertThatThrownBy(() -> SegmentationMetrics.compute(a, a, Spacing.of(1, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 3 values but the mask has 2 axes");
        assertThatThrownBy(() -> SegmentationMetrics.compute(a, a, Spacing.of(1, 1), -0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "surface-Dice tolerance is not a non-negative finite number of mm: -0.5");
        assertThatThrownBy(() -> SegmentationMetrics.compute(a, a, Spacing.of(1, 1), Double.NaN))
                .hasMessageContaining("NaN");
    }

    // Reference: numpy 1.24.2, numpy.percentile(x, 95) with the default method='linear'.
    @Test
    void percentileIsNumpysLinearOne() {
        assertThat(Percentile.linear(new double[] {1, 2, 3, 4}, 0.95))
                .isCloseTo(3.8499999999999996, within(1e-15));
        assertThat(Percentile.linear(new double[] {5}, 0.95)).isEqualTo(5.0);
        assertThat(Percentile.linear(new double[] {0, 10}, 0.95)).isCloseTo(9.5, within(1e-15));
        assertThat(Percentile.linear(new double[] {3, 1, 2, 9.5, 7.25, 0.5, 4}, 0.95))
                .isCloseTo(8.825, within(1e-12));
        double[] tenths = new double[21];
        for (int i = 0; i < tenths.length; i++) tenths[i] = i * 0.1;
        assertThat(Percentile.linear(tenths, 0.95)).isCloseTo(1.9000000000000001, within(1e-15));
        assertThatThrownBy(() -> Percentile.linear(new double[0], 0.95))
                .hasMessageContaining("at least one value");
    }
}
