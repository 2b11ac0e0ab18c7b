package org.clinval.validation.calibration;

import java.util.OptionalDouble;

/**
 * One bin of a reliability diagram. An empty bin (possible with equal-width bins) has count 0 and
 * no mean predicted probability or observed fraction — empty, never NaN.
 *
 * @param lower lower bound, inclusive
 * @param upper upper bound, inclusive when {@code upperClosed}, else exclusive
 * @param upperClosed whether {@code upper} belongs to the bin
 * @param count cases in the bin
 * @param positives positive outcomes in the bin
 * @param meanPredicted mean predicted probability, empty when the bin is empty
 * @param observedFraction {@code positives / count}, empty when the bin is empty
 */
public record ReliabilityBin(
        double lower,
        double upper,
        boolean upperClosed,
        int count,
        int positives,
        OptionalDouble meanPredicted,
        OptionalDouble observedFraction) {

    /** Returns the bin of {@code count} cases whose probabilities sum to {@code sumP}. */
    static ReliabilityBin of(
            double lower,
            double upper,
            boolean upperClosed,
            int count,
            int positives,
            double sumP) {
        if (count == 0) {
            return new ReliabilityBin(
                    lower,
                    upper,
                    upperClosed,
                    0,
                    0,
                    OptionalDouble.empty(),
                    OptionalDouble.empty());
        }
        return new ReliabilityBin(
                lower,
                upper,
                upperClosed,
                count,
                positives,
                OptionalDouble.of(sumP / count),
                OptionalDouble.of((double) positives / count));
    }

    /** Returns {@code |meanPredicted − observedFraction|}, 0 for an empty bin. */
    double gap() {
        return count == 0
                ? 0
                : Math.abs(meanPredicted.getAsDouble() - observedFraction.getAsDouble());
    }
}
