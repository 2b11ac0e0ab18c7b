package org.clinval.workflows.delegate;

import java.time.Clock;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.clinval.workflows.StudyState;
import org.clinval.workflows.ValidationStudy;
import org.clinval.workflows.audit.AuditTrail;

/** Records the end state of the study (passed, failed, stopped) in the audit trail. */
public final class RecordOutcome implements ExecutionListener {

    private final Clock clock;

    public RecordOutcome(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        StudyContext s = StudyContext.of(execution, clock);
        String end = execution.getCurrentActivityId();
        Object reason = execution.getVariable(ValidationStudy.VAR_STOP_REASON);
        s.audit()
                .record(
                        AuditTrail.SYSTEM,
                        "study ended: " + StudyState.ofEndEvent(end).key(),
                        end,
                        reason == null ? "" : reason.toString(),
                        Optional.empty());
    }
}
