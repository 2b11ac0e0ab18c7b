package org.clinval.surveillance.job;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.clinval.surveillance.plan.MonitoringPlan;

/**
 * Tumbling calendar windows in UTC: days, ISO weeks (Monday first) or calendar months — months are
 * not of one length, so Flink's fixed-size tumbling windows cannot express them.
 */
public final class CalendarWindows {

    private static final long DAY_MS = 86_400_000L;

    private CalendarWindows() {}

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
}
