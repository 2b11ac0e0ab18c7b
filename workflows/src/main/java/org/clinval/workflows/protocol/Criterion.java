package org.clinval.workflows.protocol;

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
 */
public record Criterion(
        Measure measure,
        OptionalDouble estimateMin,
        OptionalDouble ciLowerMin,
        OptionalDouble estimateMax,
        OptionalDouble ciUpperMax,
        OptionalDouble fpPerScan,
        CiMethod ciMethod,
        ConfidenceLevel level) {

    public Criterion {
        boolean minima = estimateMin.isPresent() || ciLowerMin.isPresent();
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
                                : "");
        StringBuilder s = new StringBuilder();
        estimateMin.ifPresent(v -> s.append(name).append(" >= ").append(num(v)));
        estimateMax.ifPresent(v -> s.append(name).append(" <= ").append(num(v)));
        ciLowerMin.ifPresent(v -> bound(s, "lower", ">=", v));
        ciUpperMax.ifPresent(v -> bound(s, "upper", "<=", v));
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
