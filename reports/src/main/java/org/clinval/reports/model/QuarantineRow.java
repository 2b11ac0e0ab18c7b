package org.clinval.reports.model;

/**
 * A case set aside before analysis.
 *
 * @param caseId the de-identified case identifier
 * @param input which input was rejected, e.g. a series or file name without identifiers
 * @param reason why it was set aside
 */
public record QuarantineRow(String caseId, String input, String reason) {

    public QuarantineRow {
        Fields.text("quarantined case id", caseId);
        Fields.text(caseId + " input", input);
        Fields.text(caseId + " quarantine reason", reason);
    }
}
