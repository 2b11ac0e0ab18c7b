package org.clinval.app.study;

import java.io.PrintWriter;
import java.time.Clock;
import org.clinval.features.service.CucumberAcceptanceService;
import org.clinval.workflows.local.FileDatasetService;
import org.clinval.workflows.local.MetricsAnalysisService;
import org.clinval.workflows.local.ZipArchiveService;
import org.clinval.workflows.service.StudyServices;

/**
 * The services of the study steps as this build wires them: registration, lock, analysis and
 * archive from the workflows module; PHI scan and de-identification over the imaging module;
 * inference as the Flink job of the streaming-inference module; the acceptance criteria with
 * Cucumber; the reports with the reports module.
 */
public final class Studies {

    /** Parallel subtasks of the inference job on the in-process cluster (2 cores). */
    static final int PARALLELISM = 2;

    /** The validation report's file name in the run's reports folder. */
    public static final String REPORT_PDF = org.clinval.reports.study.StudyReportService.PDF;

    /** The workbook's file name in the run's reports folder. */
    public static final String REPORT_XLSX = org.clinval.reports.study.StudyReportService.XLSX;

    private Studies() {}

    /** Returns the SHA-256 of a file, in hex. */
    public static String sha256(java.nio.file.Path file) throws java.io.IOException {
        return org.clinval.common.Sha256.of(file);
    }

    /** Returns the services of the study steps, inference in-process. */
    public static StudyServices services(PrintWriter err, Clock clock) {
        return services(err, clock, null);
    }

    /**
     * Returns the services of the study steps; progress of long steps goes to {@code err}, and
     * inference runs on the Flink cluster at {@code flink} ({@code host:port}) when it is given.
     */
    public static StudyServices services(PrintWriter err, Clock clock, String flink) {
        return services(err, clock, flink, PARALLELISM);
    }

    /** As {@link #services(PrintWriter, Clock, String)}, with the inference job's parallelism. */
    public static StudyServices services(
            PrintWriter err, Clock clock, String flink, int parallelism) {
        return new StudyServices(
                new StudyInputAdapter(),
                new FileDatasetService(),
                new ImagingPhiService(),
                new FlinkInferenceService(parallelism, flink, err),
                new MetricsAnalysisService(),
                new CucumberAcceptanceService(),
                new org.clinval.reports.study.StudyReportService(
                        clock, org.clinval.app.Version.current()),
                new ZipArchiveService());
    }
}
