package org.clinval.validation.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.clinval.validation.testing.ReferenceTable;
import org.junit.jupiter.api.Test;

class ReliabilityDiagramTest {

    private static final double TOL = 1e-9;

    /**
     * numpy 1.24.2 (validation/src/test/python/calibration_reference.py): Brier {@code np.mean((p -
     * y)**2)} and ECE {@code Σ n_b/n |mean p_b − mean y_b|} with equal-width bins {@code
     * np.searchsorted(np.arange(B + 1) / B, p, side='right') - 1} and equal-mass bins {@code
     * np.array_split(np.argsort(p, kind='stable'), B)}, B = 1, 5, 10, 15, on every data set of
     * calibration_data.csv (calibration_ece.csv).
     */
    @Test
    void eceAndBrierMatchNumpy() {
        List<Map<String, String>> rows = ReferenceTable.load("calibration_ece.csv").rows();
        assertThat(rows)
                .hasSize(79); // 10 data sets x 2 binnings x 4 B, minus mass B = 15 for n = 12
        for (Map<String, String> row : rows) {
            String what = row.get("dataset") + " " + row.get("binning") + " " + row.get("n_bins");
            ProbabilityForecasts f = CalibrationData.forecasts(row.get("dataset"));
            ReliabilityDiagram d =
                    ReliabilityDiagram.of(
                            f,
                            Binning.parse(row.get("binning")),
                            Integer.parseInt(row.get("n_bins")));
            assertThat(d.n()).as(what).isEqualTo(Integer.parseInt(row.get("n")));
            assertThat(d.ece()).as(what).isCloseTo(Double.parseDouble(row.get("ece")), within(TOL));
            assertThat(BrierScore.of(f))
                    .as(what)
                    .isCloseTo(Double.parseDouble(row.get("brier")), within(TOL));
        }
    }

    /**
     * numpy 1.24.2, same script: every bin's bounds, count, positives, mean p and positive fraction
     * ({@code NA} for empty equal-width bins), calibration_bins.csv.
     */
    @Test
    void binsMatchNumpy() {
        List<Map<String, String>> rows = ReferenceTable.load("calibration_bins.csv").rows();
        assertThat(rows).hasSize(605); // 10 x 31 width bins + 9 x 31 + 16 mass bins
        int empty = 0;
        for (Map<String, String> row : rows) {
            String what =
                    row.get("dataset")
                            + " "
                            + row.get("binning")
                            + " "
                            + row.get("n_bins")
                            + " bin "
                            + row.get("bin");
            ReliabilityDiagram d =
                    ReliabilityDiagram.of(
                            CalibrationData.forecasts(row.get("dataset")),
                            Binning.parse(row.get("binning")),
                            Integer.parseInt(row.get("n_bins")));
            ReliabilityBin b = d.bins().get(Integer.parseInt(row.get("bin")));
            assertThat(b.lower()).as(what).isEqualTo(Double.parseDouble(row.get("lower")));
            assertThat(b.upper()).as(what).isEqualTo(Double.parseDouble(row.get("upper")));
            assertThat(b.count()).as(what).isEqualTo(Integer.parseInt(row.get("count")));
            assertThat(b.positives()).as(what).isEqualTo(Integer.parseInt(row.get("positives")));
            if (row.get("mean_predicted").equals("NA")) {
                empty++;
                assertThat(b.meanPredicted()).as(what).isEmpty();
                assertThat(b.observedFraction()).as(what).isEmpty();
            } else {
                assertThat(b.meanPredicted().getAsDouble())
                        .as(what)
                        .isCloseTo(Double.parseDouble(row.get("mean_predicted")), within(TOL));
                assertThat(b.observedFraction().getAsDouble())
                        .as(what)
                        .isCloseTo(Double.parseDouble(row.get("observed_fraction")), within(TOL));
            }
        }
        assertThat(empty).as("empty equal-width bins in the reference").isPositive();
    }

    /** Every edge b/B starts bin b (p = 1 ends the last bin); the double just below goes to b−1. */
    @Test
    void equalWidthEdgesAreHalfOpen() {
        for (int count = 1; count <= 60; count++) {
            double[] edges = Binning.edges(count);
            for (int b = 0; b <= count; b++) {
                double edge = b / (double) count;
                assertThat(Binning.widthBin(edge, edges))
                        .as("p = %s, B = %d", edge, count)
                        .isEqualTo(Math.min(b, count - 1));
                if (b > 0) {
                    assertThat(Binning.widthBin(Math.nextDown(edge), edges))
                            .as("p just below %s, B = %d", edge, count)
                            .isEqualTo(b - 1);
                }
            }
        }
        // 0.7 * 10 rounds to 7.000000000000001, and 0.7 is the double nearest 7/10: bin 7.
        assertThat(Binning.widthBin(0.7, Binning.edges(10))).isEqualTo(7);
    }

