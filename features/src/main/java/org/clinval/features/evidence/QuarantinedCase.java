package org.clinval.features.evidence;

/**
 * A case the inference step set aside instead of scoring it.
 *
 * @param caseId the case identifier
 * @param reason why it was set aside; empty when the row gives none
 * @param line its line in {@code quarantine.csv}
 */
public record QuarantinedCase(String caseId, String reason, long line) {

    /** Returns whether the row states a reason. */
    public boolean hasReason() {
        return !reason.isBlank();
    }
}
