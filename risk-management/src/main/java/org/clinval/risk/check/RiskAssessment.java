package org.clinval.risk.check;

import java.util.List;
import java.util.Objects;
import org.clinval.risk.Acceptability;
import org.clinval.risk.Hazard;
import org.clinval.risk.RiskEstimate;

/**
 * The evaluation of one hazard's risk before and after control.
 *
 * @param hazard the register's entry
 * @param initialAcceptability the region of the initial risk
 * @param claimedAcceptability the region of the residual risk the register claims (every control
 *     effective)
 * @param residual the residual risk with the effective controls only
 * @param residualAcceptability the region of {@code residual}
 * @param controls the hazard's controls, each marked effective or not
 */
public record RiskAssessment(
        Hazard hazard,
        Acceptability initialAcceptability,
        Acceptability claimedAcceptability,
        RiskEstimate residual,
        Acceptability residualAcceptability,
        List<ControlEffect> controls) {

    public RiskAssessment {
        Objects.requireNonNull(hazard, "hazard");
        Objects.requireNonNull(initialAcceptability, "initialAcceptability");
        Objects.requireNonNull(claimedAcceptability, "claimedAcceptability");
        Objects.requireNonNull(residual, "residual");
        Objects.requireNonNull(residualAcceptability, "residualAcceptability");
        controls = List.copyOf(controls);
    }

    /** Returns the hazard's id. */
    public String id() {
        return hazard.id();
    }

    /** Returns whether a control that is not effective leaves the risk above the claimed one. */
    public boolean raised() {
        return residual.isWorseThan(hazard.residual());
    }

    /** Returns the ids of the hazard's controls that are not effective. */
    public List<String> notEffective() {
        return controls.stream().filter(c -> !c.effective()).map(ControlEffect::control).toList();
    }
}
