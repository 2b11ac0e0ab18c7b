package org.clinval.surveillance.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clinval.surveillance.event.DeadLetter;

/** Lines of {@code dead-letter.jsonl}. */
final class DeadLetters {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DeadLetters() {}

    static String json(DeadLetter d) {
        ObjectNode n = JSON.createObjectNode();
        n.put("source", d.origin);
        if (d.caseId != null) n.put("case_id", d.caseId);
        n.put("reason", d.reason);
        n.put("raw", d.raw);
        return n.toString();
    }
}
