package org.clinval.workflows.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes the study's reports; they state PASS or FAIL per endpoint and for the study. */
public interface ReportService {

    /** Writes the reports into {@code request.outDir()} and returns their paths. */
    List<Path> generate(ReportRequest request) throws IOException;
}
