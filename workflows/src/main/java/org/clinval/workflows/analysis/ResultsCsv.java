package org.clinval.workflows.analysis;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clinval.common.csv.CsvColumns;
import org.clinval.common.csv.CsvException;
import org.clinval.common.csv.CsvReader;
import org.clinval.common.csv.TextColumn;

/**
 * How a run's results files are read ({@code case-results.csv}, {@code candidates.csv}, {@code
 * lesions.csv}, the grading and segmentation columns, explanations): by the reader every {@code
 * stats} command uses ({@link CsvReader}) — RFC 4180 with a header, {@code #} comments, trimmed
 * values, UTF-8 with the place of the first bad byte — every column as text, by name. Errors name
 * the file, the line a row starts on and the column.
 */
final class ResultsCsv {

    private static final CsvReader READER = CsvReader.builder().everyColumnAsText().build();

    private ResultsCsv() {}

    /** The rows of one results file; values as written (trimmed), empty where nothing is given. */
    static final class Rows {

        private final Path file;
        private final CsvColumns table;
        private final Map<String, TextColumn> columns = new HashMap<>();

        private Rows(Path file, CsvColumns table) {
            this.file = file;
            this.table = table;
        }

        /** Returns the column names of the header row. */
        List<String> header() {
            return table.header();
        }

        /** Returns whether the header names {@code column}. */
        boolean has(String column) {
            return table.header().contains(column);
        }

        /** Returns the number of data rows. */
        int size() {
            return table.size();
        }

        /** Returns the value of {@code column} in data row {@code row}; empty if not given. */
        String get(int row, String column) {
            if (!has(column)) return "";
            return columns.computeIfAbsent(column, table::textWithEmpty).value(row);
        }

        /** Returns "{@code file, line N, column c}" for data row {@code row}. */
        String where(int row, String column) {
            return file + ", line " + table.lineOf(row) + ", column " + column;
        }
    }

    /**
     * Reads {@code file}.
     *
     * @throws NoSuchFileException if there is no such file
     * @throws IOException naming the file (and line) if it is not UTF-8 or not a CSV table
     */
    static Rows read(Path file) throws IOException {
        try {
            return new Rows(file, READER.read(file));
        } catch (CsvException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                NoSuchFileException none = new NoSuchFileException(e.getMessage());
                none.initCause(e);
                throw none;
            }
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * Checks that {@code rows} has every one of {@code columns}, naming the file, the first missing
     * column, {@code of} (e.g. {@code "of a segmentation study"}, or empty) and the columns there.
     */
    static void require(Path file, Rows rows, List<String> columns, String of) throws IOException {
        for (String c : columns) {
            if (!rows.has(c)) {
                throw new IOException(
                        file
                                + ": has no column '"
                                + c
                                + "'"
                                + (of.isEmpty() ? "" : " " + of)
                                + " (columns: "
                                + rows.header()
                                + ")");
            }
        }
    }
}
