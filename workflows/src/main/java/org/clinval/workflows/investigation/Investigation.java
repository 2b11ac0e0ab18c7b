package org.clinval.workflows.investigation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An investigation as {@code investigations.json} shows it.
 *
 * @param investigationId e.g. {@code INV-0001}
 * @param alarmIds the alarms it holds: the one that opened it, then those attached, in order
 * @param kind the alarms' kind
 * @param stratum the alarms' stratum
 * @param metric the alarms' metric
 * @param windowStart the earliest start of the alarms' windows
 * @param windowEnd the latest end of the alarms' windows
 * @param requirements the requirements the alarms' metric verifies
 * @param riskControls the risk controls the alarms' metric verifies
 * @param open whether it is open
 * @param opened when it was opened
 * @param closed when it was closed (the decision was signed), if it is
 * @param triage the values the triage recorded, empty until signed
 * @param rootCause the values the root-cause analysis recorded, empty until signed
 * @param decision the decision, once signed
 * @param rationale the decision's rationale, once signed
 * @param signatures the signatures on its tasks, in order
 */
public record Investigation(
        String investigationId,
        List<String> alarmIds,
        String kind,
        String stratum,
        String metric,
        String windowStart,
        String windowEnd,
        List<String> requirements,
        List<String> riskControls,
        boolean open,
        Instant opened,
        Optional<Instant> closed,
        Map<String, String> triage,
        Map<String, String> rootCause,
        Optional<Decision> decision,
        Optional<String> rationale,
        List<SignatureSummary> signatures) {

    /**
     * A signature on one of its tasks.
     *
     * @param user the signer's user id
     * @param meaning what the signature means, e.g. {@code approved}
     * @param time when it was made
     * @param task the task signed, e.g. {@code Triage}
     */
    public record SignatureSummary(String user, String meaning, Instant time, String task) {}

    public Investigation {
        alarmIds = List.copyOf(alarmIds);
        requirements = List.copyOf(requirements);
        riskControls = List.copyOf(riskControls);
        triage = Map.copyOf(triage);
        rootCause = Map.copyOf(rootCause);
        signatures = List.copyOf(signatures);
    }

    /** Returns {@code open} or {@code closed}. */
    public String state() {
        return open ? "open" : "closed";
    }
}
