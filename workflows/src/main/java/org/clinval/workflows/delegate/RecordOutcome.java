package org.clinval.workflows.delegate;

import java.io.IOException;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.clinval.workflows.StudyState;
import org.clinval.workflows.ValidationStudy;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.records.RunSeal;

/**
 * Records the end state of the study (passed, failed, stopped) in the audit trail, then seals the
 * run ({@link RunSeal}): every file of the run folder, with the audit head, signed with the site
 * key.
 */
public final class RecordOutcome implements ExecutionListener {

    private final StudyRecords records;

    public RecordOutcome(StudyRecords records) {
        this.records = records;
    }

    @Override
    public void notify(DelegateExecution execution) {
        StudyContext s = StudyContext.of(execution, records);
        String end = execution.getCurrentActivityId();
        Object reason = execution.getVariable(ValidationStudy.VAR_STOP_REASON);
        s.audit()
                .record(
                        AuditTrail.SYSTEM,
                        "study ended: " + StudyState.ofEndEvent(end).key(),
                        end,
                        reason == null ? "" : reason.toString(),
                        Optional.empty());
        try {
            RunSeal.write(s.runDir(), records.siteKey(), records.clock());
        } catch (IOException e) {
            throw new StudyStepException("cannot seal the run: " + e.getMessage(), e);
        }
    }
}
