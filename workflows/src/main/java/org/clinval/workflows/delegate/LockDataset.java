package org.clinval.workflows.delegate;

import java.io.IOException;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.clinval.workflows.ValidationStudy;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.service.DatasetException;
import org.clinval.workflows.service.DatasetManifest;
import org.clinval.workflows.service.DatasetService;
import org.clinval.workflows.service.InputCheckService;

/**
 * Locks the inputs: writes {@code manifest.sha256} when every input still has its registered
 * SHA-256. A change is a modelled outcome, not a fault: the study stops ({@value
 * ValidationStudy#DATASET_CHANGED}) with the changed files named in {@code stopReason}.
 */
public final class LockDataset implements JavaDelegate {

    private final InputCheckService inputs;
    private final DatasetService dataset;
    private final StudyRecords records;

    public LockDataset(InputCheckService inputs, DatasetService dataset, StudyRecords records) {
        this.inputs = inputs;
        this.dataset = dataset;
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        StudyContext s = StudyContext.of(execution, records);
        AuditTrail audit = s.audit();
        try {
            java.util.List<String> images = inputs.changes(s.protocol(), s.runDir());
            if (!images.isEmpty()) {
                throw new DatasetException(
                        "the images changed since registration ("
                                + images.size()
                                + (images.size() == 1 ? " change" : " changes")
                                + "): "
                                + String.join("; ", images.subList(0, Math.min(10, images.size())))
                                + (images.size() > 10 ? "; …" : ""));
            }
            DatasetManifest m = dataset.lock(s.protocol(), s.runDir());
            audit.recordFile(
                    AuditTrail.SYSTEM,
                    ValidationStudy.LOCK_DATASET + " locked the inputs",
                    m.file(),
                    m.files() + " files unchanged since registration");
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
