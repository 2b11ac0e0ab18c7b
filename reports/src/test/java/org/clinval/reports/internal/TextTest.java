package org.clinval.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.validation.Interval;
import org.clinval.validation.ThresholdRule;
import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void printsThreeDecimalsRoundedHalfUpWithoutNegativeZero() {
        assertThat(Text.number(0.9124)).isEqualTo("0.912");
        assertThat(Text.number(0.9125)).isEqualTo("0.913");
        assertThat(Text.number(1)).isEqualTo("1.000");
        assertThat(Text.number(-0.0004)).isEqualTo("0.000");
        assertThat(Text.number(-0.25)).isEqualTo("-0.250");
    }

    @Test
    void refusesToPrintNonFiniteNumbers() {
        assertThatThrownBy(() -> Text.number(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> Text.threshold(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Infinity");
    }

    @Test
    void printsUndefinedEstimatesAndMissingIntervalsInWords() {
        assertThat(Text.estimate(OptionalDouble.empty())).isEqualTo("undefined");
        assertThat(Text.estimate(OptionalDouble.of(0.5))).isEqualTo("0.500");
        assertThat(Text.interval(Optional.empty())).isEqualTo("\u2014");
        assertThat(Text.interval(new Interval(0.8513, 0.93549))).isEqualTo("0.851 \u2013 0.935");
    }

    @Test
    void printsLevelsThresholdsRulesAndLists() {
        assertThat(Text.level(0.95)).isEqualTo("95%");
        assertThat(Text.level(0.975)).isEqualTo("97.5%");
        assertThat(Text.threshold(0.5)).isEqualTo("0.5");
        assertThat(Text.threshold(0.125)).isEqualTo("0.125");
        assertThat(Text.threshold(10)).isEqualTo("10");
        assertThat(Text.rule(ThresholdRule.GE)).isEqualTo("\u2265");
        assertThat(Text.rule(ThresholdRule.GT)).isEqualTo(">");
        assertThat(Text.list(List.of())).isEqualTo("\u2014");
        assertThat(Text.list(List.of("REQ-1", "REQ-2"))).isEqualTo("REQ-1, REQ-2");
        assertThat(Text.counts(181, 201)).isEqualTo("181/201");
    }

    @Test
    void printsTimesInUtc() {
        Instant t = Instant.parse("2025-06-02T14:03:11.789Z");
        assertThat(Text.time(t)).isEqualTo("2025-06-02 14:03:11 UTC");
        assertThat(Text.utc(t)).isEqualTo("2025-06-02 14:03:11");
        assertThat(Text.date(t)).isEqualTo("2025-06-02");
    }
}
