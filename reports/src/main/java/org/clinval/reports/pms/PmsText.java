package org.clinval.reports.pms;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalDouble;
import org.clinval.reports.internal.Text;
import org.clinval.reports.pms.PmsReportInputs.Estimate;

/**
 * How the surveillance report prints the files' values, on top of the suite's {@link Text}: an
 * empty cell prints as {@code undefined (reason)} with the reason the row's {@code undefined}
 * column gives, never as {@code NaN}.
 */
final class PmsText {

    private static final DateTimeFormatter MONTH =
            DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT);

    private PmsText() {}

    /**
     * Returns why {@code metric} is undefined according to an {@code undefined} cell such as {@code
     * sensitivity: no positives; auc: fewer than 10 cases of a class}: the reason given for that
     * metric, else the whole cell, else "no reason recorded".
     */
    static String reason(String undefined, String metric) {
        if (undefined == null || undefined.isBlank()) {
            return "no reason recorded";
        }
        for (String part : undefined.split("[;|]")) {
            int colon = part.indexOf(':');
            if (colon < 0) {
                colon = part.indexOf('=');
            }
            if (colon > 0 && part.substring(0, colon).trim().equalsIgnoreCase(metric)) {
                return part.substring(colon + 1).trim();
            }
        }
        return undefined.trim();
    }

    /** Returns {@code undefined (reason)}. */
    static String undefined(String reason) {
        return Text.UNDEFINED + " (" + reason + ")";
    }

    /** Returns the value with three decimals, or {@code undefined (reason)}. */
    static String number(OptionalDouble value, String reason) {
        return value.isPresent() ? Text.number(value.getAsDouble()) : undefined(reason);
    }

    /**
     * Returns {@code 0.912 (0.871–0.941)}, {@code 0.912 (interval undefined)} or {@code undefined
     * (reason)}.
     */
    static String estimate(Estimate e, String reason) {
        if (e.value().isEmpty()) {
            return undefined(reason);
        }
        String v = Text.number(e.value().getAsDouble());
        if (e.lower().isEmpty() || e.upper().isEmpty()) {
            return v + " (interval undefined)";
        }
        return v
                + " ("
                + Text.number(e.lower().getAsDouble())
                + "\u2013"
                + Text.number(e.upper().getAsDouble())
                + ")";
    }

    /** Returns a p-value: three decimals, or {@code < 0.001}. */
    static String p(OptionalDouble p, String reason) {
        if (p.isEmpty()) {
            return undefined(reason);
        }
        double v = p.getAsDouble();
        return v < 0.001 ? "< 0.001" : Text.number(v);
    }

    /** Returns a test statistic with up to four significant decimals. */
    static String statistic(OptionalDouble s, String reason) {
        if (s.isEmpty()) {
            return undefined(reason);
        }
        double v = s.getAsDouble();
        return Math.abs(v) >= 100
                ? String.format(Locale.ROOT, "%.1f", v)
                : String.format(Locale.ROOT, "%.4f", v);
    }

    /**
     * Returns a window as a reader names it: {@code 2026-04} for a calendar month, the day for a
     * day, else the first and last day, e.g. {@code 2026-04-06 – 2026-04-12}.
     */
    static String window(String kind, LocalDate start, LocalDate end) {
        if (start.getDayOfMonth() == 1 && end.equals(start.plusMonths(1))) {
            return MONTH.format(start);
        }
        if (end.equals(start.plusDays(1))) {
            return start.toString();
        }
        return start + " \u2013 " + end.minusDays(1);
    }

    /** Returns a short label of a window for a chart's axis. */
    static String axisLabel(String kind, LocalDate start, LocalDate end) {
        if (kind.equals("month") && start.getDayOfMonth() == 1 && end.equals(start.plusMonths(1))) {
            return MONTH.format(start);
        }
        return start.toString().substring(5);
    }

    /** Returns an ISO-8601 time as text wraps it well: {@code 2026-04-21 23:59:59Z}. */
    static String time(String iso) {
        return iso.length() > 10 && iso.charAt(10) == 'T'
                ? iso.substring(0, 10) + " " + iso.substring(11)
                : iso;
    }

    /** Returns a design value with at most four decimals, e.g. {@code 0.2551}. */
    static String design(double value) {
        return Text.threshold(
                new java.math.BigDecimal(Double.toString(value))
                        .setScale(4, java.math.RoundingMode.HALF_EVEN)
                        .doubleValue());
    }

    /** Returns a stratum as a reader names it: {@code all sites}, {@code site A}. */
    static String stratum(String stratum) {
        if (stratum.equals("all")) {
            return "all cases";
        }
        int eq = stratum.indexOf('=');
        if (eq < 0) {
            return stratum;
        }
        return stratum.substring(0, eq).replace('_', ' ') + " " + stratum.substring(eq + 1);
    }

    /** Returns a decision as a reader names it: {@code revalidation}, {@code no action}. */
    static String words(String value) {
        return value.replace('_', ' ');
    }
}
