package org.clinval.validation.calibration;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Logistic recalibration of probability forecasts with {@code x = logit(p)}:
 *
 * <ul>
 *   <li>{@link #slope()}: {@code b} of the joint model {@code logit P(y=1) = a + b·x}, R's {@code
 *       coef(glm(y ~ x, binomial))["x"]}; 1 when calibrated, below 1 when forecasts are too extreme
 *       (overfitting), above 1 when too moderate;
 *   <li>{@link #jointIntercept()}: {@code a} of that same model, R's {@code coef(glm(y ~ x,
 *       binomial))["(Intercept)"]}; it depends on the slope and is not itself a measure of
 *       calibration-in-the-large;
 *   <li>{@link #calibrationInTheLarge()}: {@code a} of {@code logit P(y=1) = a + x} (slope fixed at
 *       1), R's {@code coef(glm(y ~ 1 + offset(x), binomial))}; 0 when the mean forecast risk
 *       matches the event rate, positive when forecasts are too low on average.
 * </ul>
 *
 * <p>An estimate that does not exist is empty with a reason, never NaN.
 *
 * @param slope the calibration slope, empty when undefined
 * @param jointIntercept the intercept of the joint model, empty when the slope is
 * @param calibrationInTheLarge the intercept with slope fixed at 1, empty when undefined
 * @param n number of cases
 * @param slopeUndefinedReason why the joint model has no estimate, if it has not
 * @param calibrationInTheLargeUndefinedReason why the offset model has no estimate, if it has not
 * @param method how the models were fitted
 */
public record Recalibration(
        OptionalDouble slope,
        OptionalDouble jointIntercept,
        OptionalDouble calibrationInTheLarge,
        int n,
        Optional<String> slopeUndefinedReason,
        Optional<String> calibrationInTheLargeUndefinedReason,
        String method) {}
