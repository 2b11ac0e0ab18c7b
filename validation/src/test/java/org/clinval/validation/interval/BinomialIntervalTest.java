package org.clinval.validation.interval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Interval;
import org.clinval.validation.testing.ReferenceTable;
import org.junit.jupiter.api.Test;

class BinomialIntervalTest {

    private static final double TOL = 1e-9;

    /**
     * R 4.2.2: {@code prop.test(x, n, correct = FALSE, conf.level)$conf.int}, {@code binom.test(x,
     * n, conf.level)$conf.int}, {@code qbeta(c(a, 1 - a), x + .5, n - x + .5)} (see
     * src/test/r/binomial_intervals.R); 81 (x, n, level) cells from n = 1 to 1000.
     */
    @Test
    void everyMethodMatchesR() {
        ReferenceTable ref = ReferenceTable.load("binomial_intervals.csv");
        int checked = 0;
        for (Map<String, String> row : ref.rows()) {
            long x = Long.parseLong(row.get("x"));
            long n = Long.parseLong(row.get("n"));
            ConfidenceLevel level = ConfidenceLevel.of(Double.parseDouble(row.get("level")));
            String cell = "x=" + x + " n=" + n + " level=" + level.value();
            check(BinomialInterval.WILSON.compute(x, n, level), row, "wilson", cell);
            check(BinomialInterval.CLOPPER_PEARSON.compute(x, n, level), row, "cp", cell);
            check(BinomialInterval.JEFFREYS.compute(x, n, level), row, "jeffreys", cell);
            checked++;
        }
        assertThat(checked).isGreaterThan(60);
    }

    private static void check(Interval ci, Map<String, String> row, String prefix, String cell) {
        assertThat(ci.lower())
                .as(prefix + " lower at " + cell)
                .isCloseTo(Double.parseDouble(row.get(prefix + "_lower")), within(TOL));
        assertThat(ci.upper())
                .as(prefix + " upper at " + cell)
                .isCloseTo(Double.parseDouble(row.get(prefix + "_upper")), within(TOL));
    }

    @Test
    void intervalsNestByLevelAndContainTheEstimate() {
        for (BinomialInterval method : BinomialInterval.values()) {
            for (int x = 0; x <= 20; x++) {
                Interval narrow = method.compute(x, 20, ConfidenceLevel.of(0.80));
                Interval wide = method.compute(x, 20, ConfidenceLevel.of(0.99));
                assertThat(wide.lower()).as(method + " x=" + x).isLessThanOrEqualTo(narrow.lower());
                assertThat(wide.upper())
                        .as(method + " x=" + x)
                        .isGreaterThanOrEqualTo(narrow.upper());
                assertThat(narrow.contains(x / 20.0)).as(method + " x=" + x).isTrue();
            }
        }
    }

    @Test
    void swappingSuccessesAndFailuresMirrorsTheInterval() {
        ConfidenceLevel level = ConfidenceLevel.of(0.95);
        for (BinomialInterval method : BinomialInterval.values()) {
            Interval a = method.compute(3, 17, level);
            Interval b = method.compute(14, 17, level);
            assertThat(a.lower()).isCloseTo(1 - b.upper(), within(1e-12));
            assertThat(a.upper()).isCloseTo(1 - b.lower(), within(1e-12));
        }
    }

    @Test
    void rejectsImpossibleCounts() {
        ConfidenceLevel level = ConfidenceLevel.of(0.95);
        assertThatThrownBy(() -> BinomialInterval.WILSON.compute(0, 0, level))
                .hasMessageContaining("n = 0");
        assertThatThrownBy(() -> BinomialInterval.WILSON.compute(6, 5, level))
                .hasMessageContaining("successes (6) exceeds trials (5)");
        assertThatThrownBy(() -> BinomialInterval.JEFFREYS.compute(-1, 5, level))
                .hasMessageContaining("successes is negative: -1");
        assertThatThrownBy(() -> ConfidenceLevel.of(1.5))
                .hasMessage("confidence level is not in (0, 1): 1.5");
        assertThatThrownBy(() -> ConfidenceLevel.of(Double.NaN)).hasMessageContaining("NaN");
    }

    @Test
    void proportionWithoutTrialsIsUndefinedNotNaN() {
        Proportion p = Proportion.of("sensitivity", 0, 0, ConfidenceLevel.of(0.95));
        assertThat(p.isDefined()).isFalse();
        assertThat(p.estimate()).isEmpty();
        assertThat(p.intervals()).isEmpty();
        assertThat(p.undefinedReason()).contains("sensitivity is undefined: its denominator is 0");
    }

    @Test
    void parsesMethodNames() {
        assertThat(BinomialInterval.parse("Clopper-Pearson"))
                .isEqualTo(BinomialInterval.CLOPPER_PEARSON);
        assertThat(BinomialInterval.parse("exact")).isEqualTo(BinomialInterval.CLOPPER_PEARSON);
        assertThat(BinomialInterval.parse("wilson")).isEqualTo(BinomialInterval.WILSON);
        assertThatThrownBy(() -> BinomialInterval.parse("wald")).hasMessageContaining("wald");
    }
}
