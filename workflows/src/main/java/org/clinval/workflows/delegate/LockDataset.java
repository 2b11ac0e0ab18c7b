package org.clinval.workflows.delegate;

import java.io.IOException;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.clinval.workflows.ValidationStudy;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.ledger.LedgerAction;
import org.clinval.workflows.ledger.LedgerEntry;
import org.clinval.workflows.protocol.StudyProtocol;
import org.clinval.workflows.service.DatasetException;
import org.clinval.workflows.service.DatasetManifest;
import org.clinval.workflows.service.DatasetService;

/**
 * Locks the inputs: writes {@code manifest.sha256} when every input still has its registered
 * SHA-256, and records the lock in the site's dataset ledger. A change is a modelled outcome, not a
 * fault: the study stops ({@value ValidationStudy#DATASET_CHANGED}) with the changed files named in
 * {@code stopReason}.
 */
public final class LockDataset implements JavaDelegate {

    private final DatasetService dataset;
    private final StudyRecords records;

    public LockDataset(DatasetService dataset, StudyRecords records) {
        this.dataset = dataset;
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        StudyContext s = StudyContext.of(execution, records);
        AuditTrail audit = s.audit();
        try {
            StudyProtocol p = s.protocol();
            DatasetManifest m = dataset.lock(p, s.runDir());
            LedgerEntry use = s.recordUse(ValidationStudy.LOCK_DATASET, LedgerAction.LOCK, p);
            audit.recordFile(
                    AuditTrail.SYSTEM,
                    ValidationStudy.LOCK_DATASET + " locked the inputs",
                    m.file(),
                    m.files()
                            + " files unchanged since registration; dataset "
                            + use.dataset()
                            + " in the dataset ledger");
        } catch (DatasetException e) {
            audit.record(
                    AuditTrail.SYSTEM,
                    ValidationStudy.LOCK_DATASET + " stopped the study",
                    "registration.sha256",
                    e.getMessage(),
                    Optional.empty());
            throw new BpmnError(
                    ValidationStudy.DATASET_CHANGED,
                    ValidationStudy.LOCK_DATASET + ": " + e.getMessage());
        } catch (IOException e) {
            throw new StudyStepException(
                    ValidationStudy.LOCK_DATASET + ": cannot hash the inputs: " + e.getMessage(),
                    e);
        }
    }
}
