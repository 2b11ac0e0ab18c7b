package org.clinval.workflows.delegate;

import java.io.IOException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.clinval.workflows.ValidationStudy;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.service.ArchiveResult;
import org.clinval.workflows.service.ArchiveService;

/**
 * Archives the run folder with its checksum manifest. A checkpoint of the audit trail's head is
 * taken first, so the archive carries the witness of every entry written before it.
 */
public final class Archive implements JavaDelegate {

    private final ArchiveService archive;
    private final StudyRecords records;

    public Archive(ArchiveService archive, StudyRecords records) {
        this.archive = archive;
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        StudyContext s = StudyContext.of(execution, records);
        AuditTrail audit = s.audit();
        audit.checkpoint("the archive");
        ArchiveResult r;
        try {
            r =
                    archive.archive(
                            s.runDir(), StudyContext.text(execution, ValidationStudy.VAR_STUDY_ID));
        } catch (IOException e) {
            throw new StudyStepException(ValidationStudy.ARCHIVE + ": " + e.getMessage(), e);
        }
        execution.setVariable(ValidationStudy.VAR_ARCHIVE, r.archive().toString());
        audit.recordFile(
                AuditTrail.SYSTEM,
                execution.getCurrentActivityId() + " archived the run folder",
                r.archive(),
                r.files() + " files, manifest " + s.runDir().relativize(r.manifest()));
    }
}
