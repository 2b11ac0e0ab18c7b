package org.clinval.risk.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The scenarios of a Cucumber JSON report (the {@code json} plugin: a list of features, each with
 * its {@code elements}).
 *
 * <p>A scenario's status is the worst status of its steps, its {@code before}/{@code after} hooks
 * and those of the background element that precedes it (the JSON formatter writes a background as
 * its own element before each scenario). A scenario without steps counts as {@link
 * ScenarioStatus#UNDEFINED}. Tags are the scenario's own plus its feature's.
 *
 * @param source the file it was read from, for messages
 * @param scenarios the scenarios, in report order
 */
public record CucumberReport(String source, List<ScenarioResult> scenarios) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FAILURE_CHARS = 300;

    public CucumberReport {
        scenarios = List.copyOf(scenarios);
    }

    /**
     * Reads the report {@code file}.
     *
     * @throws ResultsReadException naming the file and the JSON path of a bad value
     * @throws IOException if the file exists but cannot be read
     */
    public static CucumberReport read(Path file) throws ResultsReadException, IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ResultsReadException(file + ": no such file");
        }
        return parse(text, file.toString());
    }

    /** Parses report {@code text}; {@code source} names it in messages. */
    public static CucumberReport parse(String text, String source) throws ResultsReadException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ResultsReadException(source + ": not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new ResultsReadException(
                    source + ": not a Cucumber JSON report (a list of features)");
        }
        List<ScenarioResult> out = new ArrayList<>();
        for (int f = 0; f < root.size(); f++) {
            feature(root.get(f), "[" + f + "]", source, out);
        }
        return new CucumberReport(source, out);
    }

    private static void feature(JsonNode f, String path, String source, List<ScenarioResult> out)
            throws ResultsReadException {
        object(f, path, source);
        String uri = text(f, "uri", path, source);
        String name = f.path("name").asText("");
        List<String> featureTags = tags(f, path, source);
        JsonNode elements = f.path("elements");
        if (elements.isMissingNode() || elements.isNull()) {
            return;
        }
        if (!elements.isArray()) {
            throw new ResultsReadException(source + ": " + path + ".elements: not a list");
        }
        Outcome background = null;
        for (int e = 0; e < elements.size(); e++) {
            String p = path + ".elements[" + e + "]";
            JsonNode el = elements.get(e);
            object(el, p, source);
            Outcome o = outcome(el, p, source);
            if ("background".equals(el.path("type").asText(""))) {
                background = o;
                continue;
            }
            if (background != null) {
                o = background.then(o);
                background = null;
            }
            Set<String> tags = new LinkedHashSet<>(featureTags);
            tags.addAll(tags(el, p, source));
            out.add(
                    new ScenarioResult(
                            uri,
                            name,
                            el.path("name").asText(""),
                            el.path("line").asInt(0),
                            List.copyOf(tags),
                            o.steps == 0 ? o.status.worst(ScenarioStatus.UNDEFINED) : o.status,
                            Optional.ofNullable(o.failure)));
        }
    }

    /** The combined status of an element's hooks and steps. */
    private static final class Outcome {
        ScenarioStatus status = ScenarioStatus.PASSED;
        int steps;
        String failure;

        Outcome then(Outcome other) {
            Outcome o = new Outcome();
            o.status = status.worst(other.status);
            o.steps = steps + other.steps;
            o.failure = failure != null ? failure : other.failure;
            return o;
        }
    }

    private static Outcome outcome(JsonNode el, String path, String source)
            throws ResultsReadException {
        Outcome o = new Outcome();
        for (String key : List.of("before", "steps", "after")) {
            JsonNode list = el.path(key);
            if (list.isMissingNode() || list.isNull()) {
                continue;
            }
            if (!list.isArray()) {
                throw new ResultsReadException(source + ": " + path + "." + key + ": not a list");
            }
            for (int i = 0; i < list.size(); i++) {
                String p = path + "." + key + "[" + i + "]";
                JsonNode result = list.get(i).path("result");
                if (!result.isObject()) {
                    throw new ResultsReadException(source + ": " + p + ".result: missing");
                }
                ScenarioStatus s;
                try {
                    s = ScenarioStatus.parse(text(result, "status", p + ".result", source));
                } catch (IllegalArgumentException e) {
                    throw new ResultsReadException(
                            source + ": " + p + ".result.status: " + e.getMessage());
                }
                if (key.equals("steps")) o.steps++;
                o.status = o.status.worst(s);
                String error = result.path("error_message").asText("");
                if (s == ScenarioStatus.FAILED && o.failure == null && !error.isBlank()) {
                    o.failure = firstLine(error);
                }
            }
        }
        return o;
    }

    private static String firstLine(String message) {
        String line = message.strip().lines().findFirst().orElseThrow();
        return line.length() > FAILURE_CHARS ? line.substring(0, FAILURE_CHARS) + "…" : line;
    }

    private static List<String> tags(JsonNode node, String path, String source)
            throws ResultsReadException {
        JsonNode tags = node.path("tags");
        List<String> out = new ArrayList<>();
        if (tags.isMissingNode() || tags.isNull()) {
            return out;
        }
        if (!tags.isArray()) {
            throw new ResultsReadException(source + ": " + path + ".tags: not a list");
        }
        for (int i = 0; i < tags.size(); i++) {
            out.add(text(tags.get(i), "name", path + ".tags[" + i + "]", source));
        }
        return out;
    }

    private static void object(JsonNode n, String path, String source) throws ResultsReadException {
        if (!n.isObject()) {
            throw new ResultsReadException(source + ": " + path + ": not an object");
        }
    }

    private static String text(JsonNode n, String key, String path, String source)
            throws ResultsReadException {
        JsonNode v = n.path(key);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new ResultsReadException(
                    source + ": " + path + "." + key + ": missing or not a text");
        }
        return v.asText();
    }
}
