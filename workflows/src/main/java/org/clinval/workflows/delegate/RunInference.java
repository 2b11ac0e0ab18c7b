package org.clinval.workflows.delegate;

import java.io.IOException;
import java.nio.file.Path;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.clinval.workflows.ValidationStudy;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.ledger.LedgerAction;
import org.clinval.workflows.protocol.StudyProtocol;
import org.clinval.workflows.service.InferenceRequest;
import org.clinval.workflows.service.InferenceResult;
import org.clinval.workflows.service.InferenceService;

/**
 * Runs the model over every case: {@code case-results.csv} and {@code quarantine.csv}; the look at
 * the test set is first recorded in the site's dataset ledger. The step is asynchronous (a job), so
 * a long run does not hold the user's transaction and a failure is retried by the job executor,
 * then raised as an incident.
 */
public final class RunInference implements JavaDelegate {

    private final InferenceService inference;
    private final StudyRecords records;

    public RunInference(InferenceService inference, StudyRecords records) {
        this.inference = inference;
        this.records = records;
    }

    /** Reads the cases the PHI step quarantined. */
    private static java.util.List<org.clinval.workflows.service.CaseFinding> phiQuarantined(
            StudyContext s) {
        Path file = s.file(ValidationStudy.PHI_QUARANTINE);
        java.util.List<org.clinval.workflows.service.CaseFinding> out = new java.util.ArrayList<>();
        if (!java.nio.file.Files.exists(file)) {
            return out;
        }
        try (java.io.Reader r =
                        java.nio.file.Files.newBufferedReader(
                                file, java.nio.charset.StandardCharsets.UTF_8);
                org.apache.commons.csv.CSVParser p =
                        org.apache.commons.csv.CSVParser.parse(
                                r,
                                org.apache.commons.csv.CSVFormat.RFC4180
                                        .builder()
                                        .setHeader()
                                        .setSkipHeaderRecord(true)
                                        .get())) {
            for (org.apache.commons.csv.CSVRecord rec : p) {
                out.add(
                        new org.clinval.workflows.service.CaseFinding(
                                rec.get("case_id"), rec.get("reason")));
            }
        } catch (IOException e) {
            throw new StudyStepException(
                    ValidationStudy.RUN_INFERENCE + ": cannot read " + file + ": " + e.getMessage(),
                    e);
        }
        return out;
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
                        s.file(ValidationStudy.QUARANTINE),
                        phiQuarantined(s),
                        org.clinval.workflows.protocol.Modalities.of(p),
                        p);
        // Recorded before the model sees the test set: a look the ledger cannot hold is not taken.
        s.recordUse(ValidationStudy.RUN_INFERENCE, LedgerAction.INFERENCE, p);
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
        Path explanations = s.runDir().resolve(org.clinval.workflows.analysis.ExplanationsCsv.FILE);
        if (p.explanations().isPresent() && java.nio.file.Files.exists(explanations)) {
            s.audit()
                    .recordFile(
                            AuditTrail.SYSTEM,
                            ValidationStudy.RUN_INFERENCE + " wrote the explanation maps",
                            explanations,
                            p.explanations().get().method()
                                    + " maps of the drawn cases under "
                                    + org.clinval.workflows.analysis.ExplanationsCsv.FOLDER
                                    + "/");
        }
    }
}
