package org.clinval.reports.pms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.reports.internal.Text;
import org.clinval.reports.pms.PmsReportInputs.Alarm;
import org.clinval.reports.pms.PmsReportInputs.BaselineMetric;
import org.clinval.reports.pms.PmsReportInputs.Drift;
import org.clinval.reports.pms.PmsReportInputs.Entry;
import org.clinval.reports.pms.PmsReportInputs.Investigation;
import org.clinval.reports.pms.PmsReportInputs.Signature;
import org.clinval.reports.pms.PmsReportInputs.Window;

/**
 * The sections of the surveillance report as template rows: volumes, performance against the
 * baseline (charts from {@link PmsFigures}), drift, CUSUM monitors, alarms with their
 * investigations, and the reconciliation of the events. Every value arrives formatted.
 */
final class PmsRows {

    /** The tests that give a p-value; the others (psi, wasserstein, js) are read by their band. */
    private static final java.util.Set<String> P_TESTS = java.util.Set.of("ks", "chi2");

    private PmsRows() {}

    static List<Map<String, Object>> of(PmsReportInputs in) {
        RowList rows = new RowList();
        String kind = in.trendWindowKind().orElse("month");
        volumes(in, kind, rows);
        performance(in, kind, rows);
        drift(in, kind, rows);
        PmsFigures.cusum(in, rows);
        alarms(in, rows);
        reconciliation(in, rows);
        return rows.rows();
    }

    /** Windows of {@code kind} in order of stratum ("all" first, then by name) and time. */
    static List<Window> windows(PmsReportInputs in, String kind) {
        return in.windows().stream()
                .filter(w -> w.windowKind().equals(kind))
                .sorted(
                        Comparator.comparing((Window w) -> !w.stratum().equals("all"))
                                .thenComparing(Window::stratum)
                                .thenComparing(Window::windowStart))
                .toList();
    }

    private static void volumes(PmsReportInputs in, String kind, RowList rows) {
        rows.section(
                "1",
                "Volumes",
                "Predictions are counted by the time they were made; cases with truth, positives"
                        + " and negatives by the time their ground truth arrived (the time the"
                        + " information became known). Window: "
                        + kind
                        + ".");
        rows.table("Volumes per site and " + kind, null);
        List<Window> ws =
                windows(in, kind).stream()
                        .filter(w -> w.stratum().equals("all") || w.stratum().startsWith("site="))
                        .toList();
        if (ws.isEmpty()) {
            rows.add("none", null, "No window of the period in windows.csv.");
        }
        for (Window w : ws) {
            rows.add(
                    "vol",
                    w.stratum().equals("all") ? "total" : null,
                    PmsText.window(w.windowKind(), w.windowStart(), w.windowEnd()),
                    PmsText.stratum(w.stratum()),
                    Long.toString(w.nPredictions()),
                    Long.toString(w.nWithTruth()),
                    Long.toString(w.positives()),
                    Long.toString(w.negatives()),
                    PmsText.number(w.prevalence(), PmsText.reason(w.undefined(), "prevalence")),
                    Long.toString(w.readerDecisions()));
        }
    }

    private static void performance(PmsReportInputs in, String kind, RowList rows) {
        rows.section(
                "2",
                "Performance against the validated baseline",
                "Performance of a window: the cases whose ground truth arrived in it. Intervals"
                        + " as the surveillance job computed them (Wilson score for proportions,"
                        + " DeLong for the AUC where each class has enough cases).");
        rows.table("The validated baseline (run " + in.baseline().run() + ")", null);
        if (in.baseline().metrics().isEmpty()) {
            rows.add("none", null, "baseline.json records no metric.");
        }
        for (BaselineMetric m : in.baseline().metrics()) {
            rows.add(
                    "base",
                    null,
                    m.name(),
                    estimate(m.estimate()),
                    m.ciLower().isPresent() && m.ciUpper().isPresent()
                            ? Text.number(m.ciLower().getAsDouble())
                                    + " \u2013 "
                                    + Text.number(m.ciUpper().getAsDouble())
                            : Text.NONE,
                    goal(m.estimateMin()),
                    goal(m.ciLowerMin()),
                    Text.list(m.requirements()),
                    Text.list(m.riskControls()));
        }
        PmsFigures.trends(in, kind, rows);
        rows.table(
                "Performance per stratum and " + kind,
                "Estimate (interval) per window; manufacturer and model strata are shown in this"
                        + " table only.");
        List<Window> ws = windows(in, kind);
        if (ws.isEmpty()) {
            rows.add("none", null, "No window of the period in windows.csv.");
        }
        for (Window w : ws) {
            rows.add(
                    "perf",
                    null,
                    PmsText.window(w.windowKind(), w.windowStart(), w.windowEnd()),
                    PmsText.stratum(w.stratum()),
                    Long.toString(w.nWithTruth()),
                    PmsText.estimate(w.sensitivity(), PmsText.reason(w.undefined(), "sensitivity")),
                    PmsText.estimate(w.specificity(), PmsText.reason(w.undefined(), "specificity")),
                    PmsText.estimate(w.auc(), PmsText.reason(w.undefined(), "auc")));
        }
    }

