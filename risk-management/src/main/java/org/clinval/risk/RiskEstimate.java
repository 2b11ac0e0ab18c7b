package org.clinval.risk;

import java.util.Objects;

/**
 * A risk as estimated on the plan's scales (ISO 14971:2019 §5.5): the severity of the harm and the
 * probability of its occurrence.
 *
 * @param severity a severity level
 * @param probability a probability level
 */
public record RiskEstimate(Level severity, Level probability) {

    public RiskEstimate {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(probability, "probability");
        if (severity.factor() != Factor.SEVERITY) {
            throw new IllegalArgumentException("not a severity level: " + severity.id());
        }
        if (probability.factor() != Factor.PROBABILITY) {
            throw new IllegalArgumentException("not a probability level: " + probability.id());
        }
    }

    /**
     * Returns whether this risk is worse than {@code other} in either factor, i.e. not covered by
     * an evaluation made for {@code other}.
     */
    public boolean isWorseThan(RiskEstimate other) {
        return severity.isAbove(other.severity) || probability.isAbove(other.probability);
    }

    /** Returns {@code S4/P2}, severity first. */
    public String label() {
        return severity.id() + "/" + probability.id();
    }
}
