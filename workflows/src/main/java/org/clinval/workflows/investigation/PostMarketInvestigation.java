package org.clinval.workflows.investigation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.clinval.workflows.signature.Meaning;
import org.clinval.workflows.signature.Roles;
import org.clinval.workflows.signature.UserAccount;

/**
 * The names of the {@code post-market-investigation} process: its key, its user tasks with their
 * groups, meanings, recorded values and signed records, its variables, and who may sign what. The
 * BPMN file {@value #RESOURCE} uses exactly these.
 *
 * <p>Group rules: {@link #TRIAGE} and {@link #ROOT_CAUSE_ANALYSIS} are signed by a member of
 * {@value #PMS_ANALYST} (the post-market surveillance analysts: a group of the user registry like
 * any other, granted with {@code clinval user grant}); the {@link #DECISION} by a {@value
 * Roles#QA_LEAD}, who must not be the user who signed the root-cause analysis of the same
 * investigation: the decision is an independent review of the findings.
 */
public final class PostMarketInvestigation {

    /** The process definition key. */
    public static final String PROCESS = "post-market-investigation";

    /** The BPMN resource on the class path. */
    public static final String RESOURCE = "org/clinval/workflows/post-market-investigation.bpmn";

    // User tasks, in order.
    public static final String TRIAGE = "Triage";
    public static final String ROOT_CAUSE_ANALYSIS = "RootCauseAnalysis";
    public static final String DECISION = "Decision";

    /** The end event. */
    public static final String INVESTIGATION_CLOSED = "InvestigationClosed";

    /** The group of the analysts who triage and analyse. */
    public static final String PMS_ANALYST = "pms-analyst";

    // Variables: plain strings, the lists and recorded values as UTF-8 JSON bytes.
    public static final String VAR_FOLDER = "folder";
    public static final String VAR_INVESTIGATION_ID = "investigationId";
    public static final String VAR_KIND = "kind";
    public static final String VAR_STRATUM = "stratum";
    public static final String VAR_METRIC = "metric";
    public static final String VAR_WINDOW_START = "windowStart";
    public static final String VAR_WINDOW_END = "windowEnd";
    public static final String VAR_OPENED = "opened";
    public static final String VAR_CLOSED = "closed";
    public static final String VAR_ALARMS = "alarms";
    public static final String VAR_VALUES_SUFFIX = "Values";
    public static final String VAR_SIGNER_SUFFIX = "Signer";

    /** The decision, one of {@link Decision#key()}; the gateway reads it. */
    public static final String VAR_DECISION = "decision";

    // Recorded values.
    public static final String PRIORITY = "priority";
    public static final String NOTES = "notes";
    public static final String FINDINGS = "findings";
    public static final String RATIONALE = "rationale";

    /** The priorities a triage may record. */
    public static final List<String> PRIORITIES = List.of("low", "medium", "high");

    /** The group of each user task. */
    public static final Map<String, String> GROUPS =
            Map.of(TRIAGE, PMS_ANALYST, ROOT_CAUSE_ANALYSIS, PMS_ANALYST, DECISION, Roles.QA_LEAD);

    /** The values each user task records, all required. */
    public static final Map<String, List<String>> FIELDS =
            Map.of(
                    TRIAGE, List.of(PRIORITY, NOTES),
                    ROOT_CAUSE_ANALYSIS, List.of(FINDINGS),
                    DECISION, List.of(VAR_DECISION, RATIONALE));

    /** The meanings a signature on each user task may have. */
    public static final Map<String, Set<Meaning>> MEANINGS =
            Map.of(
                    TRIAGE, Set.of(Meaning.AUTHORED, Meaning.REVIEWED),
                    ROOT_CAUSE_ANALYSIS, Set.of(Meaning.AUTHORED, Meaning.REVIEWED),
                    DECISION, Set.of(Meaning.APPROVED));

    /** The record each task's signature is on, in the investigation's folder. */
    public static final Map<String, String> RECORDS =
            Map.of(
                    TRIAGE, "triage.json",
                    ROOT_CAUSE_ANALYSIS, "root-cause.json",
                    DECISION, "decision.json");

    /** The keys of investigations.json for each task's values. */
    static final Map<String, String> JSON_KEYS =
            Map.of(TRIAGE, "triage", ROOT_CAUSE_ANALYSIS, "root_cause", DECISION, "decision");

    private PostMarketInvestigation() {}

    /** Returns the signed record of task {@code key} of investigation {@code id}. */
    public static String record(String id, String key) {
        return id + "/" + RECORDS.get(key);
    }

    /** Returns the variable holding the user who signed task {@code key}. */
    static String signerVariable(String key) {
        return key + VAR_SIGNER_SUFFIX;
    }

    /** Returns the variable holding the values task {@code key} recorded. */
    static String valuesVariable(String key) {
        return key + VAR_VALUES_SUFFIX;
    }

    /**
     * Returns why {@code user} may not sign task {@code key} besides the group, or empty.
     *
     * @param rootCauseSigner who signed the root-cause analysis of the investigation, if anyone
     */
    public static Optional<String> dutyRefusal(
            UserAccount user, String key, Optional<String> rootCauseSigner) {
        if (key.equals(DECISION) && rootCauseSigner.filter(user.id()::equals).isPresent()) {
            return Optional.of(
                    user.id()
                            + " signed the root-cause analysis of this investigation and may not"
                            + " sign its decision");
        }
        return Optional.empty();
    }

    /**
     * Checks the values of task {@code key}: every field present and not blank, the priority and
     * the decision among the allowed ones, no other field.
     *
     * @throws IllegalArgumentException naming the task and the bad value
     */
    public static void checkValues(String key, Map<String, String> values) {
        List<String> fields = FIELDS.get(key);
        if (fields == null) {
            throw new IllegalArgumentException("not a task of the investigation: " + key);
        }
        for (String name : values.keySet()) {
            if (!fields.contains(name)) {
                throw new IllegalArgumentException(
                        key + " records " + fields + ", not '" + name + "'");
            }
        }
        for (String f : fields) {
            String v = values.get(f);
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException(key + " needs a " + f + " (" + fields + ")");
            }
        }
        if (key.equals(TRIAGE) && !PRIORITIES.contains(values.get(PRIORITY).trim())) {
            throw new IllegalArgumentException(
                    "priority is not one of " + PRIORITIES + ": " + values.get(PRIORITY));
        }
        if (key.equals(DECISION)) {
            Decision.parse(values.get(VAR_DECISION));
        }
    }
}
