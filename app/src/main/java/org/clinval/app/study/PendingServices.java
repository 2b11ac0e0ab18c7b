package org.clinval.app.study;

import java.nio.file.Path;
import java.util.List;
import org.clinval.features.service.CucumberAcceptanceService;
import org.clinval.workflows.local.FileDatasetService;
import org.clinval.workflows.local.MetricsAnalysisService;
import org.clinval.workflows.local.ZipArchiveService;
import org.clinval.workflows.service.InferenceRequest;
import org.clinval.workflows.service.InferenceResult;
import org.clinval.workflows.service.InferenceService;
import org.clinval.workflows.service.PhiScan;
import org.clinval.workflows.service.PhiService;
import org.clinval.workflows.service.ReportRequest;
import org.clinval.workflows.service.ReportService;
import org.clinval.workflows.service.StudyServices;

/**
 * The services of the study steps as this build wires them: registration, lock, analysis and
 * archive from the workflows module; PHI scanning, inference and reports are not wired to the
 * imaging, streaming-inference and reports modules yet, and say so when a study reaches them (the
 * step then stops with an incident naming what is missing).
 */
final class PendingServices {

    private PendingServices() {}

    static StudyServices create() {
        return new StudyServices(
                new FileDatasetService(),
                new PhiService() {
                    @Override
                    public PhiScan scan(Path images) {
                        throw pending("PHI scanning (imaging module)");
                    }

                    @Override
                    public Path deidentify(Path images, Path out) {
                        throw pending("de-identification (imaging module)");
                    }
                },
                new InferenceService() {
                    @Override
                    public InferenceResult run(InferenceRequest request) {
                        throw pending("inference (streaming-inference module)");
                    }
                },
                new MetricsAnalysisService(),
                new CucumberAcceptanceService(),
                new ReportService() {
                    @Override
                    public List<Path> generate(ReportRequest request) {
                        throw pending("report generation (reports module)");
                    }
                },
                new ZipArchiveService());
    }

    private static UnsupportedOperationException pending(String what) {
        return new UnsupportedOperationException(what + " is not wired into this build yet");
    }
}
