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
import java.util.LinkedHashMap;
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
import org.clinval.reports.pms.PmsReportInputs.CusumPoint;
import org.clinval.reports.pms.PmsReportInputs.Drift;
import org.clinval.reports.pms.PmsReportInputs.Entry;
import org.clinval.reports.pms.PmsReportInputs.Investigation;
import org.clinval.reports.pms.PmsReportInputs.Signature;
import org.clinval.reports.pms.PmsReportInputs.VersionSeen;
import org.clinval.reports.pms.PmsReportInputs.Window;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the output folder of {@code clinval pms run} (the files of the issue-11 contract) into
 * {@link PmsReportInputs} for a reporting period. A row or line that cannot be read stops the
 * reading with a message naming the file, line and column: nothing is skipped. Rows outside the
 * period are left out: windows (half-open {@code [start, end)}) that do not overlap the period,
 * CUSUM days outside it.
 */
public final class PmsOutputFolder {

    static final List<String> WINDOW_COLUMNS =
            List.of(
                    "window_kind",
                    "window_start",
                    "window_end",
                    "stratum",
                    "n_predictions",
                    "n_with_truth",
                    "positives",
                    "negatives",
                    "prevalence",
                    "sensitivity",
                    "sensitivity_lower",
                    "sensitivity_upper",
                    "specificity",
                    "specificity_lower",
                    "specificity_upper",
                    "ppv",
                    "ppv_lower",
                    "ppv_upper",
                    "npv",
                    "npv_lower",
                    "npv_upper",
                    "auc",
                    "auc_lower",
                    "auc_upper",
                    "reader_decisions",
                    "override_rate",
                    "override_lower",
                    "override_upper",
                    "mean_score",
                    "level",
                    "ci_method",
                    "undefined");
    static final List<String> DRIFT_COLUMNS =
            List.of(
                    "window_kind",
                    "window_start",
                    "window_end",
                    "stratum",
                    "variable",
                    "kind",
                    "test",
                    "n_baseline",
                    "n_current",
                    "statistic",
                    "p_value",
                    "band",
                    "flag");
    static final List<String> CUSUM_COLUMNS =
            List.of(
                    "day", "stratum", "metric", "value", "n", "mu0", "sigma", "k", "h", "s_hi",
                    "s_lo", "alarm");
    static final List<String> JOINED_COLUMNS =
            List.of(
                    "case_id",
                    "prediction_time",
                    "truth_time",
                    "site",
                    "manufacturer",
                    "model_version",
                    "device_version",
                    "score",
                    "decision",
                    "label",
                    "truth_source",
                    "reader_agreed");

    private static final Set<String> WINDOW_KINDS = Set.of("day", "week", "month", "cumulative");
    private static final Set<String> FLAGS = Set.of("none", "watch", "drift");
    private static final Set<String> CUSUM_ALARMS = Set.of("none", "high", "low");
    private static final Set<String> STATES = Set.of("open", "closed");
    private static final ObjectMapper JSON = new ObjectMapper();

    private PmsOutputFolder() {}

    /**
     * Reads {@code out} for the period from {@code from} to {@code to}, both days included.
     *
     * @throws PmsInputException if a required file is missing or a value cannot be read; the
     *     message names the file, line and column
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    public static PmsReportInputs read(Path out, LocalDate from, LocalDate to)
            throws PmsInputException {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException(
                    "the reporting period ends before it starts: " + from + " to " + to);
        }
        if (!Files.isDirectory(out)) {
            throw new PmsInputException(
                    "not a surveillance output folder: " + out.toAbsolutePath());
        }
        List<Window> windows = windows(out.resolve("windows.csv"), from, to);
        List<Drift> drift = drift(out.resolve("drift.csv"), from, to);
        List<CusumPoint> cusum = cusum(out.resolve("cusum.csv"), from, to);
        List<Alarm> alarms = alarms(out.resolve("alarms.jsonl"), from, to);
        Path invFile = out.resolve("investigations").resolve("investigations.json");
        boolean recorded = Files.isRegularFile(invFile);
        List<Investigation> investigations =
                recorded ? investigations(invFile, alarms, from, to) : List.of();
        Baseline baseline = baseline(out.resolve("baseline.json"));
        Path designFile = out.resolve("cusum-design.json");
        List<Entry> design =
                Files.isRegularFile(designFile)
                        ? entries(designFile, "cusum-design.json")
                        : List.of();
        List<Entry> reconciliation =
                entries(out.resolve("reconciliation.json"), "reconciliation.json");
        List<VersionSeen> versions = versions(out.resolve("joined-cases.csv"), from, to);
        Optional<String> planWindow = planWindow(out.resolve("plan.yaml"));
        return new PmsReportInputs(
                out.toAbsolutePath().normalize().toString(),
                from,
                to,
                Instant.now(),
                windows,
                drift,
                cusum,
                alarms,
                investigations,
                recorded,
                baseline,
                design,
                reconciliation,
                versions,
                planWindow);
    }

    /** Whether the half-open window {@code [start, end)} overlaps the period {@code [from, to]}. */
    static boolean overlaps(LocalDate start, LocalDate end, LocalDate from, LocalDate to) {
        return !start.isAfter(to) && end.isAfter(from);
    }

