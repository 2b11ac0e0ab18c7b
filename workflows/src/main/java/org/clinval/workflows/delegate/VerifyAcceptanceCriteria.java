package org.clinval.workflows.delegate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.clinval.common.Sha256;
import org.clinval.workflows.ValidationStudy;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.local.FileDatasetService;
import org.clinval.workflows.service.AcceptanceResult;
import org.clinval.workflows.service.AcceptanceService;

/**
 * Runs the protocol's acceptance criteria (its features folder, locked with the dataset) over the
 * run folder, writes {@value ValidationStudy#ACCEPTANCE} and sets {@code scenariosPassed}. A
 * failing scenario is a modelled outcome: the gateway then takes the deviation path. A protocol
 * without a features folder leaves the decision to the endpoints, and the trail says so.
 */
public final class VerifyAcceptanceCriteria implements JavaDelegate {

    private static final int SHOWN = 5;

    private final AcceptanceService acceptance;
    private final StudyRecords records;

    public VerifyAcceptanceCriteria(AcceptanceService acceptance, StudyRecords records) {
        this.acceptance = acceptance;
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        StudyContext s = StudyContext.of(execution, records);
        Optional<Path> features = s.protocol().features();
        String step = ValidationStudy.VERIFY_ACCEPTANCE_CRITERIA;
        if (features.isEmpty()) {
            execution.setVariable(ValidationStudy.VAR_SCENARIOS_PASSED, true);
            s.audit()
                    .record(
                            AuditTrail.SYSTEM,
                            step + " found no acceptance criteria",
                            FileDatasetService.PROTOCOL,
                            "the protocol names no features folder: the endpoints alone decide",
                            Optional.empty());
            return;
        }
        AcceptanceResult r;
        Path file = s.file(ValidationStudy.ACCEPTANCE);
        try {
            r = acceptance.verify(s.runDir(), features.get());
            Files.writeString(file, r.toJson() + "\n", StandardCharsets.UTF_8);
            execution.setVariable(ValidationStudy.VAR_SCENARIOS_PASSED, r.passed());
            s.audit()
                    .recordFile(
                            AuditTrail.SYSTEM,
                            step + " ran the acceptance criteria",
                            file,
                            describe(r) + "; cucumber.json sha256 " + Sha256.of(r.json()));
        } catch (IOException e) {
            throw new StudyStepException(step + ": " + e.getMessage(), e);
        }
    }

    private static String describe(AcceptanceResult r) {
        if (r.passed() || r.failures().isEmpty()) {
            return r.summary();
        }
        return r.summary()
                + ": "
                + r.failures().stream()
                        .limit(SHOWN)
                        .map(f -> "\"" + f.name() + "\" " + f.status().key())
                        .collect(Collectors.joining(", "))
                + (r.failures().size() > SHOWN ? ", …" : "");
    }
}
