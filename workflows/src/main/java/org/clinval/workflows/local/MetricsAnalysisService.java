package org.clinval.workflows.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.clinval.common.Sha256;
import org.clinval.workflows.analysis.CaseResult;
import org.clinval.workflows.analysis.CaseResultsCsv;
import org.clinval.workflows.analysis.MetricsJson;
import org.clinval.workflows.analysis.StudyAnalysis;
import org.clinval.workflows.analysis.StudyResults;
import org.clinval.workflows.analysis.TaskInputs;
import org.clinval.workflows.protocol.StudyProtocol;
import org.clinval.workflows.service.AnalysisService;

/**
 * Reads the case results (and what the protocol's task adds: the segmentation columns, or the
 * candidates and lesions beside them), runs {@link StudyAnalysis} and writes {@value #METRICS}.
 */
public final class MetricsAnalysisService implements AnalysisService {

    /** The metrics file name. */
    public static final String METRICS = "metrics.json";

    @Override
    public StudyResults analyse(StudyProtocol protocol, Path caseResults, Path outDir)
            throws IOException {
        List<CaseResult> cases = CaseResultsCsv.read(caseResults);
        StudyResults r =
                StudyAnalysis.analyse(
                        protocol, cases, TaskInputs.read(protocol, caseResults, cases));
        MetricsJson.write(r, Sha256.of(caseResults), outDir.resolve(METRICS));
        return r;
    }
}