    private static String estimate(OptionalDouble v) {
        return v.isPresent() ? Text.number(v.getAsDouble()) : Text.NONE;
    }

    private static String goal(OptionalDouble v) {
        return v.isPresent() ? "\u2265 " + Text.number(v.getAsDouble()) : Text.NONE;
    }

    private static void drift(PmsReportInputs in, String kind, RowList rows) {
        List<Drift> shown =
                in.drift().stream()
                        .filter(d -> d.windowKind().equals(kind))
                        .sorted(
                                Comparator.comparing(Drift::windowStart)
                                        .thenComparing((Drift d) -> !d.stratum().equals("all"))
                                        .thenComparing(Drift::stratum)
                                        .thenComparing(Drift::variable)
                                        .thenComparing(Drift::test))
                        .toList();
        long flagged = in.drift().stream().filter(d -> !d.flag().equals("none")).count();
        int other = in.drift().size() - shown.size();
        rows.section(
                "3",
                "Distribution drift against the baseline",
                in.drift().size()
                        + " tests in the period, "
                        + flagged
                        + " flagged (watch or drift). "
                        + (other > 0
                                ? "This table shows the "
                                        + shown.size()
                                        + " tests of "
                                        + kind
                                        + " windows; the "
                                        + other
                                        + " tests of other windows are in the workbook."
                                : ""));
        rows.table(
                "Drift tests per " + kind,
                "Rows flagged drift are red, watch amber. p: \u2014 for a test that gives no"
                        + " p-value (psi, wasserstein, js); its band is that of the statistic.");
        if (shown.isEmpty()) {
            rows.add("none", null, "No drift test of the period in drift.csv.");
        }
        for (Drift d : shown) {
            String tone =
                    switch (d.flag()) {
                        case "drift" -> "bad";
                        case "watch" -> "warn";
                        default -> null;
                    };
            rows.add(
                    "drift",
                    tone,
                    PmsText.window(d.windowKind(), d.windowStart(), d.windowEnd()),
                    PmsText.stratum(d.stratum()),
                    PmsText.words(d.variable()),
                    d.test(),
                    d.nBaseline() + " / " + d.nCurrent(),
                    PmsText.statistic(d.statistic(), "not computed"),
                    d.pValue().isEmpty() && !P_TESTS.contains(d.test())
                            ? Text.NONE
                            : PmsText.p(d.pValue(), "not computed"),
                    d.band().isBlank() ? Text.NONE : d.band(),
                    d.flag());
        }
    }

