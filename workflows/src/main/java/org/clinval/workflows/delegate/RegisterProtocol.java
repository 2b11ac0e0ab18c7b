package org.clinval.workflows.delegate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.clinval.workflows.ApprovalRecord;
import org.clinval.workflows.ValidationStudy;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.protocol.StudyProtocol;
import org.clinval.workflows.service.DatasetException;
import org.clinval.workflows.service.DatasetManifest;
import org.clinval.workflows.service.DatasetService;
import org.clinval.workflows.service.InputCheck;
import org.clinval.workflows.service.InputCheckService;

/**
 * Copies the protocol into the run folder, runs every input check (writing the image inventory and
 * the case key), registers the SHA-256 of every input and writes the approval record: what the
 * approver will sign, including the cases that will be quarantined.
 */
public final class RegisterProtocol implements JavaDelegate {

    private final InputCheckService inputs;
    private final DatasetService dataset;
    private final StudyRecords records;

    public RegisterProtocol(
            InputCheckService inputs, DatasetService dataset, StudyRecords records) {
        this.inputs = inputs;
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
            java.nio.file.Files.createDirectories(s.runDir());
            InputCheck check =
                    inputs.check(protocol, Optional.of(s.runDir()), n -> {})
                            .withProblems(
                                    org.clinval.workflows.readers.ReaderStudyCheck.problems(
                                            protocol));
            if (!check.ok()) {
                throw new DatasetException(
                        "the inputs have problems, fix them and start again: "
                                + check.problems().stream()
                                        .map(Object::toString)
                                        .collect(Collectors.joining("; ")));
            }
            DatasetManifest m = dataset.register(protocol, s.runDir());
            Path record =
                    ApprovalRecord.write(
                            s.runDir(), protocol.id(), check, m.file(), records.clock().instant());
            audit.recordFile(
                    AuditTrail.SYSTEM,
                    ValidationStudy.REGISTER_PROTOCOL + " copied the protocol",
                    s.file(org.clinval.workflows.local.FileDatasetService.PROTOCOL),
                    protocol.id() + ": the copy the study reads");
            if (protocol.readerStudy().isPresent()) {
                audit.recordFile(
                        AuditTrail.SYSTEM,
                        ValidationStudy.REGISTER_PROTOCOL + " copied the reader study's reads",
                        s.file(org.clinval.workflows.readers.ReadsCopy.FILE),
                        protocol.id() + ": the copy the analysis reads");
            }
            audit.recordFile(
                    AuditTrail.SYSTEM,
                    ValidationStudy.REGISTER_PROTOCOL + " registered the inputs",
                    m.file(),
                    protocol.id() + ": " + m.files() + " files hashed");
            audit.recordFile(
                    AuditTrail.SYSTEM,
                    ValidationStudy.REGISTER_PROTOCOL + " checked the inputs",
                    record,
                    check.files()
                            + " image files ("
                            + check.ignored()
                            + " ignored), "
                            + check.cases()
                            + " cases: "
                            + check.usable()
                            + " usable, "
                            + check.toQuarantine().size()
                            + " to be quarantined");
        } catch (DatasetException | IOException e) {
            audit.record(
                    AuditTrail.SYSTEM,
                    ValidationStudy.REGISTER_PROTOCOL + " failed",
                    source.getFileName().toString(),
                    e.getMessage(),
                    Optional.empty());
            throw new StudyStepException(
                    ValidationStudy.REGISTER_PROTOCOL + ": " + e.getMessage(), e);
        }
    }
}
