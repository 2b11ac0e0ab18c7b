package org.clinval.risk.postproduction;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A post-market investigation as the risk file sees it: which alarms opened it, on what, which risk
 * controls their metric verifies, whether it is open and, once closed, what it decided.
 *
 * @param id e.g. {@code INV-0001}
 * @param open whether it is open
 * @param alarmIds the alarms it holds
 * @param kind the alarms' kind, e.g. {@code cusum}
 * @param stratum the alarms' stratum, e.g. {@code site=A}
 * @param metric the alarms' metric, e.g. {@code sensitivity}
 * @param window the alarms' window in words, e.g. {@code [2026-03-01, 2026-03-08)}; empty if not
 *     known
 * @param riskControls the risk controls the alarms' metric verifies
 * @param decision the decision, once closed, e.g. {@code revalidation}
 * @param rationale the decision's rationale, once closed
 * @param closed when it was closed, ISO-8601
 */
public record Investigation(
        String id,
        boolean open,
        List<String> alarmIds,
        String kind,
        String stratum,
        String metric,
        String window,
        List<String> riskControls,
        Optional<String> decision,
        Optional<String> rationale,
        Optional<String> closed) {

    public Investigation {
        Objects.requireNonNull(id, "id");
        alarmIds = List.copyOf(alarmIds);
        riskControls = List.copyOf(riskControls);
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(rationale, "rationale");
        Objects.requireNonNull(closed, "closed");
    }

    /** Returns {@code INV-0001 (cusum on sensitivity, stratum site=A, alarms A1, A2, window …)}. */
    public String describe() {
        return id + " (" + subject() + ")";
    }

    /** Returns {@code cusum on sensitivity, stratum site=A, alarms A1, A2, window …}. */
    public String subject() {
        return kind
                + " on "
                + metric
                + ", stratum "
                + stratum
                + ", "
                + (alarmIds.size() == 1 ? "alarm " : "alarms ")
                + String.join(", ", alarmIds)
                + (window.isEmpty() ? "" : ", window " + window);
    }

    /**
     * Returns where it stands in words: {@code open}, or {@code closed <time>, decision <decision>:
     * <rationale>}.
     */
    public String standing() {
        return open
                ? "open"
                : "closed"
                        + closed.map(c -> " " + c).orElse("")
                        + ", decision "
                        + decision.orElse("(none recorded)")
                        + rationale.map(r -> ": " + r).orElse("");
    }

    /** Returns the investigation and where it stands, e.g. for the information reviewed. */
    public String outcome() {
        return describe() + ": " + standing();
    }
}
