package org.clinval.reports.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.validation.Interval;

/**
 * One endpoint of the protocol evaluated against its acceptance criterion, with the requirements it
 * verifies and the ISO 14971 risk controls whose effectiveness it shows.
 *
 * <p>An undefined estimate (e.g. a sensitivity on a set without positives) has no estimate and no
 * interval, carries the reason, and cannot pass.
 *
 * @param id endpoint identifier, e.g. {@code EP-01}
 * @param title what is measured, in words
 * @param measure the statistic, e.g. {@code sensitivity}
 * @param estimate the point estimate; empty when undefined
 * @param ci the confidence interval; empty when undefined or not computed
 * @param method how the interval was computed, e.g. {@code Wilson score}
 * @param level confidence level of {@code ci}, in (0, 1)
 * @param criterion the acceptance criterion, e.g. {@code lower 95% bound >= 0.80}
 * @param primary whether it is a primary endpoint
 * @param passed whether the criterion was met
 * @param requirementIds requirements the endpoint verifies
 * @param riskControlIds risk controls the endpoint verifies
 * @param undefinedReason why the estimate is undefined; present exactly when it is
 */
public record EndpointResult(
        String id,
        String title,
        String measure,
        OptionalDouble estimate,
        Optional<Interval> ci,
        String method,
        double level,
        String criterion,
        boolean primary,
        boolean passed,
        List<String> requirementIds,
        List<String> riskControlIds,
        Optional<String> undefinedReason) {

    public EndpointResult {
        Fields.text("endpoint id", id);
        Fields.text(id + " title", title);
        Fields.text(id + " measure", measure);
        Fields.present(id + " estimate", estimate);
        Fields.optional(id + " interval", ci);
        Fields.text(id + " method", method);
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException(id + " confidence level is not in (0, 1): " + level);
        }
        Fields.text(id + " criterion", criterion);
        requirementIds = Fields.list(id + " requirement ids", requirementIds);
        riskControlIds = Fields.list(id + " risk control ids", riskControlIds);
        Fields.optional(id + " undefined reason", undefinedReason);
        if (estimate.isPresent() && !Double.isFinite(estimate.getAsDouble())) {
            throw new IllegalArgumentException(
                    id + " estimate is not finite: " + estimate.getAsDouble());
        }
        if (estimate.isPresent() == undefinedReason.isPresent()) {
            throw new IllegalArgumentException(
                    id
                            + (estimate.isPresent()
                                    ? " has an estimate and an undefined reason"
                                    : " has neither an estimate nor an undefined reason"));
        }
        if (estimate.isEmpty() && ci.isPresent()) {
            throw new IllegalArgumentException(id + " is undefined but has an interval");
        }
        if (estimate.isEmpty() && passed) {
            throw new IllegalArgumentException(id + " is undefined and cannot pass");
        }
    }

    /** Returns whether the estimate is defined. */
    public boolean isDefined() {
        return estimate.isPresent();
    }
}
