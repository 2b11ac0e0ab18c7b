package org.clinval.risk.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.clinval.risk.RiskControl;

/**
 * A risk control measure with the verdict on its evidence.
 *
 * <p>A control is effective when it lists at least one verification of its implementation and one
 * of its effectiveness, scenario or record, every scenario passed in the run and every cited record
 * is its file unchanged ({@link #verification()}). Otherwise it is not effective, and every
 * residual risk is evaluated as if it were absent.
 *
 * <p>A control is <em>under investigation</em> while a post-market investigation is open on an
 * alarm whose metric verifies it (ISO 14971:2019 §10): its verdict on the study's evidence stands,
 * and the open investigation is a gap of the risk check until it is closed.
 *
 * @param control the control
 * @param verification verified by the study, verified by record, or not verified
 * @param implementation the checks of its implementation scenarios
 * @param effectiveness the checks of its effectiveness scenarios
 * @param implementationRecords the checks of the records cited for its implementation
 * @param effectivenessRecords the checks of the records cited for its effectiveness
 * @param reasons why it is not effective; empty when it is
 * @param underInvestigation the open post-market investigations questioning it, e.g. {@code
 *     INV-0001}; empty when none is
 */
public record ControlAssessment(
        RiskControl control,
        ControlVerification verification,
        List<EvidenceCheck> implementation,
        List<EvidenceCheck> effectiveness,
        List<RecordCheck> implementationRecords,
        List<RecordCheck> effectivenessRecords,
        List<String> reasons,
        List<String> underInvestigation) {

    public ControlAssessment {
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(verification, "verification");
        implementation = List.copyOf(implementation);
        effectiveness = List.copyOf(effectiveness);
        implementationRecords = List.copyOf(implementationRecords);
        effectivenessRecords = List.copyOf(effectivenessRecords);
        reasons = List.copyOf(reasons);
        underInvestigation = List.copyOf(underInvestigation);
        if (verification.verified() != reasons.isEmpty()) {
            throw new IllegalArgumentException(
                    "control "
                            + control.id()
                            + " is "
                            + verification.words()
                            + (reasons.isEmpty() ? " with no reason" : " with reasons " + reasons));
        }
    }

    /** Returns whether it is effective: verified by the study or by record. */
    public boolean effective() {
        return verification.verified();
    }

    /** Returns every record check, those of its implementation first. */
    public List<RecordCheck> records() {
        List<RecordCheck> out = new ArrayList<>(implementationRecords);
        out.addAll(effectivenessRecords);
        return out;
    }

    /** Returns the records that verify it, unchanged; empty unless verified by record. */
    public List<RecordCheck> verifyingRecords() {
        return verification == ControlVerification.VERIFIED_BY_RECORD ? records() : List.of();
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
