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

/**
 * MONAI's definitions against the scipy transcription of MONAI's code in {@code
 * validation/src/test/python/segmentation_monai_reference.py} (numpy 1.24.2, scipy 1.10.1, MONAI
 * commit d388d1c6).
 */
class MonaiMetricsTest {

    private static final double TOL = 1e-9;
    private static final String[] DIRECTED = {
        "hd_pred_to_truth",
        "hd_truth_to_pred",
        "hd",
        "asd_pred_to_truth",
        "asd_truth_to_pred",
        "assd"
    };
    private static final String[] PER_LABEL = {"dice", "iou", "hd", "hd95", "assd"};

    private record Maps(String name, LabelMap prediction, LabelMap reference, Spacing spacing) {}

    private static Map<String, Fixtures.Pair> masks() {
        Map<String, Fixtures.Pair> out = new LinkedHashMap<>();
        for (Map<String, String> row : ReferenceTable.load("segmentation_monai_masks.csv").rows()) {
            int[] shape = Fixtures.shape(row.get("shape"));
            out.put(
                    row.get("case"),
                    new Fixtures.Pair(
                            row.get("case"),
                            Mask.of(shape, Fixtures.runs(row.get("prediction"), shape)),
                            Mask.of(shape, Fixtures.runs(row.get("reference"), shape)),
                            Fixtures.spacing(row.get("spacing"))));
        }
        return out;
    }

    private static List<Maps> labelMaps() {
        List<Maps> out = new ArrayList<>();
        for (Map<String, String> row :
                ReferenceTable.load("segmentation_monai_labels.csv").rows()) {
            int[] shape = Fixtures.shape(row.get("shape"));
            out.add(
                    new Maps(
                            row.get("case"),
                            LabelMap.of(shape, ints(row.get("prediction"))),
                            LabelMap.of(shape, ints(row.get("reference"))),
                            Fixtures.spacing(row.get("spacing"))));
        }
        return out;
    }

