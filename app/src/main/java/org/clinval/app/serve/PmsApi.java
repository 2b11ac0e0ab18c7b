package org.clinval.app.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.clinval.app.cli.Json;
import org.clinval.reports.pms.PmsInputException;
import org.clinval.reports.pms.PmsOutputFolder;
import org.clinval.reports.pms.PmsReportInputs;

/**
 * What the surveillance dashboard shows of a surveillance output folder, read by the same {@link
 * PmsOutputFolder} the PMS report and workbook read, so the dashboard, the PDF and the workbook
 * show the same numbers: per stratum the windowed metrics with their intervals, the validated
 * baseline and the acceptance goals; the drift rows with their flags; the CUSUM paths with {@code
 * h}; the alarms with the investigations that hold them. {@link #version} changes whenever one of
 * the job's files changes, so a page polls it cheaply and reloads only then.
 */
final class PmsApi {

    /** The files whose change means new data. */
    static final List<String> FILES =
            List.of(
                    "windows.csv",
                    "drift.csv",
                    "cusum.csv",
                    "alarms.jsonl",
                    "reconciliation.json",
                    "investigations/investigations.json");

    private static final LocalDate ALL_FROM = LocalDate.of(1900, 1, 1);
    private static final LocalDate ALL_TO = LocalDate.of(9999, 12, 31);

    private final Workspace workspace;
    private final java.util.Map<String, String[]> dashboards =
            new java.util.concurrent.ConcurrentHashMap<>();

    PmsApi(Workspace workspace) {
        this.workspace = workspace;
    }

    /**
     * The dashboard of folder {@code id} as JSON text, read again only when the folder's data
     * changed ({@link #version}): many pages showing one folder share one reading.
     */
    Optional<String> dashboardJson(String id) throws IOException, PmsInputException {
        Optional<Workspace.Found> found = workspace.surveillance(id);
        if (found.isEmpty()) return Optional.empty();
        String v = version(found.get().dir());
        String[] cached = dashboards.get(id);
        if (cached != null && cached[0].equals(v)) return Optional.of(cached[1]);
        Optional<ObjectNode> d = dashboard(id);
        if (d.isEmpty()) return Optional.empty();
        String json = Json.write(d.get());
        dashboards.put(id, new String[] {v, json});
        return Optional.of(json);
    }

    private final java.util.Map<String, ObjectNode> items =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The folders, each read again only when its data changed. */
    ArrayNode list() throws IOException {
        ArrayNode out = Json.array();
        for (Workspace.Found f : workspace.surveillance()) {
            String v = version(f.dir());
            ObjectNode cached = items.get(f.id());
            if (cached != null && cached.path("version").asText().equals(v)) {
                out.add(cached);
                continue;
            }
            ObjectNode o = out.addObject();
            items.put(f.id(), o);
            o.put("id", f.id());
            o.put("version", v);
            try {
                PmsReportInputs in = PmsOutputFolder.read(f.dir(), ALL_FROM, ALL_TO);
                o.put("baseline_study", in.baseline().study());
                o.put("windows", in.windows().size());
                o.put("alarms", in.alarms().size());
                o.put(
                        "open_investigations",
                        in.investigations().stream().filter(i -> i.closed().isEmpty()).count());
                in.windows().stream()
                        .map(PmsReportInputs.Window::windowEnd)
                        .max(LocalDate::compareTo)
                        .ifPresent(d -> o.put("data_until", d.toString()));
            } catch (PmsInputException e) {
                o.put("error", e.getMessage());
            }
        }
        return out;
    }

    /** A token that changes when the folder's data changes. */
    Optional<String> version(String id) throws IOException {
        Optional<Workspace.Found> f = workspace.surveillance(id);
        return f.isEmpty() ? Optional.empty() : Optional.of(version(f.get().dir()));
    }

