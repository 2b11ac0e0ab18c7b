package org.clinval.validation.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Brier against numpy is in {@link ReliabilityDiagramTest#eceAndBrierMatchNumpy()}. */
class BrierScoreTest {

    /** Analytic: perfect forecasts 0; a constant 1/2 gives 1/4; (0.2−0)², (0.6−1)² average 0.1. */
    @Test
    void analyticValues() {
        assertThat(BrierScore.of(CalibrationData.of(new double[] {0, 1, 1}, 0, 1, 1))).isZero();
        assertThat(BrierScore.of(CalibrationData.of(new double[] {0.5, 0.5, 0.5}, 0, 1, 1)))
                .isEqualTo(0.25);
        assertThat(BrierScore.of(CalibrationData.of(new double[] {0.2, 0.6}, 0, 1)))
                .isCloseTo(0.1, within(1e-15));
        assertThat(BrierScore.of(CalibrationData.of(new double[] {1, 0}, 0, 1))).isEqualTo(1);
    }

    /** Swapping the classes and using 1 − p leaves the Brier score unchanged. */
    @Test
    void symmetricInTheClasses() {
        ProbabilityForecasts f = CalibrationData.forecasts("overconfident");
        boolean[] y = new boolean[f.n()];
        double[] q = new double[f.n()];
        for (int i = 0; i < f.n(); i++) {
            y[i] = !f.outcome(i);
            q[i] = 1 - f.probability(i);
        }
        assertThat(BrierScore.of(ProbabilityForecasts.of(y, q)))
                .isCloseTo(BrierScore.of(f), within(1e-14));
    }

    @Test
    void inputsAreChecked() {
        assertThatThrownBy(
                        () ->
                                ProbabilityForecasts.of(
                                        new boolean[] {true, false, true},
                                        new double[] {0.2, 1.2, 0.3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("probability at index 1 is not in [0, 1]: 1.2");
        assertThatThrownBy(
                        () ->
                                ProbabilityForecasts.of(
                                        new boolean[] {true}, new double[] {Double.NaN}))
                .hasMessage("probability at index 0 is not in [0, 1]: NaN");
        assertThatThrownBy(
                        () -> ProbabilityForecasts.of(new boolean[] {true}, new double[] {-0.01}))
                .hasMessageContaining("index 0");
        assertThatThrownBy(() -> ProbabilityForecasts.of(new boolean[0], new double[0]))
                .hasMessageContaining("n = 0");
        assertThatThrownBy(() -> ProbabilityForecasts.of(new boolean[2], new double[3]))
                .hasMessageContaining("2 vs 3");
        assertThat(
                        ProbabilityForecasts.of(new boolean[] {false}, new double[] {-0.0})
                                .probability(0))
                .isEqualTo(0.0);
    }
}
