package org.clinval.validation.drift;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The outcome of one drift test of a current sample against a baseline sample.
 *
 * <p>Undefined is an answer: when a test cannot be computed (an empty sample, a single category)
 * the statistic and p-value are empty and {@code undefinedReason} says why; nothing is NaN.
 *
 * @param test which test
 * @param statistic the test's statistic (PSI, D, distance, divergence or χ²), empty when undefined
 * @param pValue the p-value, empty for the descriptive measures (PSI, Wasserstein, JS) and when
 *     undefined
 * @param degreesOfFreedom the χ² degrees of freedom, empty for the other tests
 * @param nBaseline number of baseline values
 * @param nCurrent number of current values
 * @param method how the statistic and p-value were computed
 * @param undefinedReason why the result is undefined, if it is
 */
public record DriftResult(
        DriftTest test,
        OptionalDouble statistic,
        OptionalDouble pValue,
        OptionalInt degreesOfFreedom,
        int nBaseline,
        int nCurrent,
        String method,
        Optional<String> undefinedReason) {

    public DriftResult {
        if (statistic.isPresent() == undefinedReason.isPresent()) {
            throw new IllegalArgumentException(
                    "a drift result has either a statistic or a reason it is undefined");
        }
    }

    /** A defined result without p-value. */
    static DriftResult of(
            DriftTest test, double statistic, int nBaseline, int nCurrent, String method) {
        return new DriftResult(
                test,
                OptionalDouble.of(statistic),
                OptionalDouble.empty(),
                OptionalInt.empty(),
                nBaseline,
                nCurrent,
                method,
                Optional.empty());
    }

    /** An undefined result. */
    static DriftResult undefined(
            DriftTest test, int nBaseline, int nCurrent, String method, String reason) {
        return new DriftResult(
                test,
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalInt.empty(),
                nBaseline,
                nCurrent,
                method,
                Optional.of(reason));
    }

    /** The reason a two-sample measure is undefined for these sizes, or {@code null}. */
    static String emptySample(int nBaseline, int nCurrent) {
        if (nBaseline == 0 && nCurrent == 0) {
            return "no baseline and no current values";
        }
        if (nBaseline == 0) {
            return "no baseline values";
        }
        return nCurrent == 0 ? "no current values" : null;
    }

    /** Returns whether the statistic is defined. */
    public boolean isDefined() {
        return statistic.isPresent();
    }

    /**
     * Returns the PSI band ({@link DriftBand#ofPsi}) of a defined PSI result; empty for the other
     * tests and when undefined.
     */
    public Optional<DriftBand> band() {
        return test == DriftTest.PSI && statistic.isPresent()
                ? Optional.of(DriftBand.ofPsi(statistic.getAsDouble()))
                : Optional.empty();
    }
}
