package org.clinval.validation.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.clinval.validation.testing.ReferenceTable;
import org.junit.jupiter.api.Test;

class LogisticRecalibrationTest {

    private static final double TOL = 1e-9;

    /**
     * R 4.2.2 base stats, {@code x <- qlogis(p)}, {@code ctl <- glm.control(epsilon = 1e-12, maxit
     * = 100)}: {@code coef(glm(y ~ x, family = binomial, control = ctl))} for slope and joint
     * intercept, {@code coef(glm(y ~ 1 + offset(x), family = binomial, control = ctl))} for
     * calibration-in-the-large; NA where R warns of fitted probabilities 0 or 1, x is aliased, or p
     * is 0 or 1 (calibration_glm.csv, from validation/src/test/r/calibration_reference.R).
     */
    @Test
    void matchesRGlm() {
        List<Map<String, String>> rows = ReferenceTable.load("calibration_glm.csv").rows();
        assertThat(rows).hasSize(10);
        int defined = 0;
        for (Map<String, String> row : rows) {
            String name = row.get("dataset");
            Recalibration r = LogisticRecalibration.fit(CalibrationData.forecasts(name));
            assertThat(r.n()).as(name).isEqualTo(Integer.parseInt(row.get("n")));
            if (row.get("slope").equals("NA")) {
                assertThat(r.slope()).as(name).isEmpty();
                assertThat(r.jointIntercept()).as(name).isEmpty();
                assertThat(r.slopeUndefinedReason()).as(name).isPresent();
            } else {
                defined++;
                assertThat(r.slope().getAsDouble())
                        .as(name)
                        .isCloseTo(Double.parseDouble(row.get("slope")), within(TOL));
                assertThat(r.jointIntercept().getAsDouble())
                        .as(name)
                        .isCloseTo(Double.parseDouble(row.get("intercept_joint")), within(TOL));
                assertThat(r.slopeUndefinedReason()).as(name).isEmpty();
            }
            if (row.get("calibration_in_the_large").equals("NA")) {
                assertThat(r.calibrationInTheLarge()).as(name).isEmpty();
                assertThat(r.calibrationInTheLargeUndefinedReason()).as(name).isPresent();
            } else {
                assertThat(r.calibrationInTheLarge().getAsDouble())
                        .as(name)
                        .isCloseTo(
                                Double.parseDouble(row.get("calibration_in_the_large")),
                                within(TOL));
                assertThat(r.calibrationInTheLargeUndefinedReason()).as(name).isEmpty();
            }
        }
        assertThat(defined).isEqualTo(6);
    }

    /** The reasons for the undefined reference cases name the actual problem. */
    @Test
    void undefinedCasesSayWhy() {
        Recalibration boundary = LogisticRecalibration.fit(CalibrationData.forecasts("boundary"));
        assertThat(boundary.slopeUndefinedReason().orElseThrow())
                .contains("3 probabilities are exactly 0 or 1")
                .contains("index 0");
        assertThat(boundary.calibrationInTheLargeUndefinedReason()).isPresent();

        Recalibration separated = LogisticRecalibration.fit(CalibrationData.forecasts("separated"));
        assertThat(separated.slopeUndefinedReason().orElseThrow()).contains("separates");
        assertThat(separated.calibrationInTheLarge()).isPresent();

        Recalibration constant = LogisticRecalibration.fit(CalibrationData.forecasts("constant"));
        assertThat(constant.slopeUndefinedReason().orElseThrow()).contains("not identifiable");

        Recalibration oneClass =
                LogisticRecalibration.fit(CalibrationData.forecasts("negatives_only"));
        assertThat(oneClass.calibrationInTheLargeUndefinedReason().orElseThrow())
                .contains("all 20 outcomes are negative");
    }

