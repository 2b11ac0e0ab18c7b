package org.clinval.workflows.investigation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes {@code investigations.json}: one object per investigation, in id order, with {@code
 * investigation_id}, {@code alarm_ids}, {@code stratum}, {@code metric}, {@code state} ({@code
 * open|closed}), {@code opened}, {@code closed}, {@code triage} ({@code {priority, notes}}), {@code
 * root_cause} ({@code {findings}}), {@code decision}, {@code rationale} and {@code signatures}
 * ({@code [{user, meaning, time, task}]}); values not recorded yet are {@code null}. It also
 * carries the alarms' {@code kind}, {@code window_start}, {@code window_end}, {@code requirements}
 * and {@code risk_controls}, which the risk check reads. Replaced atomically, so a reader never
 * sees half a file.
 */
final class InvestigationsJson {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private InvestigationsJson() {}

    static void write(Path file, List<Investigation> investigations) throws IOException {
        ArrayNode list = JSON.createArrayNode();
        investigations.forEach(i -> list.add(json(i)));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, JSON.writeValueAsString(list) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static ObjectNode json(Investigation i) {
        ObjectNode o = JSON.createObjectNode();
        o.put("investigation_id", i.investigationId());
        ArrayNode alarms = o.putArray("alarm_ids");
        i.alarmIds().forEach(alarms::add);
        o.put("kind", i.kind());
        o.put("stratum", i.stratum());
        o.put("metric", i.metric());
        o.put("window_start", i.windowStart());
        o.put("window_end", i.windowEnd());
        ArrayNode req = o.putArray("requirements");
        i.requirements().forEach(req::add);
        ArrayNode rc = o.putArray("risk_controls");
        i.riskControls().forEach(rc::add);
        o.put("state", i.state());
        o.put("opened", i.opened().toString());
        text(o, "closed", i.closed().map(Object::toString));
        values(o, "triage", i.triage());
        values(o, "root_cause", i.rootCause());
        text(o, "decision", i.decision().map(Decision::key));
        text(o, "rationale", i.rationale());
        ArrayNode sigs = o.putArray("signatures");
        for (Investigation.SignatureSummary s : i.signatures()) {
            ObjectNode n = sigs.addObject();
            n.put("user", s.user());
            n.put("meaning", s.meaning());
            n.put("time", s.time().toString());
            n.put("task", s.task());
        }
        return o;
    }

    private static void values(ObjectNode o, String key, Map<String, String> values) {
        if (values.isEmpty()) {
            o.putNull(key);
            return;
        }
        ObjectNode n = o.putObject(key);
        new java.util.TreeMap<>(values).forEach(n::put);
    }

    private static void text(ObjectNode o, String key, Optional<String> value) {
        if (value.isPresent()) o.put(key, value.get());
        else o.putNull(key);
    }
}