    static String version(Path dir) throws IOException {
        StringBuilder s = new StringBuilder();
        for (String name : FILES) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                s.append(name)
                        .append(':')
                        .append(Files.size(p))
                        .append('@')
                        .append(Files.getLastModifiedTime(p).toMillis())
                        .append(';');
            }
        }
        return org.clinval.common.Sha256.ofText(s.toString()).substring(0, 16);
    }

    /** The dashboard of folder {@code id}; empty when there is none. */
    Optional<ObjectNode> dashboard(String id) throws IOException, PmsInputException {
        Optional<Workspace.Found> found = workspace.surveillance(id);
        if (found.isEmpty()) return Optional.empty();
        PmsReportInputs in = PmsOutputFolder.read(found.get().dir(), ALL_FROM, ALL_TO);
        ObjectNode o = Json.object();
        o.put("id", id);
        o.put("version", version(found.get().dir()));
        o.put("window", in.trendWindowKind().orElse(""));
        ObjectNode base = o.putObject("baseline");
        base.put("study", in.baseline().study());
        base.put("model_sha256", in.baseline().modelSha256());
        base.put("dataset_sha256", in.baseline().datasetSha256());
        for (PmsReportInputs.BaselineMetric m : in.baseline().metrics()) {
            ObjectNode b = base.putObject(m.name());
            Json.put(b, "estimate", m.estimate());
            Json.put(b, "ci_lower", m.ciLower());
            Json.put(b, "ci_upper", m.ciUpper());
            Json.put(b, "goal_estimate_min", m.estimateMin());
            Json.put(b, "goal_ci_lower_min", m.ciLowerMin());
            b.set("requirements", strings(m.requirements()));
            b.set("risk_controls", strings(m.riskControls()));
        }

        // Windows of the trend kind, per stratum, in time order.
        String kind = in.trendWindowKind().orElse("");
        Map<String, ArrayNode> byStratum = new TreeMap<>(PmsApi::strataOrder);
        for (PmsReportInputs.Window w : in.windows()) {
            if (!w.windowKind().equals(kind)) continue;
            ObjectNode r = byStratum.computeIfAbsent(w.stratum(), s -> Json.array()).addObject();
            r.put("start", w.windowStart().toString());
            r.put("end", w.windowEnd().toString());
            r.put("predictions", w.nPredictions());
            r.put("with_truth", w.nWithTruth());
            r.put("positives", w.positives());
            r.put("negatives", w.negatives());
            estimate(r, "sensitivity", w.sensitivity());
            estimate(r, "specificity", w.specificity());
            estimate(r, "ppv", w.ppv());
            estimate(r, "npv", w.npv());
            estimate(r, "auc", w.auc());
            estimate(r, "override_rate", w.overrideRate());
            Json.put(r, "mean_score", w.meanScore());
            r.put("undefined", w.undefined());
        }
        ObjectNode windows = o.putObject("windows");
        byStratum.forEach(windows::set);
        o.put("level", in.windows().isEmpty() ? 0.95 : in.windows().get(0).level());

        // Drift: every row of the latest window per stratum and variable, flags first.
        Map<String, PmsReportInputs.Drift> latest = new LinkedHashMap<>();
        for (PmsReportInputs.Drift d : in.drift()) {
            String k = d.stratum() + "|" + d.variable() + "|" + d.test();
            PmsReportInputs.Drift seen = latest.get(k);
            if (seen == null || !d.windowStart().isBefore(seen.windowStart())) latest.put(k, d);
        }
        ArrayNode drift = o.putArray("drift");
        latest.values().stream()
                .sorted(
                        java.util.Comparator.comparing(
                                        (PmsReportInputs.Drift d) -> flagRank(d.flag()))
                                .thenComparing(d -> d.stratum(), PmsApi::strataOrder)
                                .thenComparing(PmsReportInputs.Drift::variable))
                .forEach(
                        d -> {
                            ObjectNode r = drift.addObject();
                            r.put("window_start", d.windowStart().toString());
                            r.put("window_end", d.windowEnd().toString());
                            r.put("stratum", d.stratum());
                            r.put("variable", d.variable());
                            r.put("test", d.test());
                            r.put("n_baseline", d.nBaseline());
                            r.put("n_current", d.nCurrent());
                            Json.put(r, "statistic", d.statistic());
                            Json.put(r, "p_value", d.pValue());
                            r.put("band", d.band());
                            r.put("flag", d.flag());
                        });

        // CUSUM paths per stratum and metric.
        Map<String, ObjectNode> charts = new TreeMap<>();
        for (PmsReportInputs.CusumPoint p : in.cusum()) {
            ObjectNode c =
                    charts.computeIfAbsent(
                            p.stratum() + "|" + p.metric(),
                            k -> {
                                ObjectNode n = Json.object();
                                n.put("stratum", p.stratum());
                                n.put("metric", p.metric());
                                n.put("h", p.h());
                                n.put("k", p.k());
                                n.put("mu0", p.mu0());
                                n.putArray("day");
                                n.putArray("s_hi");
                                n.putArray("s_lo");
                                n.putArray("alarms");
                                return n;
                            });
            ((ArrayNode) c.get("day")).add(p.day().toString());
            ((ArrayNode) c.get("s_hi")).add(p.sHi());
            ((ArrayNode) c.get("s_lo")).add(p.sLo());
            if (!p.alarm().equals("none")) {
                ((ArrayNode) c.get("alarms")).add(p.day() + " " + p.alarm());
            }
        }
        ArrayNode cusum = o.putArray("cusum");
        charts.values().stream()
                .sorted(
                        java.util.Comparator.comparing(
                                        (ObjectNode n) -> n.get("stratum").asText(),
                                        PmsApi::strataOrder)
                                .thenComparing(n -> n.get("metric").asText()))
                .forEach(cusum::add);

        // Alarms, newest first, with the investigation that holds each.
        Map<String, PmsReportInputs.Investigation> byAlarm = new TreeMap<>();
        for (PmsReportInputs.Investigation i : in.investigations()) {
            for (String a : i.alarmIds()) byAlarm.put(a, i);
        }
        ArrayNode alarms = o.putArray("alarms");
        in.alarms().stream()
                .sorted(
                        java.util.Comparator.comparing(PmsReportInputs.Alarm::windowStart)
                                .reversed())
                .forEach(
                        a -> {
                            ObjectNode r = alarms.addObject();
                            r.put("alarm_id", a.alarmId());
                            r.put("kind", a.kind());
                            r.put("stratum", a.stratum());
                            r.put("metric", a.metric());
                            r.put("window_start", a.windowStart().toString());
                            r.put("window_end", a.windowEnd().toString());
                            r.put("summary", a.summary());
                            r.set("risk_controls", strings(a.riskControls()));
                            PmsReportInputs.Investigation i = byAlarm.get(a.alarmId());
                            if (i != null) {
                                r.put("investigation", i.investigationId());
                                r.put("investigation_state", i.state());
                            }
                        });
        ArrayNode inv = o.putArray("investigations");
        for (PmsReportInputs.Investigation i : in.investigations()) {
            ObjectNode r = inv.addObject();
            r.put("investigation_id", i.investigationId());
            r.put("stratum", i.stratum());
            r.put("metric", i.metric());
            r.put("state", i.state());
            r.put("opened", i.opened());
            r.put("closed", i.closed().orElse(""));
            r.put("decision", i.decision().orElse(""));
            r.put("alarms", i.alarmIds().size());
            ArrayNode sig = r.putArray("signatures");
            for (PmsReportInputs.Signature s : i.signatures()) {
                sig.addObject()
                        .put("user", s.user())
                        .put("meaning", s.meaning())
                        .put("time", s.time());
            }
        }
        return Optional.of(o);
    }

    private static void estimate(ObjectNode r, String name, PmsReportInputs.Estimate e) {
        ObjectNode n = r.putObject(name);
        Json.put(n, "value", e.value());
        Json.put(n, "lower", e.lower());
        Json.put(n, "upper", e.upper());
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode a = Json.array();
        values.forEach(a::add);
        return a;
    }

    private static int flagRank(String flag) {
        return switch (flag) {
            case "drift" -> 0;
            case "watch" -> 1;
            default -> 2;
        };
    }

    /** "all" first, then the strata by name. */
    static int strataOrder(String a, String b) {
        if (a.equals(b)) return 0;
        if (a.equals("all")) return -1;
        if (b.equals("all")) return 1;
        return a.compareTo(b);
    }
}
