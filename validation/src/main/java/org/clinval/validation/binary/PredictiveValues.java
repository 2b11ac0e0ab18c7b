package org.clinval.validation.binary;

import org.clinval.validation.Checks;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Interval;

/**
 * Positive and negative predictive values at a stated prevalence, for test sets enriched with
 * positives (where the sample PPV and NPV do not describe the intended population).
 *
 * <p>{@code PPV(π) = Se·π / (Se·π + (1 − Sp)(1 − π))} and {@code NPV(π) = Sp(1 − π) / (Sp(1 − π) +
 * (1 − Se)π)}. Intervals by the logit method of Mercaldo, Lau, Zhou (2007), Stat Med 26:2170–2183,
 * doi:10.1002/sim.2677: {@code Var(logit PPV) = (1 − Se)/(Se·n₁) + Sp/((1 − Sp)·n₀)} and {@code
 * Var(logit NPV) = Se/((1 − Se)·n₁) + (1 − Sp)/(Sp·n₀)}; undefined when a sensitivity or
 * specificity of 0 or 1 makes the logit unbounded.
 *
 * @param prevalence the stated prevalence
 * @param ppv predictive value of a positive call
 * @param npv predictive value of a negative call
 */
public record PredictiveValues(double prevalence, RatioEstimate ppv, RatioEstimate npv) {

    private static final String METHOD = "logit (Mercaldo 2007)";

    /** Computes PPV and NPV of {@code m}'s sensitivity and specificity at {@code prevalence}. */
    public static PredictiveValues atPrevalence(
            ConfusionMatrix m, double prevalence, ConfidenceLevel level) {
        Checks.openUnit("prevalence", prevalence);
        long n1 = m.positives();
        long n0 = m.negatives();
        if (n1 == 0 || n0 == 0) {
            String reason = "predictive values at a prevalence need positives and negatives";
            return new PredictiveValues(
                    prevalence,
                    RatioEstimate.undefined("ppv", level, METHOD, reason),
                    RatioEstimate.undefined("npv", level, METHOD, reason));
        }
        double se = (double) m.tp() / n1;
        double sp = (double) m.tn() / n0;
        double pi = prevalence;
        RatioEstimate ppv =
                value(
                        "ppv",
                        se * pi,
                        (1 - sp) * (1 - pi),
                        level,
                        () -> (1 - se) / (se * n1) + sp / ((1 - sp) * n0),
                        se > 0 && sp < 1);
        RatioEstimate npv =
                value(
                        "npv",
                        sp * (1 - pi),
                        (1 - se) * pi,
                        level,
                        () -> se / ((1 - se) * n1) + (1 - sp) / (sp * n0),
                        sp > 0 && se < 1);
        return new PredictiveValues(prevalence, ppv, npv);
    }

    private static RatioEstimate value(
            String name,
            double hit,
            double miss,
            ConfidenceLevel level,
            java.util.function.DoubleSupplier logitVariance,
            boolean finiteLogit) {
        if (hit + miss == 0) {
            return RatioEstimate.undefined(
                    name,
                    level,
                    METHOD,
                    name + " is undefined: no calls of that kind are expected");
        }
        double estimate = hit / (hit + miss);
        if (!finiteLogit) {
            return RatioEstimate.withoutInterval(
                    name,
                    estimate,
                    level,
                    METHOD,
                    name + " interval is undefined: sensitivity or specificity is 0 or 1");
        }
        double logit = Math.log(hit / miss);
        double half = level.z() * Math.sqrt(logitVariance.getAsDouble());
        Interval ci = new Interval(expit(logit - half), expit(logit + half));
        return RatioEstimate.defined(name, estimate, ci, level, METHOD);
    }

    private static double expit(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
