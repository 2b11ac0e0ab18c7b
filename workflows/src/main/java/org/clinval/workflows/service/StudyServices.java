package org.clinval.workflows.service;

import java.util.Objects;

/**
 * The registry of services a study engine is built with; each step calls one of them.
 *
 * @param dataset registers and locks the inputs
 * @param phi scans for identifying data and de-identifies
 * @param inference runs the model over the cases
 * @param analysis computes the endpoints
 * @param reports writes the reports
 * @param archive archives the run folder
 */
public record StudyServices(
        DatasetService dataset,
        PhiService phi,
        InferenceService inference,
        AnalysisService analysis,
        ReportService reports,
        ArchiveService archive) {

    public StudyServices {
        Objects.requireNonNull(dataset, "dataset service");
        Objects.requireNonNull(phi, "PHI service");
        Objects.requireNonNull(inference, "inference service");
        Objects.requireNonNull(analysis, "analysis service");
        Objects.requireNonNull(reports, "report service");
        Objects.requireNonNull(archive, "archive service");
    }
}
