package org.clinval.reports.pms;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.clinval.reports.internal.Text;
import org.clinval.reports.pms.PmsCharts.Point;
import org.clinval.reports.pms.PmsCharts.Reference;
import org.clinval.reports.pms.PmsReportInputs.BaselineMetric;
import org.clinval.reports.pms.PmsReportInputs.CusumPoint;
import org.clinval.reports.pms.PmsReportInputs.Estimate;
import org.clinval.reports.pms.PmsReportInputs.Window;
import org.jfree.chart.JFreeChart;

/**
 * The figures of the surveillance report: per charted stratum (all cases and each site) the
 * sensitivity, specificity and AUC per window against the baseline and the goal; per stratum the
 * CUSUM monitors with their alarm days.
 */
final class PmsFigures {

    private static final int SCALE = 3;

    private PmsFigures() {}

    /** Whether a stratum gets charts: all cases and each site (other strata are tabled only). */
    static boolean charted(String stratum) {
        return stratum.equals("all") || stratum.startsWith("site=");
    }

    static void trends(PmsReportInputs in, String kind, RowList rows) {
        Map<String, List<Window>> strata = new LinkedHashMap<>();
        for (Window w : PmsRows.windows(in, kind)) {
            if (charted(w.stratum())) {
                strata.computeIfAbsent(w.stratum(), s -> new ArrayList<>()).add(w);
            }
        }
        for (Map.Entry<String, List<Window>> s : strata.entrySet()) {
            List<Window> ws = s.getValue();
            String name = PmsText.stratum(s.getKey());
            rows.table(null, null);
            JFreeChart sens =
                    trend(in, "Sensitivity \u00b7 " + name, "sensitivity", ws, Window::sensitivity);
            JFreeChart spec =
                    trend(in, "Specificity \u00b7 " + name, "specificity", ws, Window::specificity);
            rows.figure(
                    PmsCharts.png(List.of(sens, spec), 2, RowList.WIDTH, RowList.TALL, SCALE),
                    RowList.TALL,
                    "Trend: " + name,
                    caption(in, ws, List.of("sensitivity", "specificity")));
            if (ws.stream().anyMatch(w -> w.auc().value().isPresent())) {
                JFreeChart auc = trend(in, "AUC \u00b7 " + name, "auc", ws, Window::auc);
                rows.figure(
                        PmsCharts.png(List.of(auc), 1, RowList.WIDTH, RowList.SHORT, SCALE),
                        RowList.SHORT,
                        null,
                        caption(in, ws, List.of("auc")));
            } else {
                rows.add(
                        "none",
                        null,
                        "AUC "
                                + PmsText.undefined(PmsText.reason(ws.get(0).undefined(), "auc"))
                                + " in every window of "
                                + name
                                + ".");
            }
        }
    }

    private static JFreeChart trend(
            PmsReportInputs in,
            String title,
            String metric,
            List<Window> ws,
            Function<Window, Estimate> get) {
        List<Point> points = new ArrayList<>();
        for (Window w : ws) {
            Estimate e = get.apply(w);
            points.add(
                    new Point(
                            PmsText.axisLabel(w.windowKind(), w.windowStart(), w.windowEnd()),
                            e.value(),
                            e.lower(),
                            e.upper(),
                            PmsText.reason(w.undefined(), metric)));
        }
        Optional<BaselineMetric> b = in.baseline().metric(metric);
        Optional<Reference> baseline = b.flatMap(m -> ref("baseline ", m.estimate()));
        Optional<Reference> goal =
                b.flatMap(
                        m ->
                                m.ciLowerMin().isPresent()
                                        ? ref("goal: lower bound \u2265 ", m.ciLowerMin())
                                        : ref("goal: estimate \u2265 ", m.estimateMin()));
        return PmsCharts.trend(
                title, metric.equals("auc") ? "AUC" : metric, points, baseline, goal);
    }

    /** A reference line labelled {@code label} followed by its value, if the value exists. */
    private static Optional<Reference> ref(String label, OptionalDouble v) {
        return v.isPresent()
                ? Optional.of(new Reference(label + Text.number(v.getAsDouble()), v.getAsDouble()))
                : Optional.empty();
    }

