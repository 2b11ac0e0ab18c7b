package org.clinval.common.csv;

import java.util.Arrays;

/**
 * The line each data row starts on, kept as the rows where the gap between row and line changes
 * (after a comment, a blank line or a value spanning lines): a file without them costs one entry,
 * not one per row.
 */
final class LineIndex {

    private int[] rows = new int[4];
    private long[] offsets = new long[4];
    private int size;

    /** Records that data row {@code row} starts on {@code line}; rows come in order. */
    void add(int row, long line) {
        long offset = line - row;
        if (size > 0 && offsets[size - 1] == offset) return;
        if (size == rows.length) {
            rows = Arrays.copyOf(rows, size * 2);
            offsets = Arrays.copyOf(offsets, size * 2);
        }
        rows[size] = row;
        offsets[size++] = offset;
    }

    /** Returns the line data row {@code row} starts on. */
    long lineOf(int row) {
        int i = Arrays.binarySearch(rows, 0, size, row);
        if (i < 0) i = -i - 2;
        return row + offsets[i];
    }
}
