package org.clinval.validation.calibration;

/**
 * The Brier score {@code BS = (1/n) Σ (p_i − y_i)²} with {@code y_i} in {0, 1}: 0 for perfect
 * forecasts, 0.25 for a constant forecast of 1/2. Brier (1950), Verification of forecasts expressed
 * in terms of probability, Monthly Weather Review 78(1):1–3,
 * doi:10.1175/1520-0493(1950)078&lt;0001:VOFEIT&gt;2.0.CO;2.
 */
public final class BrierScore {

    private BrierScore() {}

    /** Returns the Brier score of {@code forecasts}. */
    public static double of(ProbabilityForecasts forecasts) {
        double sum = 0;
        for (int i = 0; i < forecasts.n(); i++) {
            double d = forecasts.probability(i) - (forecasts.outcome(i) ? 1 : 0);
            sum += d * d;
        }
        return sum / forecasts.n();
    }
}
