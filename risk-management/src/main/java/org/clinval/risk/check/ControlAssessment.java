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
 *     <p>A control is <em>under investigation</em> while a post-market investigation is open on an
 *     alarm whose metric verifies it (ISO 14971:2019 §10): its verdict on the study's evidence
 *     stands, and the open investigation is a gap of the risk check until it is closed.
 * @param reasons why it is not effective; empty when it is
 * @param underInvestigation the open post-market investigations questioning it, e.g. {@code
 *     INV-0001}; empty when none is
 */
public record ControlAssessment(
        RiskControl control,
        boolean effective,
        List<EvidenceCheck> implementation,
        List<EvidenceCheck> effectiveness,
        List<String> reasons,
        List<String> underInvestigation) {

    public ControlAssessment {
        Objects.requireNonNull(control, "control");
        implementation = List.copyOf(implementation);
        effectiveness = List.copyOf(effectiveness);
        reasons = List.copyOf(reasons);
        underInvestigation = List.copyOf(underInvestigation);
    }

    /** A control no open investigation questions. */
    public ControlAssessment(
            RiskControl control,
            boolean effective,
            List<EvidenceCheck> implementation,
            List<EvidenceCheck> effectiveness,
            List<String> reasons) {
        this(control, effective, implementation, effectiveness, reasons, List.of());
    }

    /** Returns whether an open post-market investigation questions it. */
    public boolean isUnderInvestigation() {
        return !underInvestigation.isEmpty();
    }

    /** Returns the control's id. */
    public String id() {
        return control.id();
    }
}
