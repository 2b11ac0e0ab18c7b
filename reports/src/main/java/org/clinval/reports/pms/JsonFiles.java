package org.clinval.reports.pms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import org.clinval.common.Quote;
import org.clinval.reports.pms.PmsReportInputs.Alarm;
import org.clinval.reports.pms.PmsReportInputs.Baseline;
import org.clinval.reports.pms.PmsReportInputs.BaselineMetric;
import org.clinval.reports.pms.PmsReportInputs.Entry;
import org.clinval.reports.pms.PmsReportInputs.Investigation;
import org.clinval.reports.pms.PmsReportInputs.Signature;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the JSON (and YAML) files of the output folder for {@link PmsOutputFolder}: {@code
 * alarms.jsonl}, {@code investigations/investigations.json}, {@code baseline.json}, the flat
 * records {@code cusum-design.json} and {@code reconciliation.json}, and the plan's window. A
 * missing or mistyped field stops the reading with the file, the line or item, and the field.
 */
final class JsonFiles {

    private static final Set<String> STATES = Set.of("open", "closed");
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonFiles() {}

    static List<Alarm> alarms(Path file, LocalDate from, LocalDate to) throws PmsInputException {
        List<String> lines = lines(file, "alarms.jsonl");
        List<Alarm> alarms = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String where = "alarms.jsonl line " + (i + 1);
            JsonFields f = new JsonFields(where, parse(line, where));
            Alarm a =
                    new Alarm(
                            i + 1,
                            f.text("alarm_id"),
                            f.text("kind"),
                            f.text("stratum"),
                            f.text("metric"),
                            f.date("window_start"),
                            f.date("window_end"),
                            f.text("raised_at"),
                            f.text("summary"),
                            f.entries("evidence"),
                            f.strings("requirements"),
                            f.strings("risk_controls"));
            if (!ids.add(a.alarmId())) {
                throw f.error("alarm_id", "repeats an earlier alarm: " + Quote.value(a.alarmId()));
            }
            if (PmsOutputFolder.overlaps(a.windowStart(), a.windowEnd(), from, to)) {
                alarms.add(a);
            }
        }
        return alarms;
    }

    static List<Investigation> investigations(
            Path file, List<Alarm> alarms, LocalDate from, LocalDate to) throws PmsInputException {
        String name = "investigations/investigations.json";
        JsonNode root = parse(string(file, name), name);
        if (!root.isArray()) {
            throw new PmsInputException(name + ": not a JSON list of investigations");
        }
        Set<String> alarmIds = new HashSet<>();
        alarms.forEach(a -> alarmIds.add(a.alarmId()));
        List<Investigation> out = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonFields f = new JsonFields(name + " item " + (i + 1), root.get(i));
            List<Signature> signatures = new ArrayList<>();
            JsonNode sigs = f.node().get("signatures");
            if (sigs != null && !sigs.isNull()) {
                if (!sigs.isArray()) {
                    throw f.error("signatures", "not a list");
                }
                for (int s = 0; s < sigs.size(); s++) {
                    JsonFields g =
                            new JsonFields(f.where() + ", signature " + (s + 1), sigs.get(s));
                    signatures.add(
                            new Signature(g.text("user"), g.text("meaning"), g.text("time")));
                }
            }
            String state = f.text("state");
            if (!STATES.contains(state)) {
                throw f.error("state", Quote.value(state) + " is not one of " + STATES);
            }
            Investigation inv =
                    new Investigation(
                            f.text("investigation_id"),
                            f.strings("alarm_ids"),
                            f.text("stratum"),
                            f.text("metric"),
                            state,
                            f.text("opened"),
                            f.optionalText("closed"),
                            f.entries("triage"),
                            f.entries("root_cause"),
                            f.optionalText("decision"),
                            f.optionalText("rationale"),
                            signatures);
            if (inv.alarmIds().stream().anyMatch(alarmIds::contains)
                    || openedIn(inv.opened(), from, to)) {
                out.add(inv);
            }
        }
        return out;
    }

    private static boolean openedIn(String opened, LocalDate from, LocalDate to) {
        LocalDate day;
        try {
            day = Instant.parse(opened).atZone(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            try {
                day = LocalDate.parse(opened.length() >= 10 ? opened.substring(0, 10) : opened);
            } catch (DateTimeParseException e2) {
                return false;
            }
        }
        return !day.isBefore(from) && !day.isAfter(to);
    }

    static Baseline baseline(Path file) throws PmsInputException {
        String name = "baseline.json";
        JsonFields f = new JsonFields(name, parse(string(file, name), name));
        OptionalDouble cases = f.number("cases");
        if (cases.isPresent() && (cases.getAsDouble() < 0 || cases.getAsDouble() % 1 != 0)) {
            throw f.error("cases", "not a whole number of cases: " + cases.getAsDouble());
        }
        List<BaselineMetric> metrics = new ArrayList<>();
        Optional<JsonFields> m = f.object("metrics");
        if (m.isEmpty()) {
            throw f.error("metrics", "missing");
        }
        Iterator<String> names = m.get().node().fieldNames();
        while (names.hasNext()) {
            String metric = names.next();
            JsonFields g =
                    m.get().object(metric).orElseThrow(() -> f.error("metrics." + metric, "null"));
            OptionalDouble lower = OptionalDouble.empty();
            OptionalDouble upper = OptionalDouble.empty();
            JsonNode ci = g.node().get("ci");
            if (ci != null && !ci.isNull()) {
                if (!ci.isArray()
                        || ci.size() != 2
                        || !ci.get(0).isNumber()
                        || !ci.get(1).isNumber()) {
                    throw g.error(
                            "ci",
                            "not a pair of numbers [lower, upper]: " + Quote.value(ci.toString()));
                }
                lower = OptionalDouble.of(ci.get(0).asDouble());
                upper = OptionalDouble.of(ci.get(1).asDouble());
            }
            metrics.add(
                    new BaselineMetric(
                            metric,
                            g.number("estimate"),
                            lower,
                            upper,
                            g.number("estimate_min"),
                            g.number("ci_lower_min"),
                            g.strings("requirements"),
                            g.strings("risk_controls")));
        }
        return new Baseline(
                f.text("run"),
                f.text("study"),
                f.text("model_sha256"),
                f.text("dataset_sha256"),
                cases.isPresent()
                        ? OptionalLong.of((long) cases.getAsDouble())
                        : OptionalLong.empty(),
                metrics);
    }

    /**
     * Reads a JSON object, or a list of objects (one design per chart), flattened into entries. The
     * items of a list are prefixed by their {@code metric} when it names each one once, else by
     * their position from 1.
     */
    static List<Entry> entries(Path file, String name) throws PmsInputException {
        JsonNode root = parse(string(file, name), name);
        List<Entry> out = new ArrayList<>();
        if (root.isObject()) {
            JsonFields.flatten("", root, out);
            return out;
        }
        if (!root.isArray()) {
            throw new PmsInputException(name + ": not a JSON object nor a list of objects");
        }
        Map<String, Integer> metrics = new java.util.HashMap<>();
        for (JsonNode item : root) {
            if (item.hasNonNull("metric")) {
                metrics.merge(item.get("metric").asText(), 1, Integer::sum);
            }
        }
        for (int i = 0; i < root.size(); i++) {
            JsonNode item = root.get(i);
            if (!item.isObject()) {
                throw new PmsInputException(name + " item " + (i + 1) + ": not a JSON object");
            }
            String metric = item.hasNonNull("metric") ? item.get("metric").asText() : null;
            String prefix =
                    metric != null && metrics.get(metric) == 1 ? metric : Integer.toString(i + 1);
            JsonFields.flatten(prefix, item, out);
        }
        return out;
    }

    /** The window kind the plan names, if it names one under a key {@code window}. */
    static Optional<String> planWindow(Path file) throws PmsInputException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Object doc;
        try {
            doc =
                    new Yaml(new SafeConstructor(new LoaderOptions()))
                            .load(string(file, "plan.yaml"));
        } catch (RuntimeException e) {
            throw new PmsInputException("plan.yaml is not valid YAML: " + e.getMessage(), e);
        }
        return findWindow(doc);
    }

    private static Optional<String> findWindow(Object node) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (("window".equals(e.getKey()) || "window_kind".equals(e.getKey()))
                        && e.getValue() instanceof String s
                        && Set.of("day", "week", "month").contains(s)) {
                    return Optional.of(s);
                }
            }
            for (Object v : map.values()) {
                Optional<String> found = findWindow(v);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static JsonNode parse(String text, String where) throws PmsInputException {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new PmsInputException(where + ": empty, JSON expected");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new PmsInputException(
                    where
                            + ": not valid JSON at column "
                            + (e.getLocation() == null ? "?" : e.getLocation().getColumnNr())
                            + " (line "
                            + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
                            + " of the value): "
                            + e.getOriginalMessage(),
                    e);
        }
    }

    private static String string(Path file, String name) throws PmsInputException {
        if (!Files.isRegularFile(file)) {
            throw new PmsInputException(name + " is missing: " + file.toAbsolutePath());
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PmsInputException(name + " could not be read: " + e.getMessage(), e);
        }
    }

    private static List<String> lines(Path file, String name) throws PmsInputException {
        return string(file, name).lines().toList();
    }
}
