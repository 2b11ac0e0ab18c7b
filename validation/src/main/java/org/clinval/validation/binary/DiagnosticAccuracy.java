package org.clinval.validation.binary;

import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Interval;
import org.clinval.validation.interval.Proportion;

/**
 * Binary diagnostic accuracy from a confusion matrix: sensitivity, specificity, predictive values
 * and accuracy as {@link Proportion}s with Wilson, Clopper–Pearson and Jeffreys intervals; F1; and
 * the likelihood ratios with log-method intervals.
 *
 * <p>The likelihood-ratio intervals use the log method of Simel, Samsa, Matchar (1991), J Clin
 * Epidemiol 44(8):763–770, doi:10.1016/0895-4356(91)90128-V: {@code exp(ln LR ± z·SE)} with {@code
 * SE(ln LR+)² = 1/tp − 1/(tp+fn) + 1/fp − 1/(fp+tn)} and {@code SE(ln LR−)² = 1/fn − 1/(tp+fn) +
 * 1/tn − 1/(fp+tn)}. A zero cell makes the ratio or its logarithm unbounded; it is then reported as
 * undefined with the reason, never as infinity or NaN.
 *
 * @param matrix the counts
 * @param level confidence level of every interval
 * @param sensitivity {@code tp / (tp + fn)}
 * @param specificity {@code tn / (tn + fp)}
 * @param ppv {@code tp / (tp + fp)}
 * @param npv {@code tn / (tn + fn)}
 * @param accuracy {@code (tp + tn) / n}
 * @param f1 {@code 2tp / (2tp + fp + fn)}, without an interval
 * @param lrPositive {@code sensitivity / (1 − specificity)}
 * @param lrNegative {@code (1 − sensitivity) / specificity}
 */
public record DiagnosticAccuracy(
        ConfusionMatrix matrix,
        ConfidenceLevel level,
        Proportion sensitivity,
        Proportion specificity,
        Proportion ppv,
        Proportion npv,
        Proportion accuracy,
        RatioEstimate f1,
        RatioEstimate lrPositive,
        RatioEstimate lrNegative) {

    private static final String LOG_METHOD = "log (Simel 1991)";

    /** Computes every measure of {@code m} at {@code level}. */
    public static DiagnosticAccuracy of(ConfusionMatrix m, ConfidenceLevel level) {
        return new DiagnosticAccuracy(
                m,
                level,
                Proportion.of("sensitivity", m.tp(), m.positives(), level),
                Proportion.of("specificity", m.tn(), m.negatives(), level),
                Proportion.of("ppv", m.tp(), m.tp() + m.fp(), level),
                Proportion.of("npv", m.tn(), m.tn() + m.fn(), level),
                Proportion.of("accuracy", m.tp() + m.tn(), m.total(), level),
                f1(m, level),
                lrPositive(m, level),
                lrNegative(m, level));
    }

    private static RatioEstimate f1(ConfusionMatrix m, ConfidenceLevel level) {
        long denominator = 2 * m.tp() + m.fp() + m.fn();
        if (denominator == 0) {
            return RatioEstimate.undefined(
                    "f1", level, "none", "f1 is undefined: no positives and no positive calls");
        }
        return RatioEstimate.withoutInterval(
                "f1", 2.0 * m.tp() / denominator, level, "none", "no interval is computed for f1");
    }

    static RatioEstimate lrPositive(ConfusionMatrix m, ConfidenceLevel level) {
        return logRatio("lr_positive", m.tp(), m.positives(), m.fp(), m.negatives(), level);
    }

    static RatioEstimate lrNegative(ConfusionMatrix m, ConfidenceLevel level) {
        return logRatio("lr_negative", m.fn(), m.positives(), m.tn(), m.negatives(), level);
    }

    /** Returns {@code (a/n1) / (b/n0)} with its log-method interval. */
    private static RatioEstimate logRatio(
            String name, long a, long n1, long b, long n0, ConfidenceLevel level) {
        if (n1 == 0 || n0 == 0) {
            return RatioEstimate.undefined(
                    name,
                    level,
                    LOG_METHOD,
                    name + " is undefined: it needs positives and negatives");
        }
        if (b == 0) {
            return RatioEstimate.undefined(
                    name,
                    level,
                    LOG_METHOD,
                    name + " is unbounded: its denominator count is 0 (" + b + "/" + n0 + ")");
        }
        double ratio = ((double) a / n1) / ((double) b / n0);
        if (a == 0) {
            return RatioEstimate.withoutInterval(
                    name,
                    ratio,
                    level,
                    LOG_METHOD,
                    name + " interval is undefined: its numerator count is 0");
        }
        double se = Math.sqrt(1.0 / a - 1.0 / n1 + 1.0 / b - 1.0 / n0);
        double z = level.z();
        double log = Math.log(ratio);
        Interval ci = new Interval(Math.exp(log - z * se), Math.exp(log + z * se));
        return RatioEstimate.defined(name, ratio, ci, level, LOG_METHOD);
    }
}