    /** Quasi-complete separation (a tie at the boundary) also has no finite slope. */
    @Test
    void quasiCompleteSeparation() {
        Recalibration r =
                LogisticRecalibration.fit(
                        CalibrationData.of(
                                new double[] {0.2, 0.3, 0.5, 0.5, 0.7, 0.8}, 0, 0, 0, 1, 1, 1));
        assertThat(r.slope()).isEmpty();
        assertThat(r.slopeUndefinedReason().orElseThrow()).contains("at least");
        Recalibration reversed =
                LogisticRecalibration.fit(
                        CalibrationData.of(new double[] {0.2, 0.3, 0.5, 0.7}, 1, 1, 0, 0));
        assertThat(reversed.slopeUndefinedReason().orElseThrow()).contains("at most");
    }

    /**
     * Analytic: with two distinct probabilities the joint model is saturated, so {@code a + b·x_k =
     * logit(observed fraction k)}; with one probability, calibration-in-the-large is {@code
     * logit(k/n) − logit(p)}.
     */
    @Test
    void saturatedModelsHaveClosedForms() {
        // p = 0.2 (x1) for 5 cases with 2 positive; p = 0.6 (x2) for 4 cases with 3 positive.
        double[] p = {0.2, 0.2, 0.2, 0.2, 0.2, 0.6, 0.6, 0.6, 0.6};
        Recalibration r =
                LogisticRecalibration.fit(CalibrationData.of(p, 1, 0, 1, 0, 0, 1, 1, 0, 1));
        double x1 = logit(0.2), x2 = logit(0.6), l1 = logit(0.4), l2 = logit(0.75);
        double b = (l2 - l1) / (x2 - x1);
        assertThat(r.slope().getAsDouble()).isCloseTo(b, within(1e-12));
        assertThat(r.jointIntercept().getAsDouble()).isCloseTo(l1 - b * x1, within(1e-12));

        Recalibration c = LogisticRecalibration.fit(CalibrationData.forecasts("constant"));
        assertThat(c.calibrationInTheLarge().getAsDouble())
                .isCloseTo(logit(8.0 / 30) - logit(0.3), within(1e-12));
    }

    /**
     * Recalibrating recalibrated forecasts, {@code p' = expit(a + b·logit p)}, gives slope 1 and
     * joint intercept 0: the fitted model is already the maximum-likelihood one.
     */
    @Test
    void recalibratedForecastsAreCalibrated() {
        ProbabilityForecasts f = CalibrationData.forecasts("overconfident");
        Recalibration r = LogisticRecalibration.fit(f);
        double a = r.jointIntercept().getAsDouble(), b = r.slope().getAsDouble();
        boolean[] y = new boolean[f.n()];
        double[] q = new double[f.n()];
        for (int i = 0; i < f.n(); i++) {
            y[i] = f.outcome(i);
            q[i] = 1 / (1 + Math.exp(-(a + b * logit(f.probability(i)))));
        }
        Recalibration again = LogisticRecalibration.fit(ProbabilityForecasts.of(y, q));
        assertThat(again.slope().getAsDouble()).isCloseTo(1, within(1e-8));
        assertThat(again.jointIntercept().getAsDouble()).isCloseTo(0, within(1e-8));
    }

    /** Swapping classes (y → 1−y, p → 1−p) keeps the slope and negates both intercepts. */
    @Test
    void classSwapNegatesIntercepts() {
        ProbabilityForecasts f = CalibrationData.forecasts("underconfident");
        boolean[] y = new boolean[f.n()];
        double[] q = new double[f.n()];
        for (int i = 0; i < f.n(); i++) {
            y[i] = !f.outcome(i);
            q[i] = 1 - f.probability(i);
        }
        Recalibration r = LogisticRecalibration.fit(f);
        Recalibration s = LogisticRecalibration.fit(ProbabilityForecasts.of(y, q));
        assertThat(s.slope().getAsDouble()).isCloseTo(r.slope().getAsDouble(), within(1e-9));
        assertThat(s.jointIntercept().getAsDouble())
                .isCloseTo(-r.jointIntercept().getAsDouble(), within(1e-9));
        assertThat(s.calibrationInTheLarge().getAsDouble())
                .isCloseTo(-r.calibrationInTheLarge().getAsDouble(), within(1e-9));
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }
}
