package org.clinval.common.csv;

import java.util.List;
import java.util.Map;
import org.clinval.common.Quote;

/**
 * The columns a {@link CsvReader} was asked for, as arrays, with the line each row came from. A
 * column's first bad value is reported when the column is taken, so a caller reports errors in the
 * order it takes its columns.
 */
public final class CsvColumns {

    private final String file;
    private final List<String> header;
    private final int size;
    private final LineIndex lines;
    private final Map<String, NumberColumn> numbers;
    private final Map<String, TextColumn> texts;

    CsvColumns(
            String file,
            List<String> header,
            int size,
            LineIndex lines,
            Map<String, NumberColumn> numbers,
            Map<String, TextColumn> texts) {
        this.file = file;
        this.header = List.copyOf(header);
        this.size = size;
        this.lines = lines;
        this.numbers = numbers;
        this.texts = texts;
    }

    /** Returns the file name as given. */
    public String file() {
        return file;
    }

    /** Returns the column names of the header row. */
    public List<String> header() {
        return header;
    }

    /** Returns the number of data rows. */
    public int size() {
        return size;
    }

    /**
     * Returns the line (header = 1, comments and blank lines counted) data row {@code row} starts
     * on.
     */
    public long lineOf(int row) {
        return lines.lineOf(row);
    }

    /** Returns "{@code file line N, column 'c'}" for data row {@code row}. */
    public String where(int row, String column) {
        return file + " line " + lineOf(row) + ", column " + Quote.value(column);
    }

    /**
     * Returns number column {@code column}.
     *
     * @throws CsvException at its first empty, non-numeric, NaN or infinite value
     * @throws IllegalArgumentException if the reader was not asked for it as numbers
     */
    public double[] numbers(String column) throws CsvException {
        NumberColumn c = numbers.get(column);
        if (c == null) throw new IllegalArgumentException("not read as numbers: " + column);
        return c.values(this);
    }

    /**
     * Returns text column {@code column}.
     *
     * @throws CsvException at its first empty value
     * @throws IllegalArgumentException if the reader was not asked for it as text
     */
    public TextColumn text(String column) throws CsvException {
        TextColumn c = texts.get(column);
        if (c == null) throw new IllegalArgumentException("not read as text: " + column);
        return c.checked(this);
    }

    /**
     * Returns text column {@code column} with its empty values, for a column where empty means
     * something (a value not given, an undefined metric).
     *
     * @throws IllegalArgumentException if the reader was not asked for it as text
     */
    public TextColumn textWithEmpty(String column) {
        TextColumn c = texts.get(column);
        if (c == null) throw new IllegalArgumentException("not read as text: " + column);
        return c.trimmed();
    }
}
