package org.clinval.risk.results;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.validation.Interval;

/**
 * A measured value behind a requirement or a risk control, e.g. the sensitivity endpoint of a study
 * run, with its interval and the electronic signature on the results it comes from.
 *
 * @param source where it comes from, e.g. {@code metrics.json endpoint EP1}
 * @param name what was measured, e.g. {@code Sensitivity for nodules >= 6 mm}
 * @param estimate the estimate, empty when undefined
 * @param ci the confidence interval, empty when undefined or not computed
 * @param level the confidence level of {@code ci}, when stated
 * @param method how the interval was computed, e.g. {@code clopper_pearson}; empty if not stated
 * @param verdict the run's verdict on its acceptance criterion, e.g. {@code PASS}, when stated
 * @param signature the manifestation of the electronic signature on the results file (signer,
 *     meaning, time), when the file is signed as it is now
 */
public record Measurement(
        String source,
        String name,
        OptionalDouble estimate,
        Optional<Interval> ci,
        OptionalDouble level,
        String method,
        Optional<String> verdict,
        Optional<String> signature) {

    public Measurement {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(estimate, "estimate");
        Objects.requireNonNull(ci, "ci");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(signature, "signature");
        if (estimate.isPresent() && !Double.isFinite(estimate.getAsDouble())) {
            throw new IllegalArgumentException(
                    "estimate of " + source + " is not finite: " + estimate.getAsDouble());
        }
    }
}
