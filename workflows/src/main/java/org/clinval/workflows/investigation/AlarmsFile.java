package org.clinval.workflows.investigation;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code alarms.jsonl} of a surveillance output folder: one JSON object per line with {@code
 * alarm_id}, {@code kind}, {@code stratum}, {@code metric}, {@code window_start}, {@code
 * window_end}, {@code raised_at}, {@code summary}, {@code evidence}, {@code requirements} and
 * {@code risk_controls}.
 */
public final class AlarmsFile {

    /** The file's name in a surveillance output folder. */
    public static final String FILE = "alarms.jsonl";

    private AlarmsFile() {}

    /**
     * Returns the alarms of {@code file}, in order; a missing file has none.
     *
     * @throws IOException if it cannot be read, or a line is not an alarm (naming the line and why)
     */
    public static List<AlarmInput> read(Path file) throws IOException {
        List<AlarmInput> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            try {
                out.add(parse(lines.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IOException(
                        file + " line " + (i + 1) + " is not an alarm: " + e.getMessage(), e);
            }
        }
        return out;
    }

    /**
     * Parses one line.
     *
     * @throws IllegalArgumentException naming what is missing or wrong
     */
    public static AlarmInput parse(String line) {
        JsonNode n = Canonical.parse(line, "the line");
        if (!n.isObject()) {
            throw new IllegalArgumentException("it is not a JSON object");
        }
        JsonNode evidence = n.path("evidence");
        return new AlarmInput(
                text(n, "alarm_id"),
                text(n, "kind"),
                text(n, "stratum"),
                text(n, "metric"),
                text(n, "window_start"),
                text(n, "window_end"),
                text(n, "raised_at"),
                n.path("summary").asText(""),
                strings(n.path("requirements")),
                strings(n.path("risk_controls")),
                evidence.isMissingNode() || evidence.isNull() ? "{}" : evidence.toString());
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.path(key);
        return v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    private static List<String> strings(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(x -> out.add(x.asText()));
        return out;
    }
}
