package org.clinval.workflows;

import java.util.Map;
import java.util.Set;
import org.clinval.workflows.signature.Meaning;

/**
 * The names of the {@code validation-study} process: its key, the ids of its steps, the groups of
 * its user tasks, the variables it carries and the error it models. The BPMN file {@value
 * #RESOURCE} uses exactly these.
 */
public final class ValidationStudy {

    /** The process definition key. */
    public static final String PROCESS = "validation-study";

    /** The BPMN resource on the class path. */
    public static final String RESOURCE = "org/clinval/workflows/validation-study.bpmn";

    // Steps, in order.
    public static final String REGISTER_PROTOCOL = "RegisterProtocol";
    public static final String APPROVE_PROTOCOL = "ApproveProtocol";
    public static final String LOCK_DATASET = "LockDataset";
    public static final String CHECK_PHI = "CheckPhi";
    public static final String RUN_INFERENCE = "RunInference";
    public static final String ANALYSE = "Analyse";
    public static final String VERIFY_ACCEPTANCE_CRITERIA = "VerifyAcceptanceCriteria";
    public static final String GENERATE_REPORTS = "GenerateReports";
    public static final String ACCEPTANCE_CRITERIA_MET = "AcceptanceCriteriaMet";
    public static final String QA_SIGN_OFF = "QaSignOff";
    public static final String ARCHIVE = "Archive";
    public static final String RECORD_DEVIATION = "RecordDeviation";
    public static final String ARCHIVE_FAILED_STUDY = "ArchiveFailedStudy";

    // End states.
    public static final String STUDY_PASSED = "StudyPassed";
    public static final String STUDY_FAILED = "StudyFailed";
    public static final String STUDY_STOPPED = "StudyStopped";

    /** The error code {@link #LOCK_DATASET} throws when the inputs changed since registration. */
    public static final String DATASET_CHANGED = "DATASET_CHANGED";

    // Candidate groups.
    public static final String QA_LEAD = org.clinval.workflows.signature.Roles.QA_LEAD;
    public static final String QA_REVIEWER = org.clinval.workflows.signature.Roles.QA_REVIEWER;

    // Variables (all plain strings and booleans).
    public static final String VAR_RUN_DIR = "runDir";
    public static final String VAR_PROTOCOL_SOURCE = "protocolSource";
    public static final String VAR_PROTOCOL_BASE = "protocolBase";
    public static final String VAR_STUDY_ID = "studyId";
    public static final String VAR_IMAGES = "images";
    public static final String VAR_CASE_RESULTS = "caseResults";
    public static final String VAR_QUARANTINE = "quarantine";
    public static final String VAR_PHI_QUARANTINE = "phiQuarantine";

    /** Whether every primary endpoint passed (set by {@link #ANALYSE}). */
    public static final String VAR_CRITERIA_MET = "criteriaMet";

    /**
     * Whether every acceptance scenario passed, or the protocol has none (set by {@link
     * #VERIFY_ACCEPTANCE_CRITERIA}). The gateway {@link #ACCEPTANCE_CRITERIA_MET} takes the pass
     * path only when this and {@link #VAR_CRITERIA_MET} are both true.
     */
    public static final String VAR_SCENARIOS_PASSED = "scenariosPassed";

    public static final String VAR_STOP_REASON = "stopReason";
    public static final String VAR_ARCHIVE = "archive";

    /** Files in the run folder. */
    public static final String METRICS = "metrics.json";

    public static final String REPORTS_DIR = "reports";
    public static final String REPORTS_MANIFEST = "reports.sha256";
    public static final String DEVIATION = "deviation.json";

    /** The outcome of the acceptance scenarios (see {@code AcceptanceResult#toJson}). */
    public static final String ACCEPTANCE = "acceptance.json";

    public static final String CASE_RESULTS = "case-results.csv";
    public static final String QUARANTINE = "quarantine.csv";

    /** The cases the PHI step took out, with reasons ({@code case_id,reason}). */
    public static final String PHI_QUARANTINE = "phi-quarantine.csv";

    /** What each user task's signature is on, relative to the run folder. */
    public static final Map<String, String> SIGNED_OBJECT =
            Map.of(
                    APPROVE_PROTOCOL, ApprovalRecord.FILE,
                    QA_SIGN_OFF, REPORTS_MANIFEST,
                    RECORD_DEVIATION, DEVIATION);

    /** The meanings a signature on each user task may have. */
    public static final Map<String, Set<Meaning>> MEANINGS =
            Map.of(
                    APPROVE_PROTOCOL, Set.of(Meaning.APPROVED),
                    QA_SIGN_OFF, Set.of(Meaning.REVIEWED, Meaning.APPROVED),
                    RECORD_DEVIATION, Set.of(Meaning.AUTHORED, Meaning.REVIEWED));

    private ValidationStudy() {}
}
