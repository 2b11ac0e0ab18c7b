package org.clinval.reports.pms;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.clinval.common.Quote;
import org.clinval.reports.pms.PmsReportInputs.Alarm;
import org.clinval.reports.pms.PmsReportInputs.Baseline;
import org.clinval.reports.pms.PmsReportInputs.CusumPoint;
import org.clinval.reports.pms.PmsReportInputs.Drift;
import org.clinval.reports.pms.PmsReportInputs.Entry;
import org.clinval.reports.pms.PmsReportInputs.Investigation;
import org.clinval.reports.pms.PmsReportInputs.VersionSeen;
import org.clinval.reports.pms.PmsReportInputs.Window;

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
        List<Alarm> alarms = JsonFiles.alarms(out.resolve("alarms.jsonl"), from, to);
        Path invFile = out.resolve("investigations").resolve("investigations.json");
        boolean recorded = Files.isRegularFile(invFile);
        List<Investigation> investigations =
                recorded ? JsonFiles.investigations(invFile, alarms, from, to) : List.of();
        Baseline baseline = JsonFiles.baseline(out.resolve("baseline.json"));
        Path designFile = out.resolve("cusum-design.json");
        List<Entry> design =
                Files.isRegularFile(designFile)
                        ? JsonFiles.entries(designFile, "cusum-design.json")
                        : List.of();
        List<Entry> reconciliation =
                JsonFiles.entries(out.resolve("reconciliation.json"), "reconciliation.json");
        List<VersionSeen> versions = versions(out.resolve("joined-cases.csv"), from, to);
        Optional<String> planWindow = JsonFiles.planWindow(out.resolve("plan.yaml"));
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
                                    r.raw("ci_method"),
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
                List.of("prediction_time", "model_version", "device_version"),
                false,
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
}
