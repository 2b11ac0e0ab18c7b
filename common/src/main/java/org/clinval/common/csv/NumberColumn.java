package org.clinval.common.csv;

import java.util.Arrays;
import org.clinval.common.Quote;

/**
 * A column being parsed into finite doubles. The first bad value (empty, not a number, NaN or
 * infinite) is remembered with its row and text, and reading goes on, so the caller decides which
 * column's error to report first, as when the columns were read one after another.
 */
final class NumberColumn {

    private final String name;
    private double[] values = new double[1024];
    private int size;
    private int badRow = -1;
    private String badWhat;

    NumberColumn(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    void add(int row, char[] text, int offset, int length) {
        double v = Double.NaN;
        if (badRow < 0) {
            if (length == 0) {
                fail(row, "empty value");
            } else {
                try {
                    v = DecimalParser.parse(text, offset, length);
                    if (!Double.isFinite(v)) {
                        fail(
                                row,
                                "not a finite number: "
                                        + Quote.value(new String(text, offset, length)));
                    }
                } catch (NumberFormatException e) {
                    fail(row, "not a number: " + Quote.value(new String(text, offset, length)));
                }
            }
        }
        if (size == values.length) values = Arrays.copyOf(values, size * 2);
        values[size++] = v;
    }

    private void fail(int row, String what) {
        badRow = row;
        badWhat = what;
    }

    /** Returns the values, or the error at the first bad one. */
    double[] values(CsvColumns where) throws CsvException {
        if (badRow >= 0) throw new CsvException(where.where(badRow, name) + ": " + badWhat);
        return size == values.length ? values : Arrays.copyOf(values, size);
    }
}
