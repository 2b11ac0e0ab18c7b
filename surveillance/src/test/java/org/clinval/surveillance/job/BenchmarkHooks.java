package org.clinval.surveillance.job;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.clinval.surveillance.baseline.Baseline;
import org.clinval.surveillance.event.Event;
import org.clinval.surveillance.event.EventParser;
import org.clinval.surveillance.plan.MonitoringPlan;
import org.clinval.validation.cusum.CusumChart;
import org.clinval.validation.cusum.CusumState;
import org.clinval.validation.cusum.CusumStep;

/**
 * The benchmark's baseline: one thread, one pass over the same files, the same statistics (parse,
 * join within the horizon, weekly and monthly windows per stratum with the same metrics and drift
 * tests, daily CUSUM) with plain collections instead of Flink.
 */
public final class BenchmarkHooks {

    private BenchmarkHooks() {}

    public static Baseline syntheticBaseline(long seed) {
        return TestStream.baseline(seed);
    }

    /** Returns the lines read. */
    public static long plainLoop(Path events, MonitoringPlan plan, Baseline baseline)
            throws IOException {
        List<ChartSpec> charts = SurveillanceRun.design(plan, baseline);
        Map<String, Event> predictions = new HashMap<>();
        ArrayDeque<Event> byTime = new ArrayDeque<>();
        // (window kind, window start, stratum) -> records
        Map<MonitoringPlan.Window, TreeMap<Long, Map<String, WindowAcc>>> windows = new HashMap<>();
        for (MonitoringPlan.Window k :
                List.of(plan.window(), plan.goalWindow(), plan.drift().window())) {
            windows.put(k, new TreeMap<>());
        }
        TreeMap<Long, Map<String, long[]>> days = new TreeMap<>();
        Map<String, CusumState> cusum = new HashMap<>();
        long lines = 0;
        long sink = 0;
        List<Path> files;
        try (Stream<Path> s = Files.list(events)) {
            files = s.sorted().toList();
        }
        long max = Long.MIN_VALUE;
        for (Path f : files) {
            try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines++;
                    EventParser.Result res = EventParser.parse(line);
                    if (!res.ok()) continue;
                    Event e = res.event();
                    max = Math.max(max, e.eventTime);
                    long watermark = max - plan.latenessMillis();
                    while (!byTime.isEmpty()
                            && byTime.peekFirst().eventTime + plan.horizonMillis() < watermark) {
                        predictions.remove(byTime.pollFirst().caseId);
                    }
                    CaseRecord rec = null;
                    switch (e.type) {
                        case PREDICTION -> {
                            predictions.put(e.caseId, e);
                            byTime.addLast(e);
                            rec = record(CaseRecord.Kind.PREDICTION, e, e.eventTime);
                        }
                        case GROUND_TRUTH -> {
                            Event p = predictions.get(e.caseId);
                            if (p != null && e.eventTime - p.eventTime <= plan.horizonMillis()) {
                                rec = record(CaseRecord.Kind.JOINED, p, e.eventTime);
                                rec.label = e.label;
                            }
                        }
                        case READER_DECISION -> {
                            Event p = predictions.get(e.caseId);
                            if (p != null) {
                                rec = record(CaseRecord.Kind.READER, p, e.eventTime);
                                rec.readerAgreed = e.agreed ? 1 : 0;
                            }
                        }
                    }
                    if (rec != null) {
                        for (String s : Strata.of(rec, plan.strata())) {
                            StratumRecord c = StratumRecord.of(rec, s);
                            for (var w : windows.entrySet()) {
                                TimeWindow tw = CalendarWindows.of(w.getKey(), rec.time);
                                w.getValue()
                                        .computeIfAbsent(tw.getStart(), k -> new HashMap<>())
                                        .computeIfAbsent(s, k -> new WindowAcc())
                                        .add(c);
                            }
                            if (c.kind == CaseRecord.Kind.JOINED) {
                                long[] d =
                                        days.computeIfAbsent(
                                                        CalendarWindows.of(
                                                                        MonitoringPlan.Window.DAY,
                                                                        rec.time)
                                                                .getStart(),
                                                        k -> new HashMap<>())
                                                .computeIfAbsent(s, k -> new long[2]);
                                if (c.label == 0) {
                                    d[0]++;
                                    if (c.decision == 0) d[1]++;
                                }
                            }
                        }
                    }
                    sink += flush(windows, days, cusum, charts, plan, baseline, watermark);
                }
            }
        }
        sink += flush(windows, days, cusum, charts, plan, baseline, Long.MAX_VALUE);
        if (sink < 0) throw new IllegalStateException();
        return lines;
    }

    private static long flush(
            Map<MonitoringPlan.Window, TreeMap<Long, Map<String, WindowAcc>>> windows,
            TreeMap<Long, Map<String, long[]>> days,
            Map<String, CusumState> cusum,
            List<ChartSpec> charts,
            MonitoringPlan plan,
            Baseline baseline,
            long watermark) {
        long out = 0;
        for (var w : windows.entrySet()) {
            while (!w.getValue().isEmpty()) {
                long start = w.getValue().firstKey();
                TimeWindow tw = CalendarWindows.of(w.getKey(), start);
                if (tw.getEnd() > watermark && watermark != Long.MAX_VALUE) break;
                for (var s : w.getValue().pollFirstEntry().getValue().entrySet()) {
                    WindowSummary sum =
                            WindowStatistics.summary(
                                    s.getKey(),
                                    w.getKey(),
                                    tw.getStart(),
                                    tw.getEnd(),
                                    s.getValue());
                    StringBuilder row = new StringBuilder();
                    WindowStatistics.figures(sum, s.getValue(), plan, row);
                    out += row.length();
                    if (w.getKey() == plan.drift().window()) {
                        out += DriftRows.rows(plan, baseline, sum, s.getValue(), a -> {}).size();
                    }
                }
            }
        }
        while (!days.isEmpty()
                && (days.firstKey() + 86_400_000L <= watermark || watermark == Long.MAX_VALUE)) {
            for (var s : days.pollFirstEntry().getValue().entrySet()) {
                for (ChartSpec c : charts) {
                    if (!c.charts(s.getKey()) || s.getValue()[0] == 0) continue;
                    long n = s.getValue()[0];
                    CusumChart chart =
                            CusumChart.of(c.mu0(), c.sigmaUnit() / Math.sqrt(n), c.design());
                    CusumStep step =
                            chart.step(
                                    cusum.getOrDefault(s.getKey(), CusumState.initial()),
                                    (double) s.getValue()[1] / n);
                    cusum.put(s.getKey(), step.next());
                    out++;
                }
            }
        }
        return out;
    }

    private static CaseRecord record(CaseRecord.Kind kind, Event p, long time) {
        CaseRecord r = new CaseRecord();
        r.kind = kind;
        r.caseId = p.caseId;
        r.time = time;
        r.predictionTime = p.eventTime;
        r.site = p.site;
        r.manufacturer = p.manufacturer;
        r.modelVersion = p.modelVersion;
        r.score = p.score;
        r.decision = p.decision;
        r.convolutionKernel = p.convolutionKernel;
        r.kvp = p.kvp;
        r.sliceThicknessMm = p.sliceThicknessMm;
        r.pixelSpacingMm = p.pixelSpacingMm;
        r.magneticFieldStrengthT = p.magneticFieldStrengthT;
        return r;
    }
}