    private static List<Window> windows(Path file, LocalDate from, LocalDate to)
            throws PmsInputException {
        List<Window> rows = new ArrayList<>();
        CsvTable.read(
                file,
                "windows.csv",
                WINDOW_COLUMNS,
                r -> {
                    LocalDate start = r.date("window_start");
                    LocalDate end = r.date("window_end");
                    if (!end.isAfter(start)) {
                        throw r.error("window_end", "not after window_start " + start);
                    }
                    Window w =
                            new Window(
                                    r.line(),
                                    r.oneOf("window_kind", WINDOW_KINDS),
                                    start,
                                    end,
                                    r.text("stratum"),
                                    r.count("n_predictions"),
                                    r.count("n_with_truth"),
                                    r.count("positives"),
                                    r.count("negatives"),
                                    r.optional("prevalence"),
                                    estimate(r, "sensitivity", "sensitivity"),
                                    estimate(r, "specificity", "specificity"),
                                    estimate(r, "ppv", "ppv"),
                                    estimate(r, "npv", "npv"),
                                    estimate(r, "auc", "auc"),
                                    r.count("reader_decisions"),
                                    estimate(r, "override_rate", "override"),
                                    r.optional("mean_score"),
                                    level(r),
                                    r.text("ci_method"),
                                    r.raw("undefined"));
                    if (overlaps(start, end, from, to)) {
                        rows.add(w);
                    }
                });
        return rows;
    }

    private static double level(CsvTable.Row r) throws PmsInputException {
        double level = r.number("level");
        if (!(level > 0 && level < 1)) {
            throw r.error("level", "not in (0, 1): " + r.raw("level"));
        }
        return level;
    }

    private static PmsReportInputs.Estimate estimate(CsvTable.Row r, String value, String bounds)
            throws PmsInputException {
        return new PmsReportInputs.Estimate(
                r.optional(value), r.optional(bounds + "_lower"), r.optional(bounds + "_upper"));
    }

    private static List<Drift> drift(Path file, LocalDate from, LocalDate to)
            throws PmsInputException {
        List<Drift> rows = new ArrayList<>();
        CsvTable.read(
                file,
                "drift.csv",
                DRIFT_COLUMNS,
                r -> {
                    LocalDate start = r.date("window_start");
                    LocalDate end = r.date("window_end");
                    Drift d =
                            new Drift(
                                    r.line(),
                                    r.oneOf("window_kind", WINDOW_KINDS),
                                    start,
                                    end,
                                    r.text("stratum"),
                                    r.text("variable"),
                                    r.oneOf("kind", Set.of("numeric", "categorical")),
                                    r.text("test"),
                                    r.count("n_baseline"),
                                    r.count("n_current"),
                                    r.optional("statistic"),
                                    r.optional("p_value"),
                                    r.raw("band"),
                                    r.oneOf("flag", FLAGS));
                    if (overlaps(start, end, from, to)) {
                        rows.add(d);
                    }
                });
        return rows;
    }

    private static List<CusumPoint> cusum(Path file, LocalDate from, LocalDate to)
            throws PmsInputException {
        List<CusumPoint> rows = new ArrayList<>();
        CsvTable.read(
                file,
                "cusum.csv",
                CUSUM_COLUMNS,
                r -> {
                    LocalDate day = r.date("day");
                    CusumPoint p =
                            new CusumPoint(
                                    r.line(),
                                    day,
                                    r.text("stratum"),
                                    r.text("metric"),
                                    r.optional("value"),
                                    r.count("n"),
                                    r.number("mu0"),
                                    r.number("sigma"),
                                    r.number("k"),
                                    r.number("h"),
                                    r.number("s_hi"),
                                    r.number("s_lo"),
                                    r.oneOf("alarm", CUSUM_ALARMS));
                    if (!day.isBefore(from) && !day.isAfter(to)) {
                        rows.add(p);
                    }
                });
        return rows;
    }

    private static List<Alarm> alarms(Path file, LocalDate from, LocalDate to)
            throws PmsInputException {
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
            if (overlaps(a.windowStart(), a.windowEnd(), from, to)) {
                alarms.add(a);
            }
        }
        return alarms;
    }

    private static List<Investigation> investigations(
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

    private static Baseline baseline(Path file) throws PmsInputException {
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

    private static List<Entry> entries(Path file, String name) throws PmsInputException {
        JsonNode root = parse(string(file, name), name);
        if (!root.isObject()) {
            throw new PmsInputException(name + ": not a JSON object");
        }
        List<Entry> out = new ArrayList<>();
        JsonFields.flatten("", root, out);
        return out;
    }

    /** The device and model versions of the predictions made in the period; no case id is kept. */
    private static List<VersionSeen> versions(Path file, LocalDate from, LocalDate to)
            throws PmsInputException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        Map<List<String>, Long> counts = new LinkedHashMap<>();
        CsvTable.read(
                file,
                "joined-cases.csv",
                JOINED_COLUMNS,
                r -> {
                    String time = r.text("prediction_time");
                    LocalDate day;
                    try {
                        day = Instant.parse(time).atZone(ZoneOffset.UTC).toLocalDate();
                    } catch (DateTimeParseException e) {
                        throw r.error(
                                "prediction_time", "not an ISO-8601 instant: " + Quote.value(time));
                    }
                    if (!day.isBefore(from) && !day.isAfter(to)) {
                        counts.merge(
                                List.of(r.text("device_version"), r.text("model_version")),
                                1L,
                                Long::sum);
                    }
                });
        List<VersionSeen> out = new ArrayList<>();
        counts.forEach((k, n) -> out.add(new VersionSeen(k.get(0), k.get(1), n)));
        return out;
    }

    /** The window kind the plan names, if it names one under a key {@code window}. */
    private static Optional<String> planWindow(Path file) throws PmsInputException {
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
