package org.clinval.features.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Interval;

/**
 * One value an acceptance step computed, with everything needed to trace it: the population, the
 * counts, the interval with its method and level, and why it is undefined when it is.
 *
 * @param quantity what was measured, e.g. {@code sensitivity} or {@code AUC}
 * @param population which cases, e.g. {@code all cases} or {@code site B}
 * @param estimate the value; empty when undefined
 * @param successes the numerator of a proportion
 * @param trials the denominator of a proportion
 * @param cases cases in the population
 * @param positives reference-positive cases in the population
 * @param negatives reference-negative cases in the population
 * @param ci the two-sided interval; empty when undefined or not computed
 * @param method the interval's method, e.g. {@code Clopper-Pearson}
 * @param level the interval's confidence level
 * @param undefinedReason why the value or its interval is undefined, if it is
 */
public record Measurement(
        String quantity,
        String population,
        OptionalDouble estimate,
        OptionalLong successes,
        OptionalLong trials,
        long cases,
        long positives,
        long negatives,
        Optional<Interval> ci,
        String method,
        ConfidenceLevel level,
        Optional<String> undefinedReason) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public Measurement {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(population, "population");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(level, "level");
        if (estimate.isPresent() && !Double.isFinite(estimate.getAsDouble())) {
            throw new IllegalArgumentException(
                    quantity + " estimate is not finite: " + estimate.getAsDouble());
        }
    }

    /**
     * Returns the value in words with its counts and interval, e.g. {@code sensitivity 0.9000
     * (18/20) in all cases, 95% Clopper-Pearson CI 0.6830 to 0.9877}.
     */
    public String describe() {
        StringBuilder s = new StringBuilder(quantity).append(' ');
        if (estimate.isEmpty()) {
            s.append("undefined (").append(undefinedReason.orElse("no value")).append(')');
        } else {
            s.append(num(estimate.getAsDouble()));
            if (successes.isPresent() && trials.isPresent()) {
                s.append(" (")
                        .append(successes.getAsLong())
                        .append('/')
                        .append(trials.getAsLong())
                        .append(')');
            }
        }
        s.append(" in ").append(population).append(", ").append(interval());
        return s.toString();
    }

    /** Returns the interval in words, e.g. {@code 95% Clopper-Pearson CI 0.6830 to 0.9877}. */
    public String interval() {
        String name = percent(level.value()) + " " + method + " CI";
        if (ci.isEmpty()) {
            return name + " undefined" + undefinedReason.map(r -> " (" + r + ")").orElse("");
        }
        return name + " " + num(ci.get().lower()) + " to " + num(ci.get().upper());
    }

    /**
     * Returns the record a step attaches to its scenario: every field, the requirement in words and
     * whether it was met.
     */
    public ObjectNode json(String runId, String requirement, boolean met) {
        ObjectNode o = JSON.createObjectNode();
        o.put("run", runId);
        o.put("quantity", quantity);
        o.put("population", population);
        if (estimate.isPresent()) o.put("estimate", estimate.getAsDouble());
        else o.putNull("estimate");
        if (ci.isPresent()) {
            ArrayNode a = o.putArray("ci");
            a.add(ci.get().lower());
            a.add(ci.get().upper());
        } else {
            o.putNull("ci");
        }
        o.put("method", method);
        o.put("level", level.value());
        successes.ifPresent(v -> o.put("successes", v));
        trials.ifPresent(v -> o.put("trials", v));
        o.put("n", cases);
        o.put("positives", positives);
        o.put("negatives", negatives);
        undefinedReason.ifPresent(r -> o.put("undefined", r));
        o.put("requirement", requirement);
        o.put("met", met);
        return o;
    }

    /** Formats a value with 4 decimals, e.g. {@code 0.9000}. */
    public static String num(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /** Formats a level as a percentage, e.g. {@code 95%} or {@code 97.5%}. */
    public static String percent(double level) {
        double p = level * 100;
        return (Math.abs(p - Math.rint(p)) < 1e-9
                        ? String.valueOf((long) Math.rint(p))
                        : String.format(Locale.ROOT, "%s", p))
                + "%";
    }
}
