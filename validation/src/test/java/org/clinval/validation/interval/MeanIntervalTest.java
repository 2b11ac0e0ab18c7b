package org.clinval.validation.interval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.clinval.validation.ConfidenceLevel;
import org.junit.jupiter.api.Test;

class MeanIntervalTest {

    @Test
    void matchesScipysTInterval() {
        // Reference (scipy 1.17.1, numpy 2.4.6):
        // x = np.array([0.12, 0.55, 0.91, 0.33, 0.0, 1.0, 0.47])
        // st.t.interval(0.95, len(x) - 1, loc=x.mean(), scale=st.sem(x))
        //   -> (0.13624703832952834, 0.8294672473847573); x.std(ddof=1) = 0.3747761236486963
        MeanInterval m =
                MeanInterval.of(
                        new double[] {0.12, 0.55, 0.91, 0.33, 0.0, 1.0, 0.47},
                        ConfidenceLevel.of(0.95));
        assertThat(m.n()).isEqualTo(7);
        assertThat(m.mean()).isCloseTo(0.4828571428571428, within(1e-15));
        assertThat(m.sd()).isCloseTo(0.3747761236486963, within(1e-14));
        assertThat(m.lower()).isCloseTo(0.13624703832952834, within(1e-12));
        assertThat(m.upper()).isCloseTo(0.8294672473847573, within(1e-12));
    }

    @Test
    void twoValuesGiveTheWideOneDegreeOfFreedomIntervalUnclipped() {
        // st.t.interval(0.90, 1, loc=0.5, scale=st.sem([0.25, 0.75]))
        //   -> (-1.0784378786687612, 2.078437878668759)
        MeanInterval m = MeanInterval.of(new double[] {0.25, 0.75}, ConfidenceLevel.of(0.90));
        assertThat(m.lower()).isCloseTo(-1.0784378786687612, within(1e-12));
        assertThat(m.upper()).isCloseTo(2.078437878668759, within(1e-12));
        assertThat(m.interval().clip(0, 1).lower()).isZero();
    }

    @Test
    void equalValuesGiveAZeroWidthIntervalAndShiftingMovesItUnchanged() {
        MeanInterval same = MeanInterval.of(new double[] {0.4, 0.4, 0.4}, ConfidenceLevel.of(0.95));
        assertThat(same.lower()).isCloseTo(0.4, within(1e-15));
        assertThat(same.upper()).isCloseTo(0.4, within(1e-15));
        double[] x = {0.1, 0.3, 0.2, 0.6};
        double[] shifted = {1.1, 1.3, 1.2, 1.6};
        MeanInterval a = MeanInterval.of(x, ConfidenceLevel.of(0.95));
        MeanInterval b = MeanInterval.of(shifted, ConfidenceLevel.of(0.95));
        assertThat(b.lower() - a.lower()).isCloseTo(1.0, within(1e-12));
        assertThat(b.upper() - a.upper()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void refusesFewerThanTwoOrNonFiniteValues() {
        assertThatThrownBy(() -> MeanInterval.of(new double[] {0.5}, ConfidenceLevel.of(0.95)))
                .hasMessageContaining("at least 2 values, not 1");
        assertThatThrownBy(
                        () ->
                                MeanInterval.of(
                                        new double[] {0.5, Double.NaN}, ConfidenceLevel.of(0.95)))
                .hasMessageContaining("value 1 is not finite");
    }
}
