package org.clinval.workflows.protocol;

import java.util.OptionalDouble;
import org.clinval.validation.ConfidenceLevel;

/**
 * An acceptance criterion as data, e.g. "sensitivity ≥ 0.85 and the lower bound of its 95%
 * Clopper–Pearson interval ≥ 0.80". It passes when every stated minimum is reached (inclusive). An
 * undefined estimate or interval never passes.
 *
 * @param measure what is measured
 * @param estimateMin smallest acceptable estimate, if stated
 * @param ciLowerMin smallest acceptable lower confidence bound, if stated
 * @param ciMethod how the interval is computed
 * @param level confidence level of the interval
 */
public record Criterion(
        Measure measure,
        OptionalDouble estimateMin,
        OptionalDouble ciLowerMin,
        CiMethod ciMethod,
        ConfidenceLevel level) {

    public Criterion {
        if (estimateMin.isEmpty() && ciLowerMin.isEmpty()) {
            throw new IllegalArgumentException(
                    "a criterion needs estimate_min or ci_lower_min: " + measure.key());
        }
        if (!ciMethod.appliesTo(measure)) {
            throw new IllegalArgumentException(
                    ciMethod.key() + " is not an interval method for " + measure.key());
        }
    }

    /** Returns the criterion in words, e.g. {@code sensitivity >= 0.85 and ...}. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        estimateMin.ifPresent(v -> s.append(measure.key()).append(" >= ").append(num(v)));
        ciLowerMin.ifPresent(
                v -> {
                    if (!s.isEmpty()) s.append(" and ");
                    s.append("lower bound of its ")
                            .append(num(level.value() * 100))
                            .append("% ")
                            .append(ciMethod.key())
                            .append(" interval >= ")
                            .append(num(v));
                });
        return s.toString();
    }

    static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
