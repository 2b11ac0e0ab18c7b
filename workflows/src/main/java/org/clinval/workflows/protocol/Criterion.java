package org.clinval.workflows.protocol;

import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.validation.ConfidenceLevel;

/**
 * An acceptance criterion as data, e.g. "sensitivity ≥ 0.85 and the lower bound of its 95%
 * Clopper–Pearson interval ≥ 0.80", or "hd95_median ≤ 5 and the upper bound of its 95% bootstrap
 * percentile interval ≤ 6". It passes when every stated bound is met (inclusive). An undefined
 * estimate or interval never passes.
 *
 * <p>A measure where larger is better states minima ({@code estimate_min}, {@code ci_lower_min});
 * one where smaller is better ({@link Measure#smallerIsBetter()}: distances, false positives per
 * scan) states maxima ({@code estimate_max}, {@code ci_upper_max}).
 *
 * @param measure what is measured
 * @param estimateMin smallest acceptable estimate, if stated
 * @param ciLowerMin smallest acceptable lower confidence bound, if stated
 * @param estimateMax largest acceptable estimate, if stated
 * @param ciUpperMax largest acceptable upper confidence bound, if stated
 * @param fpPerScan the false-positive rate per scan at which {@link Measure#SENSITIVITY_AT_FP} is
 *     read; empty for every other measure
 * @param ciMethod how the interval is computed
 * @param level confidence level of the interval
 * @param gradingEndpoint the {@code grading.endpoints} id whose cut sensitivity or specificity is
 *     read at (key {@code grading_endpoint}); empty for the case-level table
 * @param superiorityGoal the goal {@code p0} of a one-sided exact binomial superiority test, {@code
 *     H0: p <= p0} (key {@code superiority_goal}); it passes when the p-value is below {@code
 *     alpha}
 * @param alpha the one-sided significance level of the superiority test
 */
public record Criterion(
        Measure measure,
        OptionalDouble estimateMin,
        OptionalDouble ciLowerMin,
        OptionalDouble estimateMax,
        OptionalDouble ciUpperMax,
        OptionalDouble fpPerScan,
        CiMethod ciMethod,
        ConfidenceLevel level,
        Optional<String> gradingEndpoint,
        OptionalDouble superiorityGoal,
        OptionalDouble alpha) {

    public Criterion {
        boolean minima =
                estimateMin.isPresent() || ciLowerMin.isPresent() || superiorityGoal.isPresent();
        boolean maxima = estimateMax.isPresent() || ciUpperMax.isPresent();
        if (measure.smallerIsBetter() ? !maxima || minima : !minima || maxima) {
            throw new IllegalArgumentException(
                    measure.smallerIsBetter()
                            ? "a criterion of "
                                    + measure.key()
                                    + " needs estimate_max or ci_upper_max and no minimum"
                            : "a criterion needs estimate_min or ci_lower_min and no maximum: "
                                    + measure.key());
        }
        if (!ciMethod.appliesTo(measure)) {
            throw new IllegalArgumentException(
                    ciMethod.key() + " is not an interval method for " + measure.key());
        }
        if ((measure == Measure.SENSITIVITY_AT_FP) != fpPerScan.isPresent()) {
            throw new IllegalArgumentException(
                    measure == Measure.SENSITIVITY_AT_FP
                            ? "sensitivity_at_fp needs fp_per_scan"
                            : "fp_per_scan is only for sensitivity_at_fp, not " + measure.key());
        }
        if (fpPerScan.isPresent()
                && !(fpPerScan.getAsDouble() > 0 && Double.isFinite(fpPerScan.getAsDouble()))) {
            throw new IllegalArgumentException(
                    "fp_per_scan is not a positive finite number: " + fpPerScan.getAsDouble());
        }
        boolean proportion = measure == Measure.SENSITIVITY || measure == Measure.SPECIFICITY;
        if (gradingEndpoint.isPresent() && !proportion) {
            throw new IllegalArgumentException(
                    "grading_endpoint is only for sensitivity and specificity, not "
                            + measure.key());
        }
        if (superiorityGoal.isPresent() != alpha.isPresent()) {
            throw new IllegalArgumentException("superiority_goal and alpha go together");
        }
        if (superiorityGoal.isPresent()) {
            if (!proportion) {
                throw new IllegalArgumentException(
                        "superiority_goal is only for sensitivity and specificity, not "
                                + measure.key());
            }
            double g = superiorityGoal.getAsDouble();
            double a = alpha.getAsDouble();
            if (!(g > 0 && g < 1) || !(a > 0 && a < 0.5)) {
                throw new IllegalArgumentException(
                        "superiority_goal must be in (0, 1) and alpha in (0, 0.5): "
                                + g
                                + ", "
                                + a);
            }
        }
    }

    /** A criterion without a grading endpoint or superiority test. */
    public Criterion(
            Measure measure,
            OptionalDouble estimateMin,
            OptionalDouble ciLowerMin,
            OptionalDouble estimateMax,
            OptionalDouble ciUpperMax,
            OptionalDouble fpPerScan,
            CiMethod ciMethod,
            ConfidenceLevel level) {
        this(
                measure,
                estimateMin,
                ciLowerMin,
                estimateMax,
                ciUpperMax,
                fpPerScan,
                ciMethod,
                level,
                Optional.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty());
    }

    /** A criterion stating minima, as every case-level measure does. */
    public Criterion(
            Measure measure,
            OptionalDouble estimateMin,
            OptionalDouble ciLowerMin,
            CiMethod ciMethod,
            ConfidenceLevel level) {
        this(
                measure,
                estimateMin,
                ciLowerMin,
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                ciMethod,
                level);
    }

    /**
     * Returns the criterion in words, e.g. {@code sensitivity >= 0.85 and ...} or {@code
     * sensitivity_at_fp (1 FP per scan) >= 0.8}.
     */
    public String describe() {
        String name =
                measure.key()
                        + (fpPerScan.isPresent()
                                ? " (" + num(fpPerScan.getAsDouble()) + " FP per scan)"
                                : "")
                        + gradingEndpoint.map(e -> " (" + e + ")").orElse("");
        StringBuilder s = new StringBuilder();
        estimateMin.ifPresent(v -> s.append(name).append(" >= ").append(num(v)));
        estimateMax.ifPresent(v -> s.append(name).append(" <= ").append(num(v)));
        ciLowerMin.ifPresent(v -> bound(s, "lower", ">=", v));
        ciUpperMax.ifPresent(v -> bound(s, "upper", "<=", v));
        if (superiorityGoal.isPresent()) {
            if (!s.isEmpty()) s.append(" and ");
            s.append(name)
                    .append(" superior to ")
                    .append(num(superiorityGoal.getAsDouble()))
                    .append(" at the one-sided ")
                    .append(num(alpha.getAsDouble() * 100))
                    .append("% level (exact binomial test)");
        }
        return s.toString();
    }

    private void bound(StringBuilder s, String which, String op, double v) {
        if (!s.isEmpty()) s.append(" and ");
        s.append(which)
                .append(" bound of its ")
                .append(num(level.value() * 100))
                .append("% ")
                .append(ciMethod.key())
                .append(" interval ")
                .append(op)
                .append(' ')
                .append(num(v));
    }

    static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
