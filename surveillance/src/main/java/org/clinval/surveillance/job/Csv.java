package org.clinval.surveillance.job;

import java.time.LocalDate;

/** RFC 4180 cells for the output files: full precision, empty for undefined. */
public final class Csv {

    private Csv() {}

    /** A number, or an empty cell when it is undefined (NaN). */
    public static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    /** A text cell, quoted when it holds a comma, a quote or a line break. */
    public static String text(String s) {
        if (s == null) return "";
        if (s.indexOf(',') < 0
                && s.indexOf('"') < 0
                && s.indexOf('\n') < 0
                && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** The UTC day of {@code millis}. */
    public static String day(long millis) {
        return CalendarWindows.day(millis).toString();
    }

    /** Joins cells with commas. */
    public static String row(Object... cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) b.append(',');
            Object c = cells[i];
            if (c instanceof Double d) b.append(num(d));
            else if (c instanceof LocalDate d) b.append(d);
            else if (c instanceof String s) b.append(text(s));
            else if (c != null) b.append(c);
        }
        return b.toString();
    }
}
