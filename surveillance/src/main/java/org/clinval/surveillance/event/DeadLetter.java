package org.clinval.surveillance.event;

/**
 * An event the job could not use, with why: malformed JSON, an unknown type, a missing or invalid
 * field, a duplicate, a late event, or a ground truth with no prediction. Written to {@code
 * dead-letter.jsonl} in full so that nothing is lost silently.
 */
public class DeadLetter {
    public String origin;
    public String caseId;
    public String reason;
    public String raw;

    public DeadLetter() {}

    public DeadLetter(String origin, String caseId, String reason, String raw) {
        this.origin = origin;
        this.caseId = caseId;
        this.reason = reason;
        this.raw = raw;
    }
}
