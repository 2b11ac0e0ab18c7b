package org.clinval.workflows.audit;

import java.util.Optional;

/**
 * The outcome of checking an audit trail.
 *
 * @param ok whether the trail is intact
 * @param entries lines in the trail
 * @param firstBad the first position at which the trail differs from what was written
 */
public record AuditVerification(boolean ok, long entries, Optional<Finding> firstBad) {

    /**
     * Where and how the trail was changed.
     *
     * @param sequence the sequence number that should be at the first bad position (its line
     *     number); one past the last line when entries were removed from the end
     * @param what the thing that differs: {@code entry 7}, {@code audit-head.json}, {@code
     *     audit-checkpoints.jsonl line 2}
     * @param problem what was found there, in words
     */
    public record Finding(long sequence, String what, String problem) {}

    static AuditVerification intact(long entries) {
        return new AuditVerification(true, entries, Optional.empty());
    }

    static AuditVerification bad(long entries, long sequence, String problem) {
        return bad(entries, sequence, "entry " + sequence, problem);
    }

    static AuditVerification bad(long entries, long sequence, String what, String problem) {
        return new AuditVerification(
                false, entries, Optional.of(new Finding(sequence, what, problem)));
    }
}
