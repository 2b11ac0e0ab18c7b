package org.clinval.validation.interval;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.validation.Checks;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Interval;

/**
 * A proportion {@code successes / trials} with its confidence intervals by every {@link
 * BinomialInterval} method at one level.
 *
 * <p>With no trials the proportion is undefined (for example sensitivity on a set without
 * positives): {@link #estimate()} is empty, there are no intervals, and {@link #undefinedReason()}
 * says why. It is never a NaN.
 *
 * @param name what the proportion measures, e.g. {@code sensitivity}
 * @param successes the numerator
 * @param trials the denominator
 * @param level the confidence level of the intervals
 * @param intervals interval per method; empty when undefined
 */
public record Proportion(
        String name,
        long successes,
        long trials,
        ConfidenceLevel level,
        Map<BinomialInterval, Interval> intervals) {

    public Proportion {
        Checks.counts(name + " successes", successes, name + " trials", trials);
        intervals = Collections.unmodifiableMap(new EnumMap<>(intervals));
    }

    /**
     * Returns {@code successes / trials} with intervals by every method.
     *
     * @param name what the proportion measures; used in messages
     */
    public static Proportion of(String name, long successes, long trials, ConfidenceLevel level) {
        Checks.counts(name + " successes", successes, name + " trials", trials);
        Map<BinomialInterval, Interval> intervals = new EnumMap<>(BinomialInterval.class);
        if (trials > 0) {
            for (BinomialInterval method : BinomialInterval.values()) {
                intervals.put(method, method.compute(successes, trials, level));
            }
        }
        return new Proportion(name, successes, trials, level, intervals);
    }

    /** Returns whether the proportion has at least one trial. */
    public boolean isDefined() {
        return trials > 0;
    }

    /** Returns the estimate, or empty when there are no trials. */
    public OptionalDouble estimate() {
        return trials > 0 ? OptionalDouble.of((double) successes / trials) : OptionalDouble.empty();
    }

    /** Returns the interval by {@code method}, or empty when undefined. */
    public Optional<Interval> interval(BinomialInterval method) {
        return Optional.ofNullable(intervals.get(method));
    }

    /** Returns why the proportion is undefined, or empty when it is defined. */
    public Optional<String> undefinedReason() {
        return trials > 0
                ? Optional.empty()
                : Optional.of(name + " is undefined: its denominator is 0");
    }
}
