package org.clinval.surveillance.job;

import java.time.Instant;

/**
 * Lines of {@code joined-cases.csv}: every joined case once, from which every window recomputes.
 */
public final class JoinedCases {

    /** The header of {@code joined-cases.csv}. */
    public static final String HEADER =
            "case_id,prediction_time,truth_time,site,manufacturer,model_version,device_version,"
                    + "score,decision,label,truth_source,reader_agreed";

    private JoinedCases() {}

    static String line(CaseRecord r) {
        return Csv.row(
                r.caseId,
                Instant.ofEpochMilli(r.predictionTime).toString(),
                Instant.ofEpochMilli(r.truthTime).toString(),
                r.site,
                r.manufacturer,
                r.modelVersion,
                r.deviceVersion,
                r.score,
                r.decision,
                r.label,
                r.truthSource,
                r.readerAgreed < 0 ? "" : r.readerAgreed == 1 ? "true" : "false");
    }
}
