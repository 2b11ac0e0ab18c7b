package org.clinval.workflows.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The registry of services a study engine is built with; each step calls one of them.
 *
 * @param inputs checks the inputs before anything runs, and registers the cases
 * @param dataset registers and locks the inputs
 * @param phi scans for identifying data and de-identifies
 * @param inference runs the model over the cases
 * @param analysis computes the endpoints
 * @param acceptance runs the protocol's acceptance criteria (Gherkin)
 * @param reports writes the reports
 * @param archive archives the run folder
 */
public record StudyServices(
        InputCheckService inputs,
        DatasetService dataset,
        PhiService phi,
        InferenceService inference,
        AnalysisService analysis,
        AcceptanceService acceptance,
        ReportService reports,
        ArchiveService archive) {

    public StudyServices {
        Objects.requireNonNull(inputs, "input check service");
        Objects.requireNonNull(dataset, "dataset service");
        Objects.requireNonNull(phi, "PHI service");
        Objects.requireNonNull(inference, "inference service");
        Objects.requireNonNull(analysis, "analysis service");
        Objects.requireNonNull(acceptance, "acceptance service");
        Objects.requireNonNull(reports, "report service");
        Objects.requireNonNull(archive, "archive service");
    }

    /**
     * Returns the services without an acceptance runner: a study whose protocol names no features
     * folder runs as before; one that names a folder stops at the acceptance step with an incident
     * saying the runner is not wired, rather than skipping its criteria.
     */
    public StudyServices(
            InputCheckService inputs,
            DatasetService dataset,
            PhiService phi,
            InferenceService inference,
            AnalysisService analysis,
            ReportService reports,
            ArchiveService archive) {
        this(inputs, dataset, phi, inference, analysis, NO_ACCEPTANCE_RUNNER, reports, archive);
    }

    private static final AcceptanceService NO_ACCEPTANCE_RUNNER =
            new AcceptanceService() {
                @Override
                public AcceptanceResult verify(Path runDir, Path features) throws IOException {
                    throw new IOException(
                            "no acceptance runner is wired into this build: the acceptance criteria"
                                    + " in "
                                    + features
                                    + " cannot be run");
                }
            };
}
