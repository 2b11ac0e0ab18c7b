package org.clinval.validation.calibration;

/**
 * Predicted probabilities of the positive class with the observed binary outcomes of the same
 * cases, checked once: equal lengths, at least one case, every probability in [0, 1].
 */
public final class ProbabilityForecasts {

    private final boolean[] outcome;
    private final double[] probability;
    private final int positives;

    private ProbabilityForecasts(boolean[] outcome, double[] probability, int positives) {
        this.outcome = outcome;
        this.probability = probability;
        this.positives = positives;
    }

    /**
     * Returns the forecasts {@code probability[i]} of cases with outcome {@code outcome[i]} (true =
     * positive).
     *
     * @throws IllegalArgumentException if the lengths differ, there are no cases, or a probability
     *     is NaN or outside [0, 1] (naming its index and value)
     */
    public static ProbabilityForecasts of(boolean[] outcome, double[] probability) {
        if (outcome.length != probability.length) {
            throw new IllegalArgumentException(
                    "outcomes and probabilities differ in length: "
                            + outcome.length
                            + " vs "
                            + probability.length);
        }
        if (outcome.length == 0) {
            throw new IllegalArgumentException("calibration needs at least one case: n = 0");
        }
        double[] p = new double[probability.length];
        int positives = 0;
        for (int i = 0; i < p.length; i++) {
            double v = probability[i];
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException(
                        "probability at index " + i + " is not in [0, 1]: " + v);
            }
            p[i] = v + 0.0; // + 0.0 folds -0.0 into 0.0
            if (outcome[i]) positives++;
        }
        return new ProbabilityForecasts(outcome.clone(), p, positives);
    }

    /** Returns the number of cases. */
    public int n() {
        return probability.length;
    }

    /** Returns the number of positive outcomes. */
    public int positives() {
        return positives;
    }

    /** Returns the probability of case {@code i}. */
    public double probability(int i) {
        return probability[i];
    }

    /** Returns whether case {@code i} is positive. */
    public boolean outcome(int i) {
        return outcome[i];
    }
}
