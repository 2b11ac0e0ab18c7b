package org.clinval.workflows.delegate;

import java.io.IOException;
import java.nio.file.Path;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.clinval.workflows.ValidationStudy;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.protocol.StudyProtocol;
import org.clinval.workflows.service.InferenceRequest;
import org.clinval.workflows.service.InferenceResult;
import org.clinval.workflows.service.InferenceService;

/**
 * Runs the model over every case: {@code case-results.csv} and {@code quarantine.csv}. The step is
 * asynchronous (a job), so a long run does not hold the user's transaction and a failure is retried
 * by the job executor, then raised as an incident.
 */
public final class RunInference implements JavaDelegate {

    private final InferenceService inference;
    private final StudyRecords records;

    public RunInference(InferenceService inference, StudyRecords records) {
        this.inference = inference;
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        StudyContext s = StudyContext.of(execution, records);
        StudyProtocol p = s.protocol();
        Path images = Path.of(StudyContext.text(execution, ValidationStudy.VAR_IMAGES));
        InferenceRequest request =
                new InferenceRequest(
                        p.id(),
                        p.device().model(),
                        p.device().sha256(),
                        images,
                        p.dataset().groundTruth(),
                        p.operatingPoint().threshold(),
                        p.operatingPoint().rule(),
                        p.operatingPoint().positiveClass(),
                        s.file(ValidationStudy.CASE_RESULTS),
                        s.file(ValidationStudy.QUARANTINE));
        InferenceResult r;
        try {
            r = inference.run(request);
        } catch (IOException e) {
            throw new StudyStepException(ValidationStudy.RUN_INFERENCE + ": " + e.getMessage(), e);
        }
        execution.setVariable(ValidationStudy.VAR_CASE_RESULTS, r.caseResults().toString());
        execution.setVariable(ValidationStudy.VAR_QUARANTINE, r.quarantine().toString());
        s.audit()
                .recordFile(
                        AuditTrail.SYSTEM,
                        ValidationStudy.RUN_INFERENCE + " wrote the case results",
                        r.caseResults(),
                        r.casesIn()
                                + " cases in: "
                                + r.results()
                                + " results, "
                                + r.quarantined()
                                + " quarantined");
    }
}
