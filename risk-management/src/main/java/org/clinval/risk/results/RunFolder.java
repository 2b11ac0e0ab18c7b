package org.clinval.risk.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.validation.Interval;

/**
 * The results of a study run folder: {@value #CUCUMBER} (required), and where present {@value
 * #METRICS} with the signatures of {@value #SIGNATURES}.
 *
 * <p>The run id is the folder's name. Each endpoint of {@code metrics.json} is a {@link
 * Measurement} of every requirement and risk control it lists ({@code requirements}, {@code
 * risk_controls}); its {@code estimate}, {@code ci}, {@code method}, {@code verdict} and {@code
 * criterion.level} are taken when present. A signature in {@code signatures.jsonl} backs the
 * measurements when it was made on {@code metrics.json} and its {@code object_sha256} is the file's
 * SHA-256 now: a signature on an earlier version backs nothing.
 */
public final class RunFolder implements ResultsSource {

    /** The Cucumber JSON report of the acceptance step. */
    public static final String CUCUMBER = "cucumber.json";

    /** The endpoint results of the analysis step. */
    public static final String METRICS = "metrics.json";

    /** The electronic signatures made in the run. */
    public static final String SIGNATURES = "signatures.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final CucumberReport report;
    private final Map<String, List<Measurement>> measurements;

    private RunFolder(
            Path dir, CucumberReport report, Map<String, List<Measurement>> measurements) {
        this.dir = dir;
        this.report = report;
        this.measurements = measurements;
    }

    /**
     * Reads run folder {@code dir}.
     *
     * @throws ResultsReadException if it is not a folder, has no Cucumber report, or a file is bad
     * @throws IOException if a file exists but cannot be read
     */
    public static RunFolder open(Path dir) throws ResultsReadException, IOException {
        if (!Files.isDirectory(dir)) {
            throw new ResultsReadException(
                    dir + ": " + (Files.exists(dir) ? "not a folder" : "no such folder"));
        }
        Path cucumber = dir.resolve(CUCUMBER);
        if (!Files.exists(cucumber)) {
            throw new ResultsReadException(
                    dir + ": no " + CUCUMBER + " (the acceptance step's Cucumber JSON report)");
        }
        CucumberReport report = CucumberReport.read(cucumber);
        Map<String, List<Measurement>> m = new LinkedHashMap<>();
        Path metrics = dir.resolve(METRICS);
        if (Files.exists(metrics)) {
            m = measurements(metrics, signature(dir.resolve(SIGNATURES), metrics));
        }
        return new RunFolder(dir, report, m);
    }

    @Override
    public String runId() {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name == null ? dir.toString() : name.toString();
    }

    @Override
    public String location() {
        return dir.toString();
    }

    @Override
    public List<ScenarioResult> scenarios() {
        return report.scenarios();
    }

    @Override
    public List<Measurement> measurements(String id) {
        return measurements.getOrDefault(id, List.of());
    }

    private static Map<String, List<Measurement>> measurements(
            Path file, Optional<String> signature) throws ResultsReadException, IOException {
        JsonNode root = json(file, Files.readString(file, StandardCharsets.UTF_8));
        Map<String, List<Measurement>> out = new LinkedHashMap<>();
        JsonNode endpoints = root.path("endpoints");
        if (!endpoints.isArray()) {
            return out;
        }
        for (int i = 0; i < endpoints.size(); i++) {
            JsonNode e = endpoints.get(i);
            String id = e.path("id").asText("endpoints[" + i + "]");
            Measurement m =
                    new Measurement(
                            METRICS + " endpoint " + id,
                            e.path("name").asText(id),
                            number(e.path("estimate")),
                            interval(e.path("ci"), file, "endpoints[" + i + "].ci"),
                            number(e.path("criterion").path("level")),
                            e.path("method").asText(""),
                            e.hasNonNull("verdict")
                                    ? Optional.of(e.get("verdict").asText())
                                    : Optional.empty(),
                            signature);
            for (String key : List.of("requirements", "risk_controls")) {
                for (JsonNode ref : e.path(key)) {
                    out.computeIfAbsent(ref.asText(), k -> new ArrayList<>()).add(m);
                }
            }
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return out;
    }

    private static OptionalDouble number(JsonNode n) {
        return n.isNumber() && Double.isFinite(n.asDouble())
                ? OptionalDouble.of(n.asDouble())
                : OptionalDouble.empty();
    }

    private static Optional<Interval> interval(JsonNode n, Path file, String path)
            throws ResultsReadException {
        if (!n.isArray() || n.size() != 2 || !n.get(0).isNumber() || !n.get(1).isNumber()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Interval(n.get(0).asDouble(), n.get(1).asDouble()));
        } catch (IllegalArgumentException e) {
            throw new ResultsReadException(file + ": " + path + ": " + e.getMessage());
        }
    }

    /** Returns the signatures on the current {@code metrics} file, one manifestation per line. */
    private static Optional<String> signature(Path signatures, Path metrics)
            throws ResultsReadException, IOException {
        if (!Files.exists(signatures)) {
            return Optional.empty();
        }
        String sha = sha256(metrics);
        List<String> found = new ArrayList<>();
        List<String> lines = Files.readAllLines(signatures, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            JsonNode s = json(signatures, lines.get(i), "line " + (i + 1));
            if (METRICS.equals(s.path("object").asText())
                    && sha.equalsIgnoreCase(s.path("object_sha256").asText())) {
                found.add(
                        s.path("printed_name").asText()
                                + " ("
                                + s.path("user").asText()
                                + "), "
                                + s.path("meaning").asText()
                                + ", "
                                + s.path("time").asText()
                                + ", "
                                + METRICS
                                + " sha256:"
                                + sha);
            }
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", found));
    }

    private static JsonNode json(Path file, String text) throws ResultsReadException {
        return json(file, text, "");
    }

    private static JsonNode json(Path file, String text, String where) throws ResultsReadException {
        try {
            JsonNode n = JSON.readTree(text);
            if (n == null || !n.isObject()) {
                throw new ResultsReadException(
                        file + (where.isEmpty() ? "" : " " + where) + ": not a JSON object");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new ResultsReadException(
                    file
                            + (where.isEmpty() ? "" : " " + where)
                            + ": not JSON: "
                            + e.getOriginalMessage(),
                    e);
        }
    }

    private static String sha256(Path file) throws IOException {
        return org.clinval.common.Sha256.of(file);
    }
}
