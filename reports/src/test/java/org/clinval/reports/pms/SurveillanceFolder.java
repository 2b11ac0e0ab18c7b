package org.clinval.reports.pms;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a synthetic but realistic surveillance output folder in the contract's formats: six months
 * (January to June 2026) of cases at three sites; at site C the specificity falls from April (a
 * reconstruction-kernel change), which raises one CUSUM alarm and one drift flag, both under one
 * investigation closed with decision {@code revalidation}. Windows are computed from the cases:
 * predictions counted by prediction time, performance by the time the ground truth arrived.
 */
final class SurveillanceFolder {

    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate TO = LocalDate.of(2026, 6, 30);
    static final List<String> SITES = List.of("A", "B", "C");
    static final Map<String, String> MANUFACTURER =
            Map.of("A", "GE MEDICAL SYSTEMS", "B", "SIEMENS", "C", "Philips");
    static final String DRIFT_ALARM = "ALM-drift-site=C-score-2026-04-01";
    static final double K = 1.0;
    static final double H = 10.0;
    static final double MU0 = 0.93;
    static final double SIGMA = Math.sqrt(MU0 * (1 - MU0));

    /** A joined case; the id is a pseudonym and never reaches the report. */
    record Case(
            String id,
            Instant predicted,
            Instant truth,
            String site,
            String manufacturer,
            double score,
            int decision,
            int label,
            Boolean agreed) {}

    /** The id of the CUSUM alarm of the last folder written (it names its day). */
    static String cusumAlarm;

    private SurveillanceFolder() {}

    static String cusumAlarm(LocalDate day) {
        return "ALM-cusum-site=C-specificity-" + day;
    }

