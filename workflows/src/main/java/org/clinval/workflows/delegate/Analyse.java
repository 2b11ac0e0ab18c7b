package org.clinval.workflows.delegate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.clinval.workflows.ValidationStudy;
import org.clinval.workflows.analysis.StudyResults;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.service.AnalysisService;

/** Computes every endpoint and subgroup into {@code metrics.json}; sets {@code criteriaMet}. */
public final class Analyse implements JavaDelegate {

    private final AnalysisService analysis;
    private final StudyRecords records;

    public Analyse(AnalysisService analysis, StudyRecords records) {
        this.analysis = analysis;
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        StudyContext s = StudyContext.of(execution, records);
        Path caseResults = Path.of(StudyContext.text(execution, ValidationStudy.VAR_CASE_RESULTS));
        StudyResults r;
        try {
            r = analysis.analyse(s.protocol(), caseResults, s.runDir());
        } catch (IOException | IllegalArgumentException e) {
            throw new StudyStepException(ValidationStudy.ANALYSE + ": " + e.getMessage(), e);
        }
        execution.setVariable(ValidationStudy.VAR_CRITERIA_MET, r.passed());
        s.audit()
                .recordFile(
                        AuditTrail.SYSTEM,
                        ValidationStudy.ANALYSE + " computed the endpoints",
                        s.file(ValidationStudy.METRICS),
                        "verdict "
                                + r.verdict()
                                + ": "
                                + r.endpoints().stream()
                                        .map(e -> e.endpoint().id() + " " + e.verdict())
                                        .collect(Collectors.joining(", ")));
    }
}
