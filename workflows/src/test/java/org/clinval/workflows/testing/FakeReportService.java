package org.clinval.workflows.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clinval.workflows.analysis.EndpointResult;
import org.clinval.workflows.analysis.StudyResults;
import org.clinval.workflows.service.ReportRequest;
import org.clinval.workflows.service.ReportService;

/**
 * Stand-in for the reports module: a text report with the verdict of the study and each endpoint.
 */
public final class FakeReportService implements ReportService {

    @Override
    public List<Path> generate(ReportRequest request) throws IOException {
        StudyResults r = request.results();
        StringBuilder s = new StringBuilder();
        s.append("Validation report ").append(r.protocol().id()).append('\n');
        s.append("Study verdict: ").append(r.verdict()).append('\n');
        for (EndpointResult e : r.endpoints()) {
            s.append(e.endpoint().id())
                    .append(' ')
                    .append(e.verdict())
                    .append(": ")
                    .append(String.join("; ", e.reasons()))
                    .append('\n');
        }
        Path file = request.outDir().resolve("validation-report.txt");
        Files.writeString(file, s, StandardCharsets.UTF_8);
        return List.of(file);
    }
}
