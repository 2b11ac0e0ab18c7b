package org.clinval.risk;

import java.util.Objects;
import java.util.Optional;

/**
 * A risk control measure applied to one hazard, with the reduction credited to it.
 *
 * <p>How reductions are recorded: a control states, for the factor(s) it reduces, the level that
 * factor reaches with the control in place. The residual level of a factor is the lowest level any
 * <em>effective</em> control of the hazard reaches, or the initial level when none reduces it.
 * Reductions do not compound: two controls that each bring the probability to P3 leave it at P3; to
 * claim P2 from their combination, one control (typically the later one) must state P2 — and then
 * losing that control alone loses the combined credit, which errs on the side of safety. A control
 * credited with no reduction (e.g. supporting information for safety) is allowed.
 *
 * @param control id of the {@link RiskControl}
 * @param severity the severity the harm has with the control in place, if the control reduces it
 * @param probability the probability of harm with the control in place, if the control reduces it
 */
public record HazardControl(String control, Optional<Level> severity, Optional<Level> probability) {

    public HazardControl {
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(probability, "probability");
        if (severity.isPresent() && severity.get().factor() != Factor.SEVERITY) {
            throw new IllegalArgumentException("not a severity level: " + severity.get().id());
        }
        if (probability.isPresent() && probability.get().factor() != Factor.PROBABILITY) {
            throw new IllegalArgumentException(
                    "not a probability level: " + probability.get().id());
        }
    }

    /** Returns the reduction in words, e.g. {@code probability to P2}, or {@code none}. */
    public String describeReduction() {
        if (severity.isEmpty() && probability.isEmpty()) {
            return "none";
        }
        StringBuilder s = new StringBuilder();
        severity.ifPresent(l -> s.append("severity to ").append(l.id()));
        probability.ifPresent(
                l -> s.append(s.length() > 0 ? ", " : "").append("probability to ").append(l.id()));
        return s.toString();
    }
}
