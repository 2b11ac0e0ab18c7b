package org.clinval.common.csv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A column of text values, kept as a code per row into its distinct values: labels, ratings and
 * identifiers repeat, so ten million rows of two labels take 40 MB instead of ten million strings.
 * Each distinct value knows the first row that holds it, so a check of the values names the line of
 * the first bad one.
 */
public final class TextColumn {

    /** Below this many distinct values a lookup compares characters instead of hashing. */
    private static final int SCANNED = 8;

    private final String name;
    private int[] codes = new int[1024];
    private int size;
    private final List<String> values = new ArrayList<>();
    private final List<char[]> chars = new ArrayList<>();
    private int[] firstRows = new int[16];
    private final Map<String, Integer> index = new HashMap<>();
    private int last = -1;
    private int emptyRow = -1;

    TextColumn(String name) {
        this.name = name;
    }

    void add(int row, char[] text, int offset, int length) {
        if (length == 0 && emptyRow < 0) emptyRow = row;
        if (size == codes.length) codes = Arrays.copyOf(codes, size * 2);
        codes[size++] = code(row, text, offset, length);
    }

    private int code(int row, char[] text, int offset, int length) {
        if (last >= 0 && same(chars.get(last), text, offset, length)) return last;
        if (values.size() <= SCANNED) {
            for (int c = 0; c < chars.size(); c++) {
                if (same(chars.get(c), text, offset, length)) return last = c;
            }
            if (values.size() < SCANNED) {
                return last = added(row, new String(text, offset, length));
            }
        }
        String value = new String(text, offset, length);
        Integer c = index.get(value);
        return last = (c != null ? c : added(row, value));
    }

    private static boolean same(char[] value, char[] text, int offset, int length) {
        return value.length == length
                && Arrays.equals(value, 0, length, text, offset, offset + length);
    }

    private int added(int row, String value) {
        int c = values.size();
        values.add(value);
        chars.add(value.toCharArray());
        index.put(value, c);
        if (c == firstRows.length) firstRows = Arrays.copyOf(firstRows, c * 2);
        firstRows[c] = row;
        return c;
    }

    /** Throws the error at the first empty value, if any. */
    TextColumn checked(CsvColumns where) throws CsvException {
        if (emptyRow >= 0) throw new CsvException(where.where(emptyRow, name) + ": empty value");
        if (size != codes.length) codes = Arrays.copyOf(codes, size);
        return this;
    }

    /** Returns this column with its code array cut to its size. */
    TextColumn trimmed() {
        if (size != codes.length) codes = Arrays.copyOf(codes, size);
        return this;
    }

    /** Returns the column name. */
    public String name() {
        return name;
    }

    /** Returns the number of rows. */
    public int size() {
        return size;
    }

    /** Returns the distinct values in the order of their first row. */
    public List<String> values() {
        return Collections.unmodifiableList(values);
    }

    /** Returns the index into {@link #values()} of the value of each row (do not modify). */
    public int[] codes() {
        return codes;
    }

    /** Returns the first row holding distinct value {@code code}. */
    public int firstRow(int code) {
        return firstRows[code];
    }

    /** Returns the value of row {@code row}. */
    public String value(int row) {
        return values.get(codes[row]);
    }

    /** Returns the value of every row (the strings are shared between equal rows). */
    public String[] strings() {
        String[] out = new String[size];
        for (int i = 0; i < size; i++) out[i] = values.get(codes[i]);
        return out;
    }
}
