package org.clinval.surveillance.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.clinval.surveillance.baseline.Baseline;

/**
 * Builds the lines of {@code alarms.jsonl}; an alarm's id is the same on every run of the same
 * events.
 */
final class Alarms {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Alarms() {}

    static ObjectNode evidence() {
        return JSON.createObjectNode();
    }

    static String alarm(
            String kind,
            String stratum,
            String metric,
            long windowStart,
            long windowEnd,
            String summary,
            ObjectNode evidence,
            Optional<Baseline.Goal> goal) {
        ObjectNode n = JSON.createObjectNode();
        n.put(
                "alarm_id",
                "ALM-"
                        + kind
                        + "-"
                        + stratum.replaceAll("[^A-Za-z0-9._=-]", "_")
                        + "-"
                        + metric
                        + "-"
                        + Csv.day(windowStart));
        n.put("kind", kind);
        n.put("stratum", stratum);
        n.put("metric", metric);
        n.put("window_start", Csv.day(windowStart));
        n.put("window_end", Csv.day(windowEnd));
        n.put("raised_at", java.time.Instant.ofEpochMilli(windowEnd).toString());
        n.put("summary", summary);
        n.set("evidence", evidence);
        ArrayNode req = n.putArray("requirements");
        ArrayNode rc = n.putArray("risk_controls");
        List<String> r = goal.map(Baseline.Goal::requirements).orElse(List.of());
        List<String> c = goal.map(Baseline.Goal::riskControls).orElse(List.of());
        r.forEach(req::add);
        c.forEach(rc::add);
        return n.toString();
    }
}
