package org.clinval.workflows.investigation;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.delegate.StudyRecords;

/** Records the closing of an investigation, with its decision, in the audit trail. */
public final class RecordClosure implements ExecutionListener {

    private final StudyRecords records;

    private final java.util.function.Supplier<java.nio.file.Path> folder;

    public RecordClosure(
            StudyRecords records, java.util.function.Supplier<java.nio.file.Path> folder) {
        this.records = records;
        this.folder = folder;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String id =
                InvestigationSignature.text(
                        execution, PostMarketInvestigation.VAR_INVESTIGATION_ID);
        records.trail(folder.get())
                .record(
                        AuditTrail.SYSTEM,
                        "investigation closed",
                        "investigation " + id,
                        "decision: "
                                + InvestigationSignature.text(
                                        execution, PostMarketInvestigation.VAR_DECISION),
                        Optional.empty());
    }
}
