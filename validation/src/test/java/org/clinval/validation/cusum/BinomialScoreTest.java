package org.clinval.validation.cusum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BinomialScoreTest {

    /** scipy 1.10.1: {@code m = binom.cdf(s - 1, n, p) + 0.5 * binom.pmf(s, n, p); norm.ppf(m)}. */
    @Test
    void equalsScipysMidPScore() {
        double[][] cases = {
            {1, 2, 0.95, -1.6448536269514722},
            {2, 2, 0.95, 0.12250384633826},
            {0, 2, 0.95, -3.0233414397391463},
            {7, 10, 0.9, -1.7336172100294278},
            {30, 40, 0.8, -0.7909176746180318},
            {0, 1, 0.5, -0.6744897501960817},
            {5, 5, 0.999, 0.006254090841897058}
        };
        for (double[] c : cases) {
            assertThat(BinomialScore.midP((long) c[0], (long) c[1], c[2]))
                    .as("s=%s n=%s p0=%s", c[0], c[1], c[2])
                    .isCloseTo(c[3], within(1e-9));
        }
    }

    @Test
    void staysFiniteAtTheEdgesAndRefusesNonsense() {
        assertThat(BinomialScore.midP(0, 3, 1.0)).isFinite().isLessThan(-6);
        assertThat(BinomialScore.midP(3, 3, 1.0)).isEqualTo(0.0, within(1e-12));
        assertThatThrownBy(() -> BinomialScore.midP(4, 3, 0.5)).hasMessageContaining("outside");
        assertThatThrownBy(() -> BinomialScore.midP(0, 0, 0.5)).hasMessageContaining("n is not");
    }
}