    private static void alarms(PmsReportInputs in, RowList rows) {
        rows.section(
                "5",
                "Alarms and investigations",
                in.alarms().size()
                        + " alarm(s) in the period; "
                        + (in.investigationsRecorded()
                                ? in.investigations().size() + " investigation(s)."
                                : "no investigation is recorded in the output folder."));
        rows.table("Alarms", "Each alarm with the outcome of its investigation.");
        if (in.alarms().isEmpty()) {
            rows.add("none", null, "No alarm was raised in the period.");
        }
        for (Alarm a : in.alarms()) {
            List<Investigation> invs =
                    in.investigations().stream()
                            .filter(i -> i.alarmIds().contains(a.alarmId()))
                            .toList();
            List<String> outcome = new ArrayList<>();
            for (Investigation i : invs) {
                outcome.add(
                        i.investigationId()
                                + ": "
                                + i.state()
                                + i.decision().map(d -> ", " + PmsText.words(d)).orElse(""));
            }
            rows.add(
                    "alarm",
                    invs.isEmpty() ? "warn" : null,
                    a.alarmId(),
                    a.kind(),
                    PmsText.stratum(a.stratum()) + " \u00b7 " + a.metric(),
                    PmsText.window("", a.windowStart(), a.windowEnd()),
                    PmsText.time(a.raisedAt()),
                    a.summary(),
                    traced(a),
                    outcome.isEmpty() ? "no investigation recorded" : String.join("\n", outcome));
        }
        rows.table("Investigations", null);
        if (in.investigations().isEmpty()) {
            rows.add(
                    "none",
                    null,
                    in.investigationsRecorded()
                            ? "No investigation concerns the alarms of the period."
                            : "No investigation is recorded (no investigations/investigations.json).");
        }
        for (Investigation i : in.investigations()) {
            rows.add(
                    "inv",
                    i.state().equals("closed") ? "good" : "warn",
                    i.investigationId(),
                    String.join("\n", i.alarmIds())
                            + "\n"
                            + PmsText.stratum(i.stratum())
                            + " \u00b7 "
                            + i.metric(),
                    i.state()
                            + " \u00b7 "
                            + i.decision().map(PmsText::words).orElse("no decision yet"),
                    "opened "
                            + PmsText.time(i.opened())
                            + i.closed().map(c -> "\nclosed " + PmsText.time(c)).orElse(""),
                    i.rationale().orElse("no rationale recorded"),
                    signers(i.signatures()),
                    findings(i));
        }
    }

    private static String traced(Alarm a) {
        List<String> parts = new ArrayList<>();
        if (!a.requirements().isEmpty()) {
            parts.add("requirements " + String.join(", ", a.requirements()));
        }
        if (!a.riskControls().isEmpty()) {
            parts.add("risk controls " + String.join(", ", a.riskControls()));
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static String signers(List<Signature> signatures) {
        if (signatures.isEmpty()) {
            return "Signed: no signature recorded";
        }
        List<String> s = new ArrayList<>();
        for (Signature g : signatures) {
            s.add(g.user() + " (" + g.meaning() + ", " + PmsText.time(g.time()) + ")");
        }
        return "Signed: " + String.join("; ", s);
    }

    private static String findings(Investigation i) {
        List<String> parts = new ArrayList<>();
        if (!i.triage().isEmpty()) {
            parts.add("Triage: " + entries(i.triage()));
        }
        if (!i.rootCause().isEmpty()) {
            parts.add("Root cause: " + entries(i.rootCause()));
        }
        return parts.isEmpty() ? null : String.join("\n", parts);
    }

    static String entries(List<Entry> entries) {
        List<String> s = new ArrayList<>();
        for (Entry e : entries) {
            s.add(PmsText.words(e.key()) + " " + e.text());
        }
        return String.join("; ", s);
    }

    private static void reconciliation(PmsReportInputs in, RowList rows) {
        Optional<Reconciliation> r = Reconciliation.of(in.reconciliation());
        rows.section(
                "6",
                "Reconciliation of the events",
                "Every event read is accounted for: used, dead-lettered (with a reason) or still"
                        + " waiting for its counterpart (reconciliation.json).");
        rows.table(null, null);
        if (r.isPresent()) {
            rows.add("statement", r.get().balances() ? "good" : "bad", r.get().statement());
        } else {
            rows.add(
                    "statement",
                    "warn",
                    "reconciliation.json does not name events in, used, dead-lettered and waiting;"
                            + " its entries are listed below.");
        }
        rows.table("Entries of reconciliation.json", null);
        Map<String, String> kv = new LinkedHashMap<>();
        in.reconciliation().forEach(e -> kv.put(e.key(), e.text()));
        kv.forEach((k, v) -> rows.add("kv", null, k, v));
    }
}
