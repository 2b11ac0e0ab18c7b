package org.clinval.workflows.delegate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.clinval.common.Sha256;
import org.clinval.workflows.ValidationStudy;
import org.clinval.workflows.analysis.CaseResultsCsv;
import org.clinval.workflows.analysis.StudyAnalysis;
import org.clinval.workflows.analysis.StudyResults;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.files.ChecksumManifest;
import org.clinval.workflows.local.FileDatasetService;
import org.clinval.workflows.service.AcceptanceService;
import org.clinval.workflows.service.ReportRequest;
import org.clinval.workflows.service.ReportService;

/**
 * Has the reports written (on both paths: a failed study's report says FAIL) and lists them with
 * {@code metrics.json}, the case results and the acceptance outcome ({@code acceptance.json} and
 * the Cucumber reports, when the protocol has acceptance criteria) in {@code reports.sha256}, the
 * record QA signs off.
 *
 * <p>The results handed to the report service are recomputed from the case results by the same
 * deterministic analysis (same seed) rather than carried as a process variable, which keeps the
 * process state plain data that survives a restart.
 */
public final class GenerateReports implements JavaDelegate {

    private final ReportService reports;
    private final StudyRecords records;

    public GenerateReports(ReportService reports, StudyRecords records) {
        this.reports = reports;
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        StudyContext s = StudyContext.of(execution, records);
        Path caseResults = Path.of(StudyContext.text(execution, ValidationStudy.VAR_CASE_RESULTS));
        Path quarantine = Path.of(StudyContext.text(execution, ValidationStudy.VAR_QUARANTINE));
        try {
            List<org.clinval.workflows.analysis.CaseResult> cases =
                    CaseResultsCsv.read(caseResults);
            StudyResults results =
                    StudyAnalysis.analyse(
                            s.protocol(),
                            cases,
                            org.clinval.workflows.analysis.TaskInputs.read(
                                    s.protocol(), caseResults, cases));
            Path outDir = s.file(ValidationStudy.REPORTS_DIR);
            Files.createDirectories(outDir);
            List<Path> written =
                    reports.generate(
                            new ReportRequest(
                                    results,
                                    s.file(ValidationStudy.METRICS),
                                    caseResults,
                                    quarantine,
                                    s.file(FileDatasetService.MANIFEST),
                                    outDir));
            SortedMap<String, String> entries = new TreeMap<>();
            for (Path f : written) {
                entries.put(ChecksumManifest.name(s.runDir(), f), Sha256.of(f));
            }
            for (Path f : List.of(s.file(ValidationStudy.METRICS), caseResults)) {
                entries.put(ChecksumManifest.name(s.runDir(), f), Sha256.of(f));
            }
            // The acceptance outcome and its Cucumber reports are signed off with the reports.
            for (String name :
                    List.of(
                            ValidationStudy.ACCEPTANCE,
                            AcceptanceService.CUCUMBER_JSON,
                            AcceptanceService.CUCUMBER_HTML)) {
                Path f = s.file(name);
                if (Files.exists(f)) {
                    entries.put(ChecksumManifest.name(s.runDir(), f), Sha256.of(f));
                }
            }
            Path manifest = s.file(ValidationStudy.REPORTS_MANIFEST);
            new ChecksumManifest(entries).write(manifest);
            s.audit()
                    .recordFile(
                            AuditTrail.SYSTEM,
                            ValidationStudy.GENERATE_REPORTS + " wrote the reports",
                            manifest,
                            written.size() + " reports, verdict " + results.verdict());
        } catch (IOException | IllegalArgumentException e) {
            throw new StudyStepException(
                    ValidationStudy.GENERATE_REPORTS + ": " + e.getMessage(), e);
        }
    }
}
