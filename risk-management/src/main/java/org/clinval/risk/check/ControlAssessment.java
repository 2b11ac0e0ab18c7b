package org.clinval.risk.check;

import java.util.List;
import java.util.Objects;
import org.clinval.risk.RiskControl;

/**
 * A risk control measure with the verdict on its evidence.
 *
 * <p>A control is effective when it lists at least one verification of its implementation and one
 * of its effectiveness, and every one of them passed in the run. Otherwise it is not effective, and
 * every residual risk is evaluated as if it were absent.
 *
 * @param control the control
 * @param effective whether it is effective
 * @param implementation the checks of its implementation evidence
 * @param effectiveness the checks of its effectiveness evidence
 * @param reasons why it is not effective; empty when it is
 */
public record ControlAssessment(
        RiskControl control,
        boolean effective,
        List<EvidenceCheck> implementation,
        List<EvidenceCheck> effectiveness,
        List<String> reasons) {

    public ControlAssessment {
        Objects.requireNonNull(control, "control");
        implementation = List.copyOf(implementation);
        effectiveness = List.copyOf(effectiveness);
        reasons = List.copyOf(reasons);
    }

    /** Returns the control's id. */
    public String id() {
        return control.id();
    }
}