    /** Writes the folder into {@code dir}, returning the day of the CUSUM alarm. */
    static LocalDate write(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("investigations"));
        List<Case> cases = cases();
        joined(dir, cases);
        windows(dir, cases);
        drift(dir);
        LocalDate alarm = cusum(dir, cases);
        alarms(dir, alarm);
        cusumAlarm = cusumAlarm(alarm);
        investigations(dir, alarm);
        json(dir.resolve("baseline.json"), BASELINE);
        json(dir.resolve("cusum-design.json"), DESIGN);
        long in = 3L * cases.size() - 40;
        json(
                dir.resolve("reconciliation.json"),
                "{\"lines_read\":"
                        + in
                        + ",\"events_in\":"
                        + in
                        + ",\"used\":"
                        + (in - 12 - 97)
                        + ",\"dead_lettered\":12,\"waiting\":97,"
                        + "\"equation\":\"events_in = used + dead_lettered + waiting\","
                        + "\"reconciles\":true,\"dead_lettered_by_fate\":{\"unknown_case\":9,"
                        + "\"bad_score\":3},\"waiting_by_fate\":{\"prediction_without_truth\":97}}");
        json(
                dir.resolve("plan.yaml"),
                "plan: site-surveillance\nwindow: month\nmin_cases_per_class: 10\n");
        return alarm;
    }

    static List<Case> cases() {
        Random rnd = new Random(20260101);
        List<Case> out = new ArrayList<>();
        int n = 0;
        for (LocalDate day = FROM; !day.isAfter(TO); day = day.plusDays(1)) {
            for (String site : SITES) {
                int perDay = site.equals("B") ? 5 : 6;
                for (int i = 0; i < perDay; i++) {
                    Instant predicted =
                            day.atStartOfDay(ZoneOffset.UTC)
                                    .toInstant()
                                    .plusSeconds(7 * 3600 + rnd.nextInt(11 * 3600));
                    Instant truth = predicted.plusSeconds(86400L * (2 + rnd.nextInt(15)));
                    int label = rnd.nextDouble() < 0.2 ? 1 : 0;
                    boolean drifted = site.equals("C") && !day.isBefore(LocalDate.of(2026, 4, 1));
                    double mean = label == 1 ? 0.72 : (drifted ? 0.42 : 0.28);
                    double score = Math.min(1, Math.max(0, mean + 0.15 * rnd.nextGaussian()));
                    int decision = score >= 0.5 ? 1 : 0;
                    Boolean agreed = rnd.nextDouble() < 0.7 ? rnd.nextDouble() > 0.05 : null;
                    String manufacturer =
                            site.equals("A") && rnd.nextDouble() < 0.02
                                    ? "CANON"
                                    : MANUFACTURER.get(site);
                    out.add(
                            new Case(
                                    String.format(Locale.ROOT, "p%06d", ++n),
                                    predicted,
                                    truth,
                                    site,
                                    manufacturer,
                                    score,
                                    decision,
                                    label,
                                    agreed));
                }
            }
        }
        return out;
    }

    private static void joined(Path dir, List<Case> cases) throws IOException {
        try (CSVPrinter p =
                printer(dir.resolve("joined-cases.csv"), PmsOutputFolder.JOINED_COLUMNS)) {
            for (Case c : cases) {
                p.printRecord(
                        c.id(),
                        c.predicted(),
                        c.truth(),
                        c.site(),
                        c.manufacturer(),
                        "1.0.0",
                        "2.1.0",
                        Double.toString(c.score()),
                        c.decision(),
                        c.label(),
                        "pathology",
                        c.agreed() == null ? "" : c.agreed());
            }
        }
    }

    private static void windows(Path dir, List<Case> cases) throws IOException {
        Map<String, Predicate<Case>> strata = new LinkedHashMap<>();
        strata.put("all", c -> true);
        for (String s : SITES) {
            strata.put("site=" + s, c -> c.site().equals(s));
        }
        for (String m : List.of("CANON", "GE MEDICAL SYSTEMS", "Philips", "SIEMENS")) {
            strata.put("manufacturer=" + m, c -> c.manufacturer().equals(m));
        }
        strata.put("model_version=1.0.0", c -> true);
        try (CSVPrinter p = printer(dir.resolve("windows.csv"), PmsOutputFolder.WINDOW_COLUMNS)) {
            for (var s : strata.entrySet()) {
                for (LocalDate start = FROM; start.isBefore(TO); start = start.plusMonths(1)) {
                    window(p, "month", start, start.plusMonths(1), s.getKey(), cases, s.getValue());
                }
                window(p, "cumulative", FROM, TO.plusDays(1), s.getKey(), cases, s.getValue());
            }
        }
    }

    private static void window(
            CSVPrinter p,
            String kind,
            LocalDate start,
            LocalDate end,
            String stratum,
            List<Case> cases,
            Predicate<Case> in)
            throws IOException {
        List<Case> predicted =
                cases.stream().filter(in).filter(c -> within(c.predicted(), start, end)).toList();
        List<Case> truth =
                cases.stream().filter(in).filter(c -> within(c.truth(), start, end)).toList();
        long tp = truth.stream().filter(c -> c.label() == 1 && c.decision() == 1).count();
        long pos = truth.stream().filter(c -> c.label() == 1).count();
        long tn = truth.stream().filter(c -> c.label() == 0 && c.decision() == 0).count();
        long neg = truth.size() - pos;
        long predPos = truth.stream().filter(c -> c.decision() == 1).count();
        long predNeg = truth.size() - predPos;
        List<Case> read = truth.stream().filter(c -> c.agreed() != null).toList();
        long overridden = read.stream().filter(c -> !c.agreed()).count();
        List<String> undefined = new ArrayList<>();
        List<String> row = new ArrayList<>();
        row.addAll(List.of(kind, start.toString(), end.toString(), stratum));
        row.add(Long.toString(predicted.size()));
        row.add(Long.toString(truth.size()));
        row.add(Long.toString(pos));
        row.add(Long.toString(neg));
        row.add(truth.isEmpty() ? "" : Double.toString((double) pos / truth.size()));
        proportion(row, tp, pos, "sensitivity", "no positives", undefined);
        proportion(row, tn, neg, "specificity", "no negatives", undefined);
        proportion(row, tp, predPos, "ppv", "no positive decisions", undefined);
        proportion(row, tn, predNeg, "npv", "no negative decisions", undefined);
        auc(row, truth, pos, neg, undefined);
        row.add(Long.toString(read.size()));
        proportion(row, overridden, read.size(), "override_rate", "no reader decisions", undefined);
        row.add(
                predicted.isEmpty()
                        ? ""
                        : Double.toString(
                                predicted.stream()
                                        .mapToDouble(Case::score)
                                        .average()
                                        .orElseThrow()));
        row.add("0.95");
        row.add("wilson");
        row.add(String.join("; ", undefined));
        p.printRecord(row);
    }

    private static boolean within(Instant t, LocalDate start, LocalDate end) {
        LocalDate d = t.atZone(ZoneOffset.UTC).toLocalDate();
        return !d.isBefore(start) && d.isBefore(end);
    }

    private static void proportion(
            List<String> row, long x, long n, String name, String why, List<String> undefined) {
        if (n == 0) {
            row.addAll(List.of("", "", ""));
            undefined.add(name + ": " + why);
            return;
        }
        double[] w = wilson(x, n);
        row.add(Double.toString((double) x / n));
        row.add(Double.toString(w[0]));
        row.add(Double.toString(w[1]));
    }

    /** The Wilson score interval at 95%. */
    static double[] wilson(long x, long n) {
        double z = 1.959963984540054;
        double p = (double) x / n;
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z / (1 + z * z / n) * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /**
     * The Mann–Whitney AUC with a Hanley–McNeil interval (a stand-in for DeLong in the fixture).
     */
    private static void auc(
            List<String> row, List<Case> truth, long pos, long neg, List<String> undefined) {
        if (pos < 10 || neg < 10) {
            row.addAll(List.of("", "", ""));
            undefined.add("auc: fewer than 10 cases of a class");
            return;
        }
        double wins = 0;
        for (Case a : truth) {
            if (a.label() != 1) continue;
            for (Case b : truth) {
                if (b.label() != 0) continue;
                wins += a.score() > b.score() ? 1 : a.score() == b.score() ? 0.5 : 0;
            }
        }
        double auc = wins / (pos * neg);
        double q1 = auc / (2 - auc);
        double q2 = 2 * auc * auc / (1 + auc);
        double se =
                Math.sqrt(
                        (auc * (1 - auc)
                                        + (pos - 1) * (q1 - auc * auc)
                                        + (neg - 1) * (q2 - auc * auc))
                                / (pos * neg));
        row.add(Double.toString(auc));
        row.add(Double.toString(Math.max(0, auc - 1.959963984540054 * se)));
        row.add(Double.toString(Math.min(1, auc + 1.959963984540054 * se)));
    }

    private static void drift(Path dir) throws IOException {
        Random rnd = new Random(7);
        String[][] tests = {
            {"score", "numeric", "psi"},
            {"score", "numeric", "ks"},
            {"kvp", "numeric", "ks"},
            {"slice_thickness_mm", "numeric", "wasserstein"},
            {"manufacturer", "categorical", "chi2"},
            {"convolution_kernel", "categorical", "js"}
        };
        try (CSVPrinter p = printer(dir.resolve("drift.csv"), PmsOutputFolder.DRIFT_COLUMNS)) {
            for (LocalDate start = FROM; start.isBefore(TO); start = start.plusMonths(1)) {
                for (String stratum : List.of("all", "site=A", "site=B", "site=C")) {
                    for (String[] t : tests) {
                        boolean flagged =
                                stratum.equals("site=C")
                                        && start.equals(LocalDate.of(2026, 4, 1))
                                        && t[2].equals("psi");
                        double stat =
                                flagged
                                        ? 0.2731846027
                                        : switch (t[2]) {
                                            case "psi" -> 0.01 + 0.05 * rnd.nextDouble();
                                            case "ks" -> 0.02 + 0.04 * rnd.nextDouble();
                                            case "wasserstein" -> 0.05 * rnd.nextDouble();
                                            case "js" -> 0.01 * rnd.nextDouble();
                                            default -> 2 + 4 * rnd.nextDouble();
                                        };
                        String pValue =
                                t[2].equals("ks") || t[2].equals("chi2")
                                        ? Double.toString(0.2 + 0.7 * rnd.nextDouble())
                                        : "";
                        String band =
                                t[2].equals("psi")
                                        ? (stat >= 0.25
                                                ? ">=0.25"
                                                : stat >= 0.1 ? "0.10-0.25" : "<0.10")
                                        : pValue.isEmpty() ? "" : "p>=0.01";
                        p.printRecord(
                                "month",
                                start,
                                start.plusMonths(1),
                                stratum,
                                t[0],
                                t[1],
                                t[2],
                                stratum.equals("all") ? 1200 : 400,
                                stratum.equals("all") ? 510 : 170,
                                Double.toString(stat),
                                pValue,
                                band,
                                flagged ? "drift" : "none");
                    }
                }
            }
        }
    }

    /** Daily CUSUM of sensitivity and specificity per site; returns the one alarm day. */
    private static LocalDate cusum(Path dir, List<Case> cases) throws IOException {
        Map<String, Double> mu0 = Map.of("sensitivity", MU0, "specificity", MU0);
        LocalDate alarmDay = null;
        try (CSVPrinter p = printer(dir.resolve("cusum.csv"), PmsOutputFolder.CUSUM_COLUMNS)) {
            for (String stratum : List.of("site=A", "site=B", "site=C")) {
                for (String metric : List.of("sensitivity", "specificity")) {
                    double hi = 0;
                    double lo = 0;
                    boolean alarmed = false;
                    for (LocalDate day = FROM; !day.isAfter(TO); day = day.plusDays(1)) {
                        LocalDate d = day;
                        int label = metric.equals("sensitivity") ? 1 : 0;
                        List<Case> today =
                                cases.stream()
                                        .filter(c -> c.site().equals(stratum.substring(5)))
                                        .filter(c -> c.label() == label)
                                        .filter(
                                                c ->
                                                        c.truth()
                                                                .atZone(ZoneOffset.UTC)
                                                                .toLocalDate()
                                                                .equals(d))
                                        .toList();
                        String value = "";
                        if (!today.isEmpty()) {
                            double v =
                                    today.stream().filter(c -> c.decision() == label).count()
                                            / (double) today.size();
                            value = Double.toString(v);
                            // The day's proportion standardised by its binomial standard error.
                            double z = (v - mu0.get(metric)) * Math.sqrt(today.size()) / SIGMA;
                            hi = Math.max(0, hi + z - K);
                            lo = Math.max(0, lo - z - K);
                        }
                        String alarm = "none";
                        if (!alarmed && (hi > H || lo > H)) {
                            alarm = hi > H ? "high" : "low";
                            alarmed = true;
                            if (!(stratum.equals("site=C") && metric.equals("specificity"))) {
                                throw new IllegalStateException(
                                        "unplanned alarm in the fixture: "
                                                + stratum
                                                + " "
                                                + metric
                                                + " "
                                                + day);
                            }
                            alarmDay = day;
                        }
                        p.printRecord(
                                day,
                                stratum,
                                metric,
                                value,
                                today.size(),
                                Double.toString(mu0.get(metric)),
                                Double.toString(SIGMA),
                                Double.toString(K),
                                Double.toString(H),
                                Double.toString(hi),
                                Double.toString(lo),
                                alarm);
                    }
                }
            }
        }
        if (alarmDay == null) {
            throw new IllegalStateException("the fixture's site C specificity raised no alarm");
        }
        return alarmDay;
    }

    private static void alarms(Path dir, LocalDate day) throws IOException {
        String cusum =
                "{\"alarm_id\":\""
                        + cusumAlarm(day)
                        + "\",\"kind\":\"cusum\",\"stratum\":\"site=C\","
                        + "\"metric\":\"specificity\",\"window_start\":\""
                        + day
                        + "\",\"window_end\":\""
                        + day.plusDays(1)
                        + "\",\"raised_at\":\""
                        + day
                        + "T23:59:59Z\","
                        + "\"summary\":\"CUSUM S_lo of specificity at site C crossed h = 10.0\","
                        + "\"evidence\":{\"s_lo\":10.37,\"h\":10.0,\"k\":1.0},"
                        + "\"requirements\":[\"REQ-PERF-002\"],\"risk_controls\":[\"RCM-004\"]}";
        String drift =
                "{\"alarm_id\":\""
                        + DRIFT_ALARM
                        + "\",\"kind\":\"drift\",\"stratum\":\"site=C\","
                        + "\"metric\":\"score\",\"window_start\":\"2026-04-01\",\"window_end\":\"2026-05-01\","
                        + "\"raised_at\":\"2026-05-01T00:05:00Z\","
                        + "\"summary\":\"Score distribution at site C drifted (PSI 0.273 >= 0.25)\","
                        + "\"evidence\":{\"test\":\"psi\",\"statistic\":0.2731846027},"
                        + "\"requirements\":[\"REQ-PERF-002\"],\"risk_controls\":[]}";
        Files.writeString(
                dir.resolve("alarms.jsonl"), cusum + "\n" + drift + "\n", StandardCharsets.UTF_8);
    }

    private static void investigations(Path dir, LocalDate day) throws IOException {
        json(
                dir.resolve("investigations").resolve("investigations.json"),
                "[{\"investigation_id\":\"INV-2026-001\",\"alarm_ids\":[\""
                        + cusumAlarm(day)
                        + "\",\""
                        + DRIFT_ALARM
                        + "\"],"
                        + "\"stratum\":\"site=C\",\"metric\":\"specificity\",\"state\":\"closed\","
                        + "\"opened\":\""
                        + day.plusDays(1)
                        + "T08:30:00Z\",\"closed\":\"2026-05-12T16:00:00Z\","
                        + "\"triage\":{\"severity\":\"major\",\"patient_impact\":\"more false-positive recalls\"},"
                        + "\"root_cause\":{\"category\":\"acquisition change\","
                        + "\"finding\":\"site C moved to a sharper reconstruction kernel on 2026-03-30\"},"
                        + "\"decision\":\"revalidation\","
                        + "\"rationale\":\"The specificity at site C fell below the acceptance goal after the"
                        + " kernel change; the device is revalidated on images with the new kernel.\","
                        + "\"signatures\":[{\"user\":\"qa.lead\",\"meaning\":\"approved the decision\",\"time\":\"2026-05-12T15:58:00Z\"},"
                        + "{\"user\":\"clinical.safety\",\"meaning\":\"reviewed\",\"time\":\"2026-05-12T16:00:00Z\"}]}]");
    }

    static final String BASELINE =
            "{\"run\":\"run-2025-11-20\",\"study\":\"CHEST-CT-NODULE-01\","
                    + "\"model_sha256\":\"9f2c4e0b7a1d3c5e8f60718293a4b5c6d7e8f90112233445566778899aabbccd\","
                    + "\"dataset_sha256\":\"0a1b2c3d4e5f60718293a4b5c6d7e8f9ffeeddccbbaa99887766554433221100\","
                    + "\"cases\":1200,\"metrics\":{"
                    + "\"sensitivity\":{\"estimate\":0.9125,\"ci\":[0.8712,0.9414],\"estimate_min\":0.85,"
                    + "\"ci_lower_min\":0.8,\"requirements\":[\"REQ-PERF-001\"],\"risk_controls\":[\"RCM-001\"]},"
                    + "\"specificity\":{\"estimate\":0.9301,\"ci\":[0.9132,0.9440],\"estimate_min\":0.85,"
                    + "\"ci_lower_min\":0.82,\"requirements\":[\"REQ-PERF-002\"],\"risk_controls\":[\"RCM-004\"]},"
                    + "\"auc\":{\"estimate\":0.9602,\"ci\":[0.9455,0.9749],\"estimate_min\":0.9,"
                    + "\"ci_lower_min\":0.88,\"requirements\":[\"REQ-PERF-003\"],\"risk_controls\":[]}}}";

    /** One design per chart, as the surveillance job writes them. */
    static final String DESIGN =
            "[{\"metric\":\"sensitivity\",\"strata\":[\"site=A\",\"site=B\",\"site=C\"],"
                    + "\"arl0_target\":50000.0,\"shift_sigma\":2.0,\"k\":1.0,\"h\":10.0,"
                    + "\"arl0\":52113.7,\"arl1\":8.2,\"mu0\":0.93,\"sigma_unit\":0.2551,"
                    + "\"method\":\"Siegmund approximation\"},"
                    + "{\"metric\":\"specificity\",\"strata\":[\"site=A\",\"site=B\",\"site=C\"],"
                    + "\"arl0_target\":50000.0,\"shift_sigma\":2.0,\"k\":1.0,\"h\":10.0,"
                    + "\"arl0\":52113.7,\"arl1\":8.2,\"mu0\":0.93,\"sigma_unit\":0.2551,"
                    + "\"method\":\"Siegmund approximation\"}]";

    static CSVPrinter printer(Path file, List<String> header) throws IOException {
        Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return new CSVPrinter(
                w, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
    }

    private static void json(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
