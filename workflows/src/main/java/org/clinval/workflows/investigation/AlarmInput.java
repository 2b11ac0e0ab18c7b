package org.clinval.workflows.investigation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * An alarm of the surveillance job, as a line of {@code alarms.jsonl} gives it.
 *
 * @param alarmId the alarm's id, unique in the surveillance output
 * @param kind {@code cusum}, {@code drift} or {@code goal}
 * @param stratum e.g. {@code all} or {@code site=A}
 * @param metric e.g. {@code sensitivity} or {@code score}
 * @param windowStart the start of the window that raised it (inclusive)
 * @param windowEnd the end of that window (exclusive)
 * @param raisedAt when it was raised, ISO-8601
 * @param summary the alarm in words
 * @param requirements the requirements the metric verifies, possibly none
 * @param riskControls the risk controls the metric verifies, possibly none
 * @param evidenceJson the alarm's evidence, a JSON object ({@code {}} when there is none)
 */
public record AlarmInput(
        String alarmId,
        String kind,
        String stratum,
        String metric,
        String windowStart,
        String windowEnd,
        String raisedAt,
        String summary,
        List<String> requirements,
        List<String> riskControls,
        String evidenceJson) {

    public AlarmInput {
        text("alarm_id", alarmId, alarmId);
        text("kind", kind, alarmId);
        text("stratum", stratum, alarmId);
        text("metric", metric, alarmId);
        text("window_start", windowStart, alarmId);
        text("window_end", windowEnd, alarmId);
        text("raised_at", raisedAt, alarmId);
        summary = summary == null ? "" : summary;
        requirements = List.copyOf(requirements == null ? List.of() : requirements);
        riskControls = List.copyOf(riskControls == null ? List.of() : riskControls);
        evidenceJson = evidenceJson == null || evidenceJson.isBlank() ? "{}" : evidenceJson;
        JsonNode evidence = Canonical.parse(evidenceJson, "evidence of alarm " + alarmId);
        if (!evidence.isObject()) {
            throw new IllegalArgumentException(
                    "evidence of alarm " + alarmId + " is not a JSON object: " + evidenceJson);
        }
    }

    /** Returns the alarm as an object with the keys of {@code alarms.jsonl}, keys sorted. */
    public ObjectNode toJson() {
        ObjectNode o = Canonical.object();
        o.put("alarm_id", alarmId);
        o.put("kind", kind);
        o.put("stratum", stratum);
        o.put("metric", metric);
        o.put("window_start", windowStart);
        o.put("window_end", windowEnd);
        o.put("raised_at", raisedAt);
        o.put("summary", summary);
        o.set("evidence", Canonical.parse(evidenceJson, "evidence of alarm " + alarmId));
        ArrayNode r = o.putArray("requirements");
        requirements.forEach(r::add);
        ArrayNode c = o.putArray("risk_controls");
        riskControls.forEach(c::add);
        return (ObjectNode) Canonical.sorted(o);
    }

    /** Returns the alarm's investigation key: its kind, stratum and metric. */
    String subject() {
        return kind + " on " + metric + ", stratum " + stratum;
    }

    private static void text(String name, String value, String alarmId) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    "alarm " + (alarmId == null ? "(no id)" : alarmId) + " has no " + name);
        }
    }
}
