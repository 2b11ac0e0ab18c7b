package org.clinval.workflows.local;

import java.io.IOException;
import java.nio.file.Path;
import org.clinval.common.Sha256;
import org.clinval.workflows.analysis.CaseResultsCsv;
import org.clinval.workflows.analysis.MetricsJson;
import org.clinval.workflows.analysis.StudyAnalysis;
import org.clinval.workflows.analysis.StudyResults;
import org.clinval.workflows.protocol.StudyProtocol;
import org.clinval.workflows.service.AnalysisService;

/** Reads the case results, runs {@link StudyAnalysis} and writes {@value #METRICS}. */
public final class MetricsAnalysisService implements AnalysisService {

    /** The metrics file name. */
    public static final String METRICS = "metrics.json";

    @Override
    public StudyResults analyse(StudyProtocol protocol, Path caseResults, Path outDir)
            throws IOException {
        StudyResults r = StudyAnalysis.analyse(protocol, CaseResultsCsv.read(caseResults));
        MetricsJson.write(r, Sha256.of(caseResults), outDir.resolve(METRICS));
        return r;
    }
}
