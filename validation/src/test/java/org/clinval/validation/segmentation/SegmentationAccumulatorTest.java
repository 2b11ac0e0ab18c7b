package org.clinval.validation.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.clinval.validation.testing.ReferenceTable;
import org.junit.jupiter.api.Test;

class SegmentationAccumulatorTest {

    private static final Map<String, Fixtures.Pair> FIXTURES = Fixtures.load();

    // Reference: segmentation_summary.csv by validation/src/test/python/segmentation_reference.py:
    // per metric, numpy.mean / numpy.median of the defined values over the 21 fixtures at 1.5 mm.
    @Test
    void aggregateAgreesWithNumpyAndCountsTheUndefined() {
        SegmentationAccumulator acc = SegmentationAccumulator.withTolerance(1.5);
        for (Fixtures.Pair p : FIXTURES.values()) {
            acc.add(p.prediction(), p.reference(), p.spacing());
        }
        SegmentationSummary summary = acc.aggregate();
        assertThat(summary.n()).isEqualTo(21);
        assertThat(summary.tolerance()).hasValue(1.5);
        assertThat(summary.emptyMasks())
                .containsEntry(EmptyMasks.BOTH, 1)
                .containsEntry(EmptyMasks.PREDICTION, 1)
                .containsEntry(EmptyMasks.REFERENCE, 1)
                .containsEntry(EmptyMasks.NEITHER, 18);
        List<Map<String, String>> rows = ReferenceTable.load("segmentation_summary.csv").rows();
        assertThat(rows).hasSize(SegmentationMetric.values().length);
        for (Map<String, String> row : rows) {
            MetricSummary s = summary.metric(SegmentationMetric.parse(row.get("metric")));
            assertThat(s.n()).isEqualTo(Integer.parseInt(row.get("n")));
            assertThat(s.nDefined()).isEqualTo(Integer.parseInt(row.get("n_defined")));
            assertThat(s.nUndefined()).isEqualTo(Integer.parseInt(row.get("n_undefined")));
            assertThat(s.mean().getAsDouble())
                    .as(row.get("metric"))
                    .isCloseTo(Double.parseDouble(row.get("mean")), within(1e-9));
            assertThat(s.median().getAsDouble())
                    .as(row.get("metric"))
                    .isCloseTo(Double.parseDouble(row.get("median")), within(1e-9));
        }
        assertThat(summary.metric(SegmentationMetric.HD95).undefinedReasons())
                .containsExactly(
                        Map.entry("prediction mask is empty: surface distances are undefined", 1),
                        Map.entry("reference mask is empty: surface distances are undefined", 1));
        // The pure function over the same results gives the same summary.
        assertThat(SegmentationSummary.of(acc.results())).isEqualTo(summary);
    }

    @Test
    void withoutToleranceSurfaceDiceIsCountedUndefinedInEveryCase() {
        SegmentationAccumulator acc = SegmentationAccumulator.withoutTolerance();
        Fixtures.Pair p = FIXTURES.get("blob3d_1");
        acc.add(p.prediction(), p.reference(), p.spacing());
        acc.add(p.reference(), p.prediction(), p.spacing());
        MetricSummary sd = acc.aggregate().metric(SegmentationMetric.SURFACE_DICE);
        assertThat(sd.n()).isEqualTo(2);
        assertThat(sd.nDefined()).isZero();
        assertThat(sd.nUndefined()).isEqualTo(2);
        assertThat(sd.mean()).isEmpty();
        assertThat(sd.median()).isEmpty();
        assertThat(sd.undefinedReasons())
                .containsExactly(Map.entry("no surface-Dice tolerance was given", 2));
        // Median of two values is their mean, as numpy.median.
        MetricSummary dice = acc.aggregate().metric(SegmentationMetric.DICE);
        assertThat(dice.median()).isEqualTo(dice.mean());
    }

    @Test
    void keepsOnlyResultsAtItsToleranceAndResets() {
        SegmentationAccumulator acc = SegmentationAccumulator.withTolerance(2.0);
        Fixtures.Pair p = FIXTURES.get("blob2d_1");
        SegmentationResult other =
                SegmentationMetrics.compute(p.prediction(), p.reference(), p.spacing(), 1.0);
        assertThatThrownBy(() -> acc.add(other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tolerance");
        acc.add(SegmentationMetrics.compute(p.prediction(), p.reference(), p.spacing(), 2.0));
        assertThat(acc.results()).hasSize(1);
        acc.reset();
        SegmentationSummary none = acc.aggregate();
        assertThat(none.n()).isZero();
        assertThat(none.tolerance()).hasValue(2.0);
        assertThat(none.metric(SegmentationMetric.DICE).mean()).isEmpty();
        assertThatThrownBy(() -> SegmentationAccumulator.withTolerance(-1))
                .hasMessageContaining("-1");
    }
}
