package org.clinval.surveillance.job;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import org.clinval.surveillance.baseline.Baseline;
import org.clinval.surveillance.plan.MonitoringPlan;

/**
 * Every calendar window of one stratum in one keyed operator: the plan's windows of each kind
 * (statistics, drift, goals) and the days counted for the CUSUM charts. Each record of a stratum
 * then crosses the network once, not once per kind of window, and is added to each of its windows
 * in keyed state. At a window's end (an event-time timer at its end) the window's {@code
 * windows.csv} row is emitted, its drift rows ({@link Tags#DRIFT}), its alarms ({@link
 * Tags#ALARMS}), the summary of a window of the plan's kind for the cumulative rows ({@link
 * Tags#SUMMARIES}) and a day's counts ({@link Tags#DAYS}).
 *
 * <p>A window closes when the watermark reaches its end, one millisecond after Flink's event-time
 * window operator would close it (at its last millisecond). The join stamps a record no earlier
 * than its own watermark, so a record at a window's last millisecond can come when the watermark is
 * exactly there: Flink's operator would leave it out of its day, week and month without a trace;
 * here it is counted. No record the join emits is late for its windows; a record that still were (a
 * window already closed) would be counted in {@code numLateRecordsDropped}.
 */
final class StratumWindows extends KeyedProcessFunction<String, StratumRecord, String> {

    private static final long serialVersionUID = 1L;

    private final List<MonitoringPlan.Window> kinds;
    private final List<WindowStatistics> statistics;
    private final MonitoringPlan.Window summarised;

    /** Per kind (as in {@link #kinds}): the stratum's open windows by their end. */
    private transient List<MapState<Long, WindowAcc>> windows;

    /** The stratum's open days by their end. */
    private transient MapState<Long, DailyMetric> days;

    private transient Counter lateDropped;

    /**
     * The last window computed per kind (the days last): records come in time order, mostly within
     * the windows of the record before.
     */
    private transient TimeWindow[] recent;

    /**
     * @param kinds the kinds of windows the plan needs, each once
     */
    StratumWindows(MonitoringPlan plan, Baseline baseline, List<MonitoringPlan.Window> kinds) {
        this.kinds = List.copyOf(kinds);
        List<WindowStatistics> s = new ArrayList<>();
        for (MonitoringPlan.Window kind : kinds) {
            s.add(
                    new WindowStatistics(
                            plan,
                            baseline,
                            kind,
                            kind == plan.drift().window(),
                            kind == plan.goalWindow()));
        }
        this.statistics = List.copyOf(s);
        this.summarised = plan.window();
    }

    @Override
    public void open(OpenContext ctx) {
        windows = new ArrayList<>();
        for (MonitoringPlan.Window kind : kinds) {
            windows.add(
                    getRuntimeContext()
                            .getMapState(
                                    new MapStateDescriptor<>(
                                            kind.wire() + " windows",
                                            Long.class,
                                            WindowAcc.class)));
        }
        days =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>("days", Long.class, DailyMetric.class));
        lateDropped = getRuntimeContext().getMetricGroup().counter("numLateRecordsDropped");
        recent = new TimeWindow[kinds.size() + 1];
    }

    @Override
    public void processElement(StratumRecord r, Context ctx, Collector<String> out)
            throws Exception {
        long t = ctx.timestamp();
        long watermark = ctx.timerService().currentWatermark();
        for (int i = 0; i < kinds.size(); i++) {
            TimeWindow w = window(i, kinds.get(i), t);
            if (w.getEnd() <= watermark) {
                lateDropped.inc();
                continue;
            }
            MapState<Long, WindowAcc> open = windows.get(i);
            WindowAcc a = open.get(w.getEnd());
            if (a == null) {
                a = new WindowAcc(statistics.get(i).drift());
                // One timer per window (state and timer are checkpointed together).
                ctx.timerService().registerEventTimeTimer(w.getEnd());
            }
            a.add(r);
            open.put(w.getEnd(), a);
        }
        TimeWindow day = window(kinds.size(), MonitoringPlan.Window.DAY, t);
        if (day.getEnd() <= watermark) {
            lateDropped.inc();
            return;
        }
        DailyMetric d = days.get(day.getEnd());
        if (d == null) {
            d = new DailyMetric();
            ctx.timerService().registerEventTimeTimer(day.getEnd());
        }
        d.add(r);
        days.put(day.getEnd(), d);
    }

    /** The window of {@code kind} that holds {@code t}; {@code i} its place in {@link #recent}. */
    private TimeWindow window(int i, MonitoringPlan.Window kind, long t) {
        TimeWindow w = recent[i];
        if (w == null || t < w.getStart() || t >= w.getEnd()) {
            w = CalendarWindows.of(kind, t);
            recent[i] = w;
        }
        return w;
    }

    @Override
    public void onTimer(long ts, OnTimerContext ctx, Collector<String> out) throws Exception {
        String stratum = ctx.getCurrentKey();
        long end = ts;
        for (int i = 0; i < kinds.size(); i++) {
            MapState<Long, WindowAcc> open = windows.get(i);
            WindowAcc a = open.get(end);
            if (a == null) continue;
            open.remove(end);
            TimeWindow w = CalendarWindows.of(kinds.get(i), end - 1);
            WindowSummary s =
                    statistics
                            .get(i)
                            .compute(
                                    stratum,
                                    w.getStart(),
                                    w.getEnd(),
                                    a,
                                    x -> ctx.output(Tags.DRIFT, x),
                                    x -> ctx.output(Tags.ALARMS, x));
            out.collect(s.line);
            if (kinds.get(i) == summarised) ctx.output(Tags.SUMMARIES, s);
        }
        DailyMetric d = days.get(end);
        if (d != null) {
            days.remove(end);
            d.close(stratum, CalendarWindows.of(MonitoringPlan.Window.DAY, end - 1).getStart());
            ctx.output(Tags.DAYS, d);
        }
    }
}
