package org.clinval.risk.postproduction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clinval.risk.results.ResultsReadException;

/**
 * Reads the post-market investigations of a surveillance output folder: {@code
 * investigations/investigations.json} (the folder, its {@code investigations/} or the file itself
 * may be given). An investigation's risk controls are its {@code risk_controls}; when the file does
 * not carry them they are those of its alarms in the surveillance folder's {@code alarms.jsonl}.
 */
public final class InvestigationsReader {

    /** The file, in a surveillance output folder. */
    public static final String FILE = "investigations/investigations.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private InvestigationsReader() {}

    /**
     * Reads the investigations of {@code location}; a surveillance folder without investigations
     * has none.
     *
     * @throws ResultsReadException naming the file and the bad value
     * @throws IOException if a file cannot be read
     */
    public static PostProductionInformation read(Path location)
            throws ResultsReadException, IOException {
        Path file = file(location);
        if (!Files.isRegularFile(file)) {
            if (Files.isDirectory(location)) {
                return new PostProductionInformation(location.toString(), List.of());
            }
            throw new ResultsReadException(
                    location + ": not a surveillance output folder or " + FILE);
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ResultsReadException(file + ": not JSON: " + e.getOriginalMessage(), e);
        }
        if (!root.isArray()) {
            throw new ResultsReadException(file + ": not a list of investigations");
        }
        Map<String, List<String>> alarmControls = null;
        List<Investigation> out = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode n = root.get(i);
            String at = file + ": investigation " + (i + 1);
            String id = text(n, "investigation_id", at);
            String state = text(n, "state", at + " (" + id + ")");
            if (!state.equals("open") && !state.equals("closed")) {
                throw new ResultsReadException(
                        at + " (" + id + "): state is not open or closed: " + state);
            }
            List<String> alarms = strings(n.path("alarm_ids"));
            List<String> controls;
            if (n.has("risk_controls")) {
                controls = strings(n.get("risk_controls"));
            } else {
                if (alarmControls == null) alarmControls = alarmControls(file);
                LinkedHashSet<String> c = new LinkedHashSet<>();
                for (String a : alarms) c.addAll(alarmControls.getOrDefault(a, List.of()));
                controls = List.copyOf(c);
            }
            String start = n.path("window_start").asText("");
            String end = n.path("window_end").asText("");
            out.add(
                    new Investigation(
                            id,
                            state.equals("open"),
                            alarms,
                            n.path("kind").asText("alarm"),
                            text(n, "stratum", at),
                            text(n, "metric", at),
                            start.isEmpty() || end.isEmpty() ? "" : "[" + start + ", " + end + ")",
                            controls,
                            optional(n, "decision"),
                            optional(n, "rationale"),
                            optional(n, "closed")));
        }
        return new PostProductionInformation(location.toString(), out);
    }

    private static Path file(Path location) {
        if (Files.isRegularFile(location)) return location;
        Path inFolder = location.resolve("investigations.json");
        return Files.isRegularFile(inFolder) ? inFolder : location.resolve(FILE);
    }

    /** The risk controls of each alarm of {@code alarms.jsonl} beside the investigations folder. */
    private static Map<String, List<String>> alarmControls(Path file)
            throws IOException, ResultsReadException {
        Map<String, List<String>> out = new HashMap<>();
        Path alarms = file.toAbsolutePath().getParent().resolveSibling("alarms.jsonl");
        if (!Files.isRegularFile(alarms)) {
            return out;
        }
        List<String> lines = Files.readAllLines(alarms, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            try {
                JsonNode a = JSON.readTree(lines.get(i));
                out.put(a.path("alarm_id").asText(), strings(a.path("risk_controls")));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new ResultsReadException(
                        alarms + " line " + (i + 1) + ": not JSON: " + e.getOriginalMessage(), e);
            }
        }
        return out;
    }

    private static String text(JsonNode n, String key, String at) throws ResultsReadException {
        if (!n.path(key).isTextual() || n.get(key).asText().isBlank()) {
            throw new ResultsReadException(at + ": \"" + key + "\" is missing");
        }
        return n.get(key).asText();
    }

    private static Optional<String> optional(JsonNode n, String key) {
        return n.path(key).isTextual() && !n.get(key).asText().isBlank()
                ? Optional.of(n.get(key).asText())
                : Optional.empty();
    }

    private static List<String> strings(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(x -> out.add(x.asText()));
        return out;
    }
}
