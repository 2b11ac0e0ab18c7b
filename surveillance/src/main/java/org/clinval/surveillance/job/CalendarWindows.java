package org.clinval.surveillance.job;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.streaming.api.windowing.assigners.WindowAssigner;
import org.apache.flink.streaming.api.windowing.triggers.EventTimeTrigger;
import org.apache.flink.streaming.api.windowing.triggers.Trigger;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.clinval.surveillance.plan.MonitoringPlan;

/**
 * Tumbling calendar windows in UTC: days, ISO weeks (Monday first) or calendar months — months are
 * not of one length, so Flink's fixed-size tumbling windows cannot express them.
 */
public final class CalendarWindows extends WindowAssigner<Object, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private static final long DAY_MS = 86_400_000L;

    private final MonitoringPlan.Window kind;

    public CalendarWindows(MonitoringPlan.Window kind) {
        this.kind = kind;
    }

    /** Returns the window of {@code kind} that holds instant {@code millis}. */
    public static TimeWindow of(MonitoringPlan.Window kind, long millis) {
        long epochDay = Math.floorDiv(millis, DAY_MS);
        if (kind == MonitoringPlan.Window.DAY) {
            return new TimeWindow(epochDay * DAY_MS, (epochDay + 1) * DAY_MS);
        }
        if (kind == MonitoringPlan.Window.WEEK) {
            // 1970-01-01 was a Thursday: Monday is 3 days before it.
            long monday = epochDay - Math.floorMod(epochDay + 3, 7);
            return new TimeWindow(monday * DAY_MS, (monday + 7) * DAY_MS);
        }
        LocalDate day = LocalDate.ofEpochDay(epochDay);
        LocalDate start =
                switch (kind) {
                    case DAY -> day;
                    case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                    case MONTH -> day.withDayOfMonth(1);
                };
        LocalDate end =
                switch (kind) {
                    case DAY -> start.plusDays(1);
                    case WEEK -> start.plusWeeks(1);
                    case MONTH -> start.plusMonths(1);
                };
        return new TimeWindow(millis(start), millis(end));
    }

    /** Returns the UTC midnight that starts {@code day}, in epoch milliseconds. */
    public static long millis(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /** Returns the UTC day of {@code millis}. */
    public static LocalDate day(long millis) {
        return Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDate();
    }

    @Override
    public Collection<TimeWindow> assignWindows(
            Object element, long timestamp, WindowAssignerContext context) {
        return List.of(of(kind, timestamp));
    }

    @Override
    public Trigger<Object, TimeWindow> getDefaultTrigger() {
        return EventTimeTrigger.create();
    }

    @Override
    public TypeSerializer<TimeWindow> getWindowSerializer(ExecutionConfig executionConfig) {
        return new TimeWindow.Serializer();
    }

    @Override
    public boolean isEventTime() {
        return true;
    }

    @Override
    public String toString() {
        return "CalendarWindows(" + kind.wire() + ")";
    }
}