    private static int[] ints(String text) {
        String[] parts = text.trim().split(" ");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) out[i] = Integer.parseInt(parts[i]);
        return out;
    }

    private static OptionalDouble optional(String text) {
        return text.equals("NA")
                ? OptionalDouble.empty()
                : OptionalDouble.of(Double.parseDouble(text));
    }

    private static void assertSame(String what, OptionalDouble actual, OptionalDouble expected) {
        assertThat(actual.isPresent()).as(what + " defined").isEqualTo(expected.isPresent());
        if (expected.isPresent()) {
            assertThat(actual.getAsDouble())
                    .as(what)
                    .isCloseTo(expected.getAsDouble(), within(TOL));
        }
    }

    private static OptionalDouble directedValue(DirectedDistances d, String key) {
        return switch (key) {
            case "hd_pred_to_truth" -> d.hdPredictionToReference();
            case "hd_truth_to_pred" -> d.hdReferenceToPrediction();
            case "hd" -> d.hd();
            case "asd_pred_to_truth" -> d.asdPredictionToReference();
            case "asd_truth_to_pred" -> d.asdReferenceToPrediction();
            default -> d.assd();
        };
    }

    @Test
    void directedDistancesAgreeWithMonaiDefinitionsForEveryMetricAndPercentile() {
        Map<String, Fixtures.Pair> masks = masks();
        List<Map<String, String>> rows =
                ReferenceTable.load("segmentation_monai_directed.csv").rows();
        assertThat(rows).hasSize(masks.size() * 3 * 5);
        int nonTrivial = 0;
        for (Map<String, String> row : rows) {
            Fixtures.Pair p = masks.get(row.get("case"));
            DistanceMetric metric = DistanceMetric.parse(row.get("metric"));
            OptionalDouble percentile = optional(row.get("percentile"));
            DirectedDistances d =
                    SurfaceDistanceMetrics.compute(
                            p.prediction(), p.reference(), p.spacing(), metric, percentile);
            for (String key : DIRECTED) {
                OptionalDouble expected = optional(row.get(key));
                assertSame(
                        row.get("case") + " " + metric + " " + percentile + " " + key,
                        directedValue(d, key),
                        expected);
                if (expected.isPresent() && expected.getAsDouble() > 0) nonTrivial++;
            }
        }
        assertThat(nonTrivial).isGreaterThan(500);
    }

    @Test
    void chessboardAndTaxicabIgnoreSpacingAsMonaiDoes() {
        Fixtures.Pair p = masks().get("random3d_3");
        for (DistanceMetric m :
                new DistanceMetric[] {DistanceMetric.CHESSBOARD, DistanceMetric.TAXICAB}) {
            DirectedDistances a =
                    SurfaceDistanceMetrics.compute(
                            p.prediction(), p.reference(), p.spacing(), m, OptionalDouble.empty());
            DirectedDistances b =
                    SurfaceDistanceMetrics.compute(
                            p.prediction(),
                            p.reference(),
                            Spacing.of(5, 0.1, 2),
                            m,
                            OptionalDouble.empty());
            assertThat(a).isEqualTo(b);
            assertThat(a.hd().getAsDouble() % 1).isZero();
        }
        DirectedDistances e =
                SurfaceDistanceMetrics.compute(
                        p.prediction(),
                        p.reference(),
                        Spacing.of(5, 0.1, 2),
                        DistanceMetric.EUCLIDEAN,
                        OptionalDouble.empty());
        assertThat(e.hd())
                .isNotEqualTo(
                        SurfaceDistanceMetrics.compute(
                                        p.prediction(),
                                        p.reference(),
                                        p.spacing(),
                                        DistanceMetric.EUCLIDEAN,
                                        OptionalDouble.empty())
                                .hd());
    }

    @Test
    void directionsSwapWhenThePredictionAndReferenceSwap() {
        Fixtures.Pair p = masks().get("random2d_1");
        DirectedDistances ab =
                SurfaceDistanceMetrics.compute(
                        p.prediction(),
                        p.reference(),
                        p.spacing(),
                        DistanceMetric.EUCLIDEAN,
                        OptionalDouble.of(95));
        DirectedDistances ba =
                SurfaceDistanceMetrics.compute(
                        p.reference(),
                        p.prediction(),
                        p.spacing(),
                        DistanceMetric.EUCLIDEAN,
                        OptionalDouble.of(95));
        assertThat(ab.hdPredictionToReference()).isEqualTo(ba.hdReferenceToPrediction());
        assertThat(ab.asdReferenceToPrediction()).isEqualTo(ba.asdPredictionToReference());
        assertThat(ab.hd()).isEqualTo(ba.hd());
        assertThat(ab.hdPredictionToReference()).isNotEqualTo(ab.hdReferenceToPrediction());
    }

    @Test
    void percentileZeroIsRefusedBecauseMonaiReadsItAsTheMaximum() {
        Fixtures.Pair p = masks().get("random2d_1");
        for (double bad : new double[] {0, -1, 100.5, Double.NaN}) {
            assertThatThrownBy(
                            () ->
                                    SurfaceDistanceMetrics.compute(
                                            p.prediction(),
                                            p.reference(),
                                            p.spacing(),
                                            DistanceMetric.EUCLIDEAN,
                                            OptionalDouble.of(bad)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("percentile");
        }
    }

    private static Map<String, OptionalDouble[][]> perLabelTables(boolean background) {
        Map<String, OptionalDouble[][]> out = new LinkedHashMap<>();
        List<Maps> maps = labelMaps();
        int[] labels = background ? new int[] {0, 1, 2, 3} : new int[] {1, 2, 3};
        for (String key : PER_LABEL) out.put(key, new OptionalDouble[maps.size()][labels.length]);
        for (int c = 0; c < maps.size(); c++) {
            Maps m = maps.get(c);
            List<LabelResult> results =
                    MultiLabelMetrics.compute(
                            m.prediction(),
                            m.reference(),
                            m.spacing(),
                            labels,
                            DistanceMetric.EUCLIDEAN,
                            OptionalDouble.empty());
            for (int l = 0; l < labels.length; l++) {
                for (String key : PER_LABEL) out.get(key)[c][l] = results.get(l).value(key);
            }
        }
        return out;
    }

    @Test
    void perLabelMetricsAgreeWithTheReference() {
        List<Maps> maps = labelMaps();
        Map<String, OptionalDouble[][]> table = perLabelTables(true);
        List<String> caseNames = maps.stream().map(Maps::name).toList();
        int undefined = 0;
        for (Map<String, String> row :
                ReferenceTable.load("segmentation_monai_perlabel.csv").rows()) {
            int c = caseNames.indexOf(row.get("case"));
            int l = Integer.parseInt(row.get("label"));
            for (String key : PER_LABEL) {
                OptionalDouble expected = optional(row.get(key));
                if (expected.isEmpty()) undefined++;
                assertSame(
                        row.get("case") + " label " + l + " " + key,
                        table.get(key)[c][l],
                        expected);
            }
        }
        assertThat(undefined).isGreaterThanOrEqualTo(8); // label 3 absent, label 2 one-sided
    }

    @Test
    void absentAndOneSidedLabelsAreUndefinedWithReasons() {
        Maps m = labelMaps().get(4);
        List<LabelResult> r =
                MultiLabelMetrics.compute(
                        m.prediction(),
                        m.reference(),
                        m.spacing(),
                        new int[] {2, 3},
                        DistanceMetric.EUCLIDEAN,
                        OptionalDouble.empty());
        assertThat(r.get(0).value("dice")).hasValue(0);
        assertThat(r.get(0).undefinedReason("hd"))
                .hasValue("reference mask is empty: surface distances are undefined");
        assertThat(r.get(1).undefinedReason("dice")).hasValue(LabelResult.ABSENT);
        assertThat(MultiLabelMetrics.labels(m.prediction(), m.reference(), null, false))
                .containsExactly(1, 2);
        assertThat(MultiLabelMetrics.labels(m.prediction(), m.reference(), null, true))
                .containsExactly(0, 1, 2);
        assertThat(
                        MultiLabelMetrics.labels(
                                m.prediction(), m.reference(), new int[] {3, 0, 3}, false))
                .containsExactly(3);
    }

    @Test
    void reductionsAndGeneralizedDiceAgreeWithTheReference() {
        List<Maps> maps = labelMaps();
        Map<Boolean, Map<String, OptionalDouble[][]>> tables =
                Map.of(true, perLabelTables(true), false, perLabelTables(false));
        int checked = 0;
        for (Map<String, String> row :
                ReferenceTable.load("segmentation_monai_reduced.csv").rows()) {
            boolean bg = Boolean.parseBoolean(row.get("include_background"));
            String[] expected = row.get("values").split(" ");
            String metric = row.get("metric");
            if (metric.startsWith("generalized_dice_")) {
                GeneralizedDice.Weight w =
                        GeneralizedDice.Weight.parse(
                                metric.substring("generalized_dice_".length()));
                int[] labels = bg ? new int[] {0, 1, 2, 3} : new int[] {1, 2, 3};
                for (int c = 0; c < maps.size(); c++) {
                    Maps m = maps.get(c);
                    assertThat(GeneralizedDice.of(m.prediction(), m.reference(), labels, w))
                            .as(metric + " " + bg + " case " + c)
                            .isCloseTo(Double.parseDouble(expected[c]), within(TOL));
                    checked++;
                }
                continue;
            }
            Reduction reduction = Reduction.parse(row.get("reduction"));
            List<Reduction.Cell> cells = reduction.reduce(tables.get(bg).get(metric));
            assertThat(cells).hasSize(expected.length);
            for (int i = 0; i < expected.length; i++) {
                assertSame(
                        metric + " " + bg + " " + reduction + " " + i,
                        cells.get(i).value(),
                        optional(expected[i]));
                assertThat(cells.get(i).undefinedReason().isPresent())
                        .isEqualTo(expected[i].equals("NA"));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(300);
    }

    @Test
    void reductionCellsCountEveryEntry() {
        OptionalDouble n = OptionalDouble.empty();
        OptionalDouble[][] f = {
            {OptionalDouble.of(1), n}, {n, n}, {OptionalDouble.of(3), OptionalDouble.of(5)}
        };
        Reduction.Cell mean = Reduction.MEAN.reduce(f).get(0);
        assertThat(mean.value()).hasValue((1 + 4) / 2.0);
        assertThat(mean.entries()).isEqualTo(6);
        assertThat(mean.defined()).isEqualTo(3);
        List<Reduction.Cell> channel = Reduction.SUM_CHANNEL.reduce(f);
        assertThat(channel.get(1).value()).isEmpty();
        assertThat(channel.get(1).undefinedReason()).hasValue(Reduction.NO_DEFINED_VALUE);
        assertThat(Reduction.NONE.reduce(f)).hasSize(6);
    }

    @Test
    void generalizedDiceWeightsFollowMonai() {
        // label 2 absent from the reference: its square weight becomes the largest, 1/4² here.
        long[] i = {4, 0, 3};
        long[] r = {4, 0, 6};
        long[] p = {5, 2, 3};
        double w0 = 1 / 16.0;
        double w2 = 1 / 36.0;
        double expected = 2 * (4 * w0 + 3 * w2) / (9 * w0 + 2 * w0 + 9 * w2);
        assertThat(GeneralizedDice.summed(i, r, p, GeneralizedDice.Weight.SQUARE))
                .isCloseTo(expected, within(1e-15));
        assertThat(
                        GeneralizedDice.summed(
                                new long[2],
                                new long[2],
                                new long[2],
                                GeneralizedDice.Weight.SIMPLE))
                .isEqualTo(1);
        assertThat(
                        GeneralizedDice.summed(
                                new long[2],
                                new long[2],
                                new long[] {0, 1},
                                GeneralizedDice.Weight.SIMPLE))
                .isEqualTo(0);
    }

    @Test
    void binaryForegroundAgreesWithSegmentationMetricsOnEveryFixture() {
        for (Fixtures.Pair p : Fixtures.load().values()) {
            SegmentationResult expected =
                    SegmentationMetrics.compute(p.prediction(), p.reference(), p.spacing());
            LabelResult r =
                    MultiLabelMetrics.binary(
                            p.prediction(),
                            p.reference(),
                            p.spacing(),
                            DistanceMetric.EUCLIDEAN,
                            OptionalDouble.empty());
            assertThat(r.value("dice")).as(p.name()).isEqualTo(OptionalDouble.of(expected.dice()));
            assertThat(r.value("iou")).isEqualTo(OptionalDouble.of(expected.iou()));
            assertThat(r.value("hd")).isEqualTo(expected.hausdorff());
            assertThat(r.value("hd95")).isEqualTo(expected.hd95());
            assertThat(r.value("assd")).isEqualTo(expected.assd());
        }
    }

    @Test
    void meanBootstrapIsSeededAndBracketsTheMean() {
        double[] v = {0.91, 0.85, 0.77, 0.95, 0.62, 0.88, 0.81, 0.9, 0.7, 0.93};
        org.clinval.validation.bootstrap.BootstrapSpec spec =
                new org.clinval.validation.bootstrap.BootstrapSpec(
                        2000, 42, org.clinval.validation.ConfidenceLevel.of(0.95));
        var a = MeanBootstrap.of(v, spec).orElseThrow();
        var b = MeanBootstrap.of(v, spec).orElseThrow();
        assertThat(a).isEqualTo(b);
        assertThat(a.estimate()).isCloseTo(0.832, within(1e-12));
        assertThat(a.percentile().lower()).isLessThan(0.832);
        assertThat(a.percentile().upper()).isGreaterThan(0.832);
        // normal-theory half width 1.96·sd/sqrt(n) = 0.066; the bootstrap's is close to it
        double half = (a.percentile().upper() - a.percentile().lower()) / 2;
        assertThat(half).isBetween(0.045, 0.07);
        var c =
                MeanBootstrap.of(
                                v,
                                new org.clinval.validation.bootstrap.BootstrapSpec(
                                        2000, 43, org.clinval.validation.ConfidenceLevel.of(0.95)))
                        .orElseThrow();
        assertThat(c.percentile()).isNotEqualTo(a.percentile());
        assertThat(MeanBootstrap.of(new double[] {0.5}, spec)).isEmpty();
    }
}
