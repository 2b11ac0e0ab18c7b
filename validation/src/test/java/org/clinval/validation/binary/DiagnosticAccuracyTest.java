package org.clinval.validation.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Interval;
import org.clinval.validation.ThresholdRule;
import org.clinval.validation.interval.BinomialInterval;
import org.clinval.validation.interval.Proportion;
import org.clinval.validation.testing.ReferenceTable;
import org.junit.jupiter.api.Test;

class DiagnosticAccuracyTest {

    private static final double TOL = 1e-9;

    /**
     * R 4.2.2, epiR 2.0.57: {@code epi.tests(as.table(matrix(c(tp, fp, fn, tn), nrow = 2, byrow =
     * TRUE)), conf.level)$detail} (see src/test/r/diagnostic_accuracy.R): exact intervals of the
     * proportions, log-method intervals of the likelihood ratios.
     */
    @Test
    void matchesEpiR() {
        ReferenceTable ref = ReferenceTable.load("diagnostic_accuracy.csv");
        int checked = 0;
        for (Map<String, String> row : ref.rows()) {
            ConfusionMatrix m =
                    new ConfusionMatrix(
                            Long.parseLong(row.get("tp")),
                            Long.parseLong(row.get("fp")),
                            Long.parseLong(row.get("tn")),
                            Long.parseLong(row.get("fn")));
            DiagnosticAccuracy a =
                    DiagnosticAccuracy.of(
                            m, ConfidenceLevel.of(Double.parseDouble(row.get("level"))));
            proportion(a.sensitivity(), row, "se");
            proportion(a.specificity(), row, "sp");
            proportion(a.ppv(), row, "ppv");
            proportion(a.npv(), row, "npv");
            proportion(a.accuracy(), row, "accuracy");
            ratio(a.lrPositive(), row, "lr_pos");
            ratio(a.lrNegative(), row, "lr_neg");
            checked++;
        }
        assertThat(checked).isEqualTo(10);
    }

    private static void proportion(Proportion p, Map<String, String> row, String key) {
        assertThat(p.estimate().getAsDouble()).as(key).isCloseTo(value(row, key), within(TOL));
        Interval ci = p.interval(BinomialInterval.CLOPPER_PEARSON).orElseThrow();
        assertThat(ci.lower())
                .as(key + " lower")
                .isCloseTo(value(row, key + "_cp_lower"), within(TOL));
        assertThat(ci.upper())
                .as(key + " upper")
                .isCloseTo(value(row, key + "_cp_upper"), within(TOL));
    }

    private static void ratio(RatioEstimate r, Map<String, String> row, String key) {
        assertThat(r.estimate().getAsDouble()).as(key).isCloseTo(value(row, key), within(TOL));
        Interval ci = r.interval().orElseThrow();
        assertThat(ci.lower())
                .as(key + " lower")
                .isCloseTo(value(row, key + "_lower"), within(TOL));
        assertThat(ci.upper())
                .as(key + " upper")
                .isCloseTo(value(row, key + "_upper"), within(TOL));
    }

    private static double value(Map<String, String> row, String key) {
        return Double.parseDouble(row.get(key));
    }

    @Test
    void thresholdRuleDecidesTies() {
        boolean[] positive = {true, true, false, false};
        double[] score = {0.5, 0.9, 0.5, 0.1};
        assertThat(ConfusionMatrix.of(positive, score, 0.5, ThresholdRule.GE))
                .isEqualTo(new ConfusionMatrix(2, 1, 1, 0));
        assertThat(ConfusionMatrix.of(positive, score, 0.5, ThresholdRule.GT))
                .isEqualTo(new ConfusionMatrix(1, 0, 2, 1));
    }

    @Test
    void zeroCellsAreReportedAsUndefinedNeverInfiniteOrNaN() {
        DiagnosticAccuracy perfect =
                DiagnosticAccuracy.of(new ConfusionMatrix(10, 0, 20, 0), ConfidenceLevel.of(0.95));
        assertThat(perfect.lrPositive().estimate()).isEmpty();
        assertThat(perfect.lrPositive().undefinedReason().orElseThrow()).contains("unbounded");
        assertThat(perfect.lrNegative().estimate().getAsDouble()).isZero();
        assertThat(perfect.lrNegative().interval()).isEmpty();

        DiagnosticAccuracy noPositives =
                DiagnosticAccuracy.of(new ConfusionMatrix(0, 3, 17, 0), ConfidenceLevel.of(0.95));
        assertThat(noPositives.sensitivity().estimate()).isEmpty();
        assertThat(noPositives.ppv().estimate().getAsDouble()).isZero();
        assertThat(noPositives.lrPositive().undefinedReason().orElseThrow())
                .contains("needs positives and negatives");
        assertThat(noPositives.f1().estimate().getAsDouble()).isZero();

        DiagnosticAccuracy nothingPositive =
                DiagnosticAccuracy.of(new ConfusionMatrix(0, 0, 5, 0), ConfidenceLevel.of(0.95));
        assertThat(nothingPositive.f1().estimate()).isEmpty();
    }

    @Test
    void f1IsTheHarmonicMeanOfPpvAndSensitivity() {
        ConfusionMatrix m = new ConfusionMatrix(40, 10, 45, 5);
        DiagnosticAccuracy a = DiagnosticAccuracy.of(m, ConfidenceLevel.of(0.95));
        double se = 40.0 / 45, ppv = 40.0 / 50;
        assertThat(a.f1().estimate().getAsDouble())
                .isCloseTo(2 * se * ppv / (se + ppv), within(1e-15));
    }

    @Test
    void rejectsNonFiniteScoresNamingTheIndex() {
        assertThatThrownBy(
                        () ->
                                ConfusionMatrix.of(
                                        new boolean[] {true, false},
                                        new double[] {0.2, Double.NaN},
                                        0.5,
                                        ThresholdRule.GE))
                .hasMessage("score[1] is not finite: NaN");
    }
}
