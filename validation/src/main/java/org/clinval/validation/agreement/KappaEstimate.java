package org.clinval.validation.agreement;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Interval;

/**
 * Cohen's kappa of one table with its large-sample standard error and Wald interval.
 *
 * <p>Kappa is undefined when the expected agreement is 1 (both raters used one and the same
 * category for every case): {@link #kappa()}, {@link #se()} and {@link #ci()} are then empty and
 * {@link #undefinedReason()} says why.
 *
 * @param kappa {@code (po - pe) / (1 - pe)}, empty when undefined
 * @param se the Fleiss–Cohen–Everitt (1969) large-sample standard error, empty when undefined
 * @param ci {@code kappa ± z·se} clipped to [-1, 1], empty when undefined
 * @param level confidence level of {@code ci}
 * @param weights the agreement weights
 * @param n number of rated cases
 * @param categories the categories in the scale order the weights used
 * @param observedAgreement {@code po = Σ w(i,j)·p(i,j)}
 * @param expectedAgreement {@code pe = Σ w(i,j)·p(i,·)·p(·,j)}, the agreement expected by chance
 * @param method how the standard error and interval were computed
 * @param undefinedReason why kappa is undefined, if it is
 */
public record KappaEstimate(
        OptionalDouble kappa,
        OptionalDouble se,
        Optional<Interval> ci,
        ConfidenceLevel level,
        KappaWeights weights,
        long n,
        List<String> categories,
        double observedAgreement,
        double expectedAgreement,
        String method,
        Optional<String> undefinedReason) {

    public KappaEstimate {
        categories = List.copyOf(categories);
    }
}