    /** Analytic: with one bin the ECE is |mean p − event rate| (calibration-in-the-large gap). */
    @Test
    void oneBinIsTheMeanGap() {
        ProbabilityForecasts f =
                CalibrationData.of(new double[] {0.1, 0.4, 0.4, 0.9, 1.0}, 0, 1, 0, 1, 1);
        for (Binning binning : Binning.values()) {
            ReliabilityDiagram d = ReliabilityDiagram.of(f, binning, 1);
            assertThat(d.ece()).isCloseTo(Math.abs(2.8 / 5 - 3.0 / 5), within(1e-15));
            assertThat(d.bins()).hasSize(1);
            assertThat(d.bins().get(0).upperClosed()).isTrue();
        }
    }

    /** Empty equal-width bins: count 0, no mean, no fraction (empty, not NaN), weight 0 in ECE. */
    @Test
    void emptyWidthBinsHaveNoValues() {
        ProbabilityForecasts f = CalibrationData.of(new double[] {0.05, 0.12, 0.95}, 0, 1, 1);
        ReliabilityDiagram d = ReliabilityDiagram.of(f, Binning.EQUAL_WIDTH, 4);
        assertThat(d.bins()).extracting(ReliabilityBin::count).containsExactly(2, 0, 0, 1);
        ReliabilityBin empty = d.bins().get(1);
        assertThat(empty.meanPredicted()).isEqualTo(OptionalDouble.empty());
        assertThat(empty.observedFraction()).isEmpty();
        assertThat(empty.lower()).isEqualTo(0.25);
        assertThat(empty.upper()).isEqualTo(0.5);
        assertThat(empty.upperClosed()).isFalse();
        // bin 0: mean p 0.085, fraction 1/2; bin 3: 0.95 vs 1.
        assertThat(d.ece()).isCloseTo(2.0 / 3 * 0.415 + 1.0 / 3 * 0.05, within(1e-15));
    }

    /** Equal-mass sizes: n = 7, B = 3 gives 3, 2, 2 (first n mod B bins one larger). */
    @Test
    void equalMassSizesAndTieOrder() {
        ProbabilityForecasts f =
                CalibrationData.of(
                        new double[] {0.9, 0.5, 0.1, 0.5, 0.3, 0.5, 0.7}, 1, 1, 0, 0, 0, 0, 1);
        ReliabilityDiagram d = ReliabilityDiagram.of(f, Binning.EQUAL_MASS, 3);
        assertThat(d.bins()).extracting(ReliabilityBin::count).containsExactly(3, 2, 2);
        // sorted: 0.1(0) 0.3(0) 0.5(idx1: 1) | 0.5(idx3: 0) 0.5(idx5: 0) | 0.7(1) 0.9(1)
        assertThat(d.bins()).extracting(ReliabilityBin::positives).containsExactly(1, 0, 2);
        assertThat(d.bins().get(1).lower()).isEqualTo(0.5);
        assertThat(d.bins().get(1).upper()).isEqualTo(0.5);
    }

    /** Permuting the cases changes no equal-width bin (and no equal-mass bin without ties). */
    @Test
    void caseOrderDoesNotMatterWithoutTies() {
        ProbabilityForecasts f = CalibrationData.forecasts("calibrated");
        int n = f.n();
        boolean[] y = new boolean[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            int j = (int) ((i * 7919L) % n); // 7919 is prime and does not divide 400
            y[i] = f.outcome(j);
            p[i] = f.probability(j);
        }
        ProbabilityForecasts g = ProbabilityForecasts.of(y, p);
        for (Binning binning : Binning.values()) {
            ReliabilityDiagram a = ReliabilityDiagram.of(f, binning, 10);
            ReliabilityDiagram b = ReliabilityDiagram.of(g, binning, 10);
            assertThat(b.ece()).isCloseTo(a.ece(), within(1e-14));
            assertThat(b.bins())
                    .extracting(ReliabilityBin::count)
                    .isEqualTo(a.bins().stream().map(ReliabilityBin::count).toList());
        }
    }

    @Test
    void badBinCountsAreRejected() {
        ProbabilityForecasts small = CalibrationData.forecasts("small");
        assertThatThrownBy(() -> ReliabilityDiagram.of(small, Binning.EQUAL_WIDTH, 0))
                .hasMessage("number of bins is not positive: 0");
        assertThatThrownBy(() -> ReliabilityDiagram.of(small, Binning.EQUAL_MASS, 15))
                .hasMessageContaining("12 cases, 15 bins");
        assertThat(ReliabilityDiagram.of(small, Binning.EQUAL_WIDTH, 15).bins()).hasSize(15);
        assertThatThrownBy(() -> Binning.parse("log")).hasMessageEndingWith(": log");
        assertThat(Binning.parse("quantile")).isEqualTo(Binning.EQUAL_MASS);
    }
}
