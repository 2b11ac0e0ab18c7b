package org.clinval.reports.pms;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.clinval.common.Quote;
import org.clinval.common.csv.CsvColumns;
import org.clinval.common.csv.CsvException;
import org.clinval.common.csv.CsvReader;
import org.clinval.common.csv.TextColumn;

/**
 * Reads one CSV file of the output folder (RFC 4180, header row, {@code .} decimal, empty cell =
 * undefined) by the reader every {@code stats} command uses ({@link CsvReader}), then hands it on
 * row by row; every bad value is an error naming the file, the line and the column. The header must
 * have exactly the contract's columns, in any order.
 */
final class CsvTable {

    private static final CsvReader READER = CsvReader.builder().everyColumnAsText().build();

    private CsvTable() {}

    /** A visitor of a row that may refuse it. */
    interface RowReader {
        void read(Row row) throws PmsInputException;
    }

    /**
     * Reads {@code file} (named {@code name} in messages), checks its header against {@code
     * columns} and hands each row to {@code reader}.
     */
    static void read(Path file, String name, List<String> columns, RowReader reader)
            throws PmsInputException {
        read(file, name, columns, true, reader);
    }

    /**
     * As {@link #read(Path, String, List, RowReader)}; when {@code exact} is false, columns beyond
     * {@code columns} are allowed and left unread (for a file of which only some columns are
     * needed, e.g. none of the case ids of {@code joined-cases.csv}).
     */
    static void read(Path file, String name, List<String> columns, boolean exact, RowReader reader)
            throws PmsInputException {
        if (!Files.isRegularFile(file)) {
            throw new PmsInputException(name + " is missing: " + file.toAbsolutePath());
        }
        CsvColumns table;
        try {
            table = READER.read(file);
        } catch (CsvException e) {
            String m = e.getMessage();
            String where = file.toString();
            throw new PmsInputException(
                    m.startsWith(where) ? name + m.substring(where.length()) : name + ": " + m, e);
        }
        checkHeader(name, new HashSet<>(table.header()), columns, exact);
        Map<String, TextColumn> cells = new HashMap<>();
        for (String c : table.header()) cells.put(c, table.textWithEmpty(c));
        for (int i = 0; i < table.size(); i++) {
            reader.read(new Row(name, (int) table.lineOf(i), cells, i));
        }
    }

    private static void checkHeader(
            String name, Set<String> found, List<String> columns, boolean exact)
            throws PmsInputException {
        if (found == null || found.isEmpty()) {
            throw new PmsInputException(name + " line 1: no header row");
        }
        Set<String> expected = new HashSet<>(columns);
        List<String> missing = columns.stream().filter(c -> !found.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new PmsInputException(
                    name + " line 1: missing column(s) " + String.join(", ", missing));
        }
        List<String> extra = found.stream().filter(c -> !expected.contains(c)).toList();
        if (exact && !extra.isEmpty()) {
            throw new PmsInputException(
                    name + " line 1: unexpected column(s) " + String.join(", ", extra));
        }
    }

    /** One data row, with typed readers that name the file, line and column of a bad value. */
    static final class Row {
        private final String file;
        private final int line;
        private final Map<String, TextColumn> cells;
        private final int row;

        Row(String file, int line, Map<String, TextColumn> cells, int row) {
            this.file = file;
            this.line = line;
            this.cells = cells;
            this.row = row;
        }

        private String get(String column) {
            TextColumn c = cells.get(column);
            if (c == null) throw new IllegalArgumentException("no column " + column);
            return c.value(row);
        }

        int line() {
            return line;
        }

        /** Returns the cell as written, possibly empty. */
        String raw(String column) {
            return get(column);
        }

        /** Returns the cell, which must not be empty. */
        String text(String column) throws PmsInputException {
            String v = get(column);
            if (v.isBlank()) {
                throw error(column, "empty, a value is required");
            }
            return v;
        }

        /** Returns the cell, which must be one of {@code allowed}. */
        String oneOf(String column, Set<String> allowed) throws PmsInputException {
            String v = text(column);
            if (!allowed.contains(v)) {
                throw error(column, Quote.value(v) + " is not one of " + allowed);
            }
            return v;
        }

        /** Returns a whole number, which must be present and not negative. */
        long count(String column) throws PmsInputException {
            String v = text(column);
            try {
                long n = Long.parseLong(v.trim());
                if (n < 0) {
                    throw error(column, "negative count " + Quote.value(v));
                }
                return n;
            } catch (NumberFormatException e) {
                throw error(column, "not a whole number: " + Quote.value(v));
            }
        }

        /** Returns a finite number, which must be present. */
        double number(String column) throws PmsInputException {
            OptionalDouble d = optional(column);
            if (d.isEmpty()) {
                throw error(column, "empty, a number is required");
            }
            return d.getAsDouble();
        }

        /** Returns a finite number, or empty when the cell is empty (undefined). */
        OptionalDouble optional(String column) throws PmsInputException {
            String v = get(column);
            if (v.isEmpty()) {
                return OptionalDouble.empty();
            }
            double d;
            try {
                d = Double.parseDouble(v.trim());
            } catch (NumberFormatException e) {
                throw error(column, "not a number: " + Quote.value(v));
            }
            if (!Double.isFinite(d)) {
                throw error(
                        column,
                        "not a finite number: "
                                + Quote.value(v)
                                + " (an undefined value is an empty cell)");
            }
            return OptionalDouble.of(d);
        }

        /** Returns an ISO date {@code yyyy-MM-dd}, which must be present. */
        LocalDate date(String column) throws PmsInputException {
            String v = text(column);
            try {
                return LocalDate.parse(v.trim());
            } catch (DateTimeParseException e) {
                throw error(column, "not a date yyyy-MM-dd: " + Quote.value(v));
            }
        }

        PmsInputException error(String column, String message) {
            return new PmsInputException(
                    file + " line " + line + ", column " + column + ": " + message);
        }
    }
}