    private static String caption(PmsReportInputs in, List<Window> ws, List<String> metrics) {
        Window first = ws.get(0);
        String method =
                metrics.contains("auc")
                        ? " DeLong"
                        : first.ciMethod().equals("wilson")
                                ? " Wilson"
                                : first.ciMethod().isBlank() ? "" : " " + first.ciMethod();
        StringBuilder b = new StringBuilder();
        b.append("Estimate per ")
                .append(first.windowKind())
                .append(" with its ")
                .append(Text.level(first.level()))
                .append(method)
                .append(" interval (band). Solid line: the validated estimate of run ")
                .append(in.baseline().run())
                .append("; dashed line: the acceptance goal.");
        for (String m : metrics) {
            if (in.baseline().metric(m).isEmpty()) {
                b.append(" No baseline for ").append(m).append(" in baseline.json.");
            }
        }
        List<String> undefined = new ArrayList<>();
        for (Window w : ws) {
            for (String m : metrics) {
                Estimate e =
                        switch (m) {
                            case "sensitivity" -> w.sensitivity();
                            case "specificity" -> w.specificity();
                            default -> w.auc();
                        };
                if (e.value().isEmpty()) {
                    undefined.add(
                            PmsText.window(w.windowKind(), w.windowStart(), w.windowEnd())
                                    + " "
                                    + m
                                    + " "
                                    + PmsText.undefined(PmsText.reason(w.undefined(), m)));
                }
            }
        }
        if (!undefined.isEmpty()) {
            b.append(" Not plotted: ").append(String.join("; ", undefined)).append('.');
        }
        return b.toString();
    }

    static void cusum(PmsReportInputs in, RowList rows) {
        Map<String, Map<String, List<CusumPoint>>> monitors = new LinkedHashMap<>();
        in.cusum().stream()
                .sorted(
                        Comparator.comparing((CusumPoint p) -> !p.stratum().equals("all"))
                                .thenComparing(CusumPoint::stratum)
                                .thenComparing(CusumPoint::metric)
                                .thenComparing(CusumPoint::day))
                .forEach(
                        p ->
                                monitors.computeIfAbsent(p.stratum(), s -> new LinkedHashMap<>())
                                        .computeIfAbsent(p.metric(), m -> new ArrayList<>())
                                        .add(p));
        rows.section(
                "4",
                "CUSUM monitors",
                "Each monitor accumulates the daily deviations of a metric from the baseline mean"
                        + " \u03bc0 in units of \u03c3, less the allowance k; it alarms when S_hi or"
                        + " S_lo crosses the decision limit h.");
        rows.table("Design of the monitors (cusum-design.json)", null);
        if (in.cusumDesign().isEmpty()) {
            rows.add(
                    "none",
                    null,
                    "cusum-design.json is absent; each monitor's \u03bc0, \u03c3, k and h are"
                            + " those recorded in cusum.csv (below).");
        }
        in.cusumDesign().forEach(e -> rows.add("kv", null, e.key(), e.text()));
        rows.table("Monitors in the period", null);
        if (monitors.isEmpty()) {
            rows.add("none", null, "No CUSUM day of the period in cusum.csv.");
        }
        for (var s : monitors.entrySet()) {
            for (var m : s.getValue().entrySet()) {
                List<CusumPoint> ps = m.getValue();
                CusumPoint last = ps.get(ps.size() - 1);
                List<String> alarms = alarmDays(ps).stream().map(LocalDate::toString).toList();
                rows.add(
                        "cus",
                        alarms.isEmpty() ? null : "bad",
                        PmsText.stratum(s.getKey()),
                        m.getKey(),
                        PmsText.design(last.mu0()),
                        PmsText.design(last.sigma()),
                        PmsText.design(last.k()),
                        PmsText.design(last.h()),
                        Integer.toString(ps.size()),
                        alarms.isEmpty() ? "none" : String.join(", ", alarms));
            }
        }
        for (var s : monitors.entrySet()) {
            String name = PmsText.stratum(s.getKey());
            List<JFreeChart> charts = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            for (var m : s.getValue().entrySet()) {
                List<CusumPoint> ps = m.getValue();
                List<LocalDate> alarmDays = alarmDays(ps);
                charts.add(
                        PmsCharts.cusum(
                                "CUSUM " + m.getKey() + " \u00b7 " + name,
                                ps.stream().map(CusumPoint::day).toList(),
                                ps.stream().map(CusumPoint::sHi).toList(),
                                ps.stream().map(CusumPoint::sLo).toList(),
                                ps.get(ps.size() - 1).h(),
                                alarmDays));
                notes.add(
                        m.getKey()
                                + ": "
                                + (alarmDays.isEmpty()
                                        ? "no alarm"
                                        : "alarm on "
                                                + alarmDays.stream()
                                                        .map(LocalDate::toString)
                                                        .collect(
                                                                java.util.stream.Collectors.joining(
                                                                        ", "))));
            }
            rows.table(null, null);
            for (int i = 0; i < charts.size(); i += 2) {
                List<JFreeChart> pair = charts.subList(i, Math.min(i + 2, charts.size()));
                rows.figure(
                        PmsCharts.png(pair, 2, RowList.WIDTH, RowList.TALL, SCALE),
                        RowList.TALL,
                        i == 0 ? "CUSUM: " + name : null,
                        String.join("; ", notes.subList(i, Math.min(i + 2, notes.size())))
                                + ". Dashed: the decision limit h; red vertical lines: alarm days.");
            }
        }
    }

    private static List<LocalDate> alarmDays(List<CusumPoint> ps) {
        return ps.stream().filter(p -> !p.alarm().equals("none")).map(CusumPoint::day).toList();
    }
}
