package org.clinval.workflows.testing;

import org.clinval.workflows.local.FileDatasetService;
import org.clinval.workflows.local.MetricsAnalysisService;
import org.clinval.workflows.local.ZipArchiveService;
import org.clinval.workflows.service.StudyServices;

/** This module's services with in-memory stand-ins for those the app implements later. */
public final class TestServices {

    private TestServices() {}

    public static StudyServices create() {
        return new StudyServices(
                new FakeInputCheckService(),
                new FileDatasetService(),
                new FakePhiService(),
                new FakeInferenceService(),
                new MetricsAnalysisService(),
                new FakeAcceptanceService(),
                new FakeReportService(),
                new ZipArchiveService());
    }
}
