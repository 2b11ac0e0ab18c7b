package org.clinval.workflows.delegate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.clinval.workflows.ValidationStudy;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.protocol.StudyProtocol;
import org.clinval.workflows.service.DatasetException;
import org.clinval.workflows.service.DatasetManifest;
import org.clinval.workflows.service.DatasetService;

/** Copies the protocol into the run folder and registers the SHA-256 of every input. */
public final class RegisterProtocol implements JavaDelegate {

    private final DatasetService dataset;
    private final StudyRecords records;

    public RegisterProtocol(DatasetService dataset, StudyRecords records) {
        this.dataset = dataset;
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        StudyContext s = StudyContext.of(execution, records);
        Path source = Path.of(StudyContext.text(execution, ValidationStudy.VAR_PROTOCOL_SOURCE));
        StudyProtocol protocol =
                StudyContext.read(
                        source,
                        Path.of(StudyContext.text(execution, ValidationStudy.VAR_PROTOCOL_BASE)));
        AuditTrail audit = s.audit();
        try {
            DatasetManifest m = dataset.register(protocol, s.runDir());
            audit.recordFile(
                    AuditTrail.SYSTEM,
                    ValidationStudy.REGISTER_PROTOCOL + " registered the inputs",
                    m.file(),
                    protocol.id() + ": " + m.files() + " files hashed");
        } catch (DatasetException | IOException e) {
            audit.record(
                    AuditTrail.SYSTEM,
                    ValidationStudy.REGISTER_PROTOCOL + " failed",
                    source.toString(),
                    e.getMessage(),
                    Optional.empty());
            throw new StudyStepException(
                    ValidationStudy.REGISTER_PROTOCOL + ": " + e.getMessage(), e);
        }
    }
}
