package org.clinval.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.validation.Interval;

/** A plain-text table with aligned columns, and the number formats of human-readable output. */
public final class TextTable {

    private final List<String[]> rows = new ArrayList<>();

    /** Adds a row; the first row added is the header. */
    public TextTable row(String... cells) {
        rows.add(cells);
        return this;
    }

    /** Returns the table, columns padded to their widest cell, a rule under the header. */
    public String render(String indent) {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int c = 0; c < r.length; c++) width[c] = Math.max(width[c], r[c].length());
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            StringBuilder line = new StringBuilder(indent);
            for (int c = 0; c < r.length; c++) {
                line.append(c == 0 ? pad(r[c], width[c]) : "  " + pad(r[c], width[c]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
            if (i == 0) {
                int total = indent.length();
                for (int c = 0; c < columns; c++) total += width[c] + (c == 0 ? 0 : 2);
                out.append(indent).append("-".repeat(total - indent.length())).append('\n');
            }
        }
        return out.toString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }

    /** Formats a number with three decimals. */
    public static String num(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** Formats a number with three decimals, or {@code undefined}. */
    public static String num(OptionalDouble v) {
        return v.isPresent() ? num(v.getAsDouble()) : "undefined";
    }

    /** Formats {@code [lower, upper]} with three decimals. */
    public static String interval(Interval i) {
        return "[" + num(i.lower()) + ", " + num(i.upper()) + "]";
    }

    /** Formats {@code [lower, upper]}, or {@code undefined}. */
    public static String interval(Optional<Interval> i) {
        return i.map(TextTable::interval).orElse("undefined");
    }

    /** Formats a p-value: three significant digits, {@code < 0.0001} below that. */
    public static String p(double p) {
        return p < 1e-4 ? "< 0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }
}
