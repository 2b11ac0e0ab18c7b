package org.clinval.app.io;

import java.nio.file.Path;
import java.util.List;
import org.clinval.app.cli.UserError;
import org.clinval.common.Quote;
import org.clinval.common.csv.CsvColumns;
import org.clinval.common.csv.CsvException;
import org.clinval.common.csv.CsvReader;
import org.clinval.common.csv.TextColumn;

/**
 * The columns a command needs from a CSV file with a header row, read in one pass by {@link
 * CsvReader} without keeping the rows. Every error names the file, the column and the line (the
 * header is line 1), so a user can find the bad value; a column's bad value is reported when the
 * command takes that column, so the errors come in the order the command reads its columns.
 */
public final class CsvTable {

    /** The most values an error message lists. */
    static final int LISTED = CsvReader.LISTED;

    private final CsvColumns columns;

    private CsvTable(CsvColumns columns) {
        this.columns = columns;
    }

    /**
     * Reads the columns {@code reader} names from {@code path}. A file without data rows is an
     * error naming it.
     */
    public static CsvTable read(Path path, CsvReader reader) {
        CsvTable t = readMaybeEmpty(path, reader);
        if (t.size() == 0) {
            throw new UserError(t.file() + ": no data rows, only the header");
        }
        return t;
    }

    /** As {@link #read}, but a file with a header and no data rows is a table of 0 rows. */
    public static CsvTable readMaybeEmpty(Path path, CsvReader reader) {
        try {
            return new CsvTable(reader.read(path));
        } catch (CsvException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    /** Returns the file name as given. */
    public String file() {
        return columns.file();
    }

    /** Returns the number of data rows. */
    public int size() {
        return columns.size();
    }

    /** Returns the column names. */
    public List<String> header() {
        return columns.header();
    }

    /** Returns the line number (header = 1) of data row {@code row}. */
    public long lineOf(int row) {
        return columns.lineOf(row);
    }

    /** Returns "{@code file line N, column 'c'}" for data row {@code row}. */
    public String where(int row, String column) {
        return columns.where(row, column);
    }

    /** Returns a text column as codes of its distinct values; an empty value is an error. */
    public TextColumn text(String column) {
        try {
            return columns.text(column);
        } catch (CsvException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    /** Returns the text of {@code column} in every row; an empty value is an error. */
    public String[] strings(String column) {
        return text(column).strings();
    }

    /**
     * Returns {@code column} as finite numbers; NaN, infinity and text are errors naming the row.
     */
    public double[] doubles(String column) {
        try {
            return columns.numbers(column);
        } catch (CsvException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    /**
     * Returns {@code column} as binary labels: 0/1 when {@code positive} is null; otherwise {@code
     * positive} marks the positive class and every other row must share one other value (so a
     * misspelt label cannot become a silent negative).
     */
    public boolean[] labels(String column, String positive) {
        TextColumn text = text(column);
        List<String> values = text.values();
        boolean[] isPositive = new boolean[values.size()];
        if (positive == null) {
            int firstBad = -1;
            for (int c = 0; c < values.size(); c++) {
                String v = values.get(c);
                isPositive[c] = v.equals("1");
                boolean bad = !isPositive[c] && !v.equals("0");
                if (bad && (firstBad < 0 || text.firstRow(c) < text.firstRow(firstBad))) {
                    firstBad = c;
                }
            }
            if (firstBad >= 0) {
                throw new UserError(
                        where(text.firstRow(firstBad), column)
                                + ": label is not 0 or 1: "
                                + Quote.value(values.get(firstBad))
                                + " (use --positive VALUE for other labels)");
            }
        } else {
            List<String> others = new java.util.ArrayList<>();
            for (int c = 0; c < values.size(); c++) {
                isPositive[c] = values.get(c).equals(positive);
                if (!isPositive[c]) others.add(values.get(c));
            }
            if (others.size() > 1) {
                throw new UserError(
                        file()
                                + ", column "
                                + Quote.value(column)
                                + ": with --positive "
                                + Quote.value(positive)
                                + " the other rows must share one negative label, but there are "
                                + others.size()
                                + ": "
                                + Quote.list(others, LISTED, 40));
            }
        }
        int[] codes = text.codes();
        boolean[] out = new boolean[text.size()];
        for (int i = 0; i < out.length; i++) out[i] = isPositive[codes[i]];
        return out;
    }
}
