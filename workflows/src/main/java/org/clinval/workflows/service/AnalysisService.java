package org.clinval.workflows.service;

import java.io.IOException;
import java.nio.file.Path;
import org.clinval.workflows.analysis.StudyResults;
import org.clinval.workflows.protocol.StudyProtocol;

/** Analyses case results under the protocol and writes {@code metrics.json}. */
public interface AnalysisService {

    /** Analyses {@code caseResults} and writes {@code metrics.json} into {@code outDir}. */
    StudyResults analyse(StudyProtocol protocol, Path caseResults, Path outDir) throws IOException;
}
