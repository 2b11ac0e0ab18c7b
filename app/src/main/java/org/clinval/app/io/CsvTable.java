package org.clinval.app.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.clinval.app.cli.UserError;
import org.clinval.common.Quote;

/**
 * A CSV file with a header row, read whole. Every error names the file, the column and the line
 * (the header is line 1), so a user can find the bad value.
 */
public final class CsvTable {

    /** The most values an error message lists. */
    static final int LISTED = 20;

    private final String file;
    private final List<String> header;
    private final List<CSVRecord> rows;
    private final long[] lines;

    private CsvTable(String file, List<String> header, List<CSVRecord> rows, long[] lines) {
        this.file = file;
        this.header = header;
        this.rows = rows;
        this.lines = lines;
    }

    /**
     * Reads {@code path}; comment lines starting with {@code #} are skipped and a UTF-8 byte-order
     * mark is dropped. A file without data rows is an error naming it.
     */
    public static CsvTable read(Path path) {
        CsvTable t = readMaybeEmpty(path);
        if (t.size() == 0) {
            throw new UserError(t.file + ": no data rows, only the header");
        }
        return t;
    }

    /** As {@link #read}, but a file with a header and no data rows is a table of 0 rows. */
    public static CsvTable readMaybeEmpty(Path path) {
        String file = path.toString();
        if (Files.isDirectory(path)) {
            throw new UserError(file + ": is a folder, not a CSV file");
        }
        CSVFormat format =
                CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .setCommentMarker('#')
                        .setIgnoreSurroundingSpaces(true)
                        .setIgnoreEmptyLines(true)
                        .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
                        .get();
        try (Reader reader = withoutBom(Files.newBufferedReader(path, StandardCharsets.UTF_8));
                CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) {
                throw new UserError(file + ": no header row");
            }
            checkUnique(file, header);
            List<CSVRecord> rows = new ArrayList<>();
            List<Long> lines = new ArrayList<>();
            for (CSVRecord r : parser) {
                // The parser has consumed the record's line end: its line count is the record's
                // line.
                long line = parser.getCurrentLineNumber();
                if (r.size() != header.size()) {
                    throw new UserError(
                            file
                                    + " line "
                                    + line
                                    + ": "
                                    + r.size()
                                    + " fields, but the header has "
                                    + header.size());
                }
                rows.add(r);
                lines.add(line);
            }
            return new CsvTable(
                    file,
                    List.copyOf(header),
                    rows,
                    lines.stream().mapToLong(Long::longValue).toArray());
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new UserError(file + ": not a CSV file: not UTF-8 text", e);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new UserError(file + ": not a readable CSV file: " + e.getMessage(), e);
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new UserError(file + ": not a CSV file: not UTF-8 text", e);
            }
            throw new UserError(
                    file + ": not a readable CSV file: " + e.getCause().getMessage(), e);
        }
    }

    /** Returns {@code r} after a leading byte-order mark, which spreadsheet programs write. */
    private static Reader withoutBom(BufferedReader r) throws IOException {
        r.mark(1);
        if (r.read() != '\uFEFF') r.reset();
        return r;
    }

    /** A column named twice would be read from its first position only, silently. */
    private static void checkUnique(String file, List<String> header) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name.isEmpty()) continue;
            Integer j = first.putIfAbsent(name, i);
            if (j != null) {
                throw new UserError(
                        file
                                + ": the header names column "
                                + Quote.value(name)
                                + " twice, at positions "
                                + (j + 1)
                                + " and "
                                + (i + 1));
            }
        }
    }

    /** Returns the file name as given. */
    public String file() {
        return file;
    }

    /** Returns the number of data rows. */
    public int size() {
        return rows.size();
    }

    /** Returns the column names. */
    public List<String> header() {
        return header;
    }

    /** Returns the index of {@code column}, or an error listing the columns there are. */
    public int column(String column) {
        int index = header.indexOf(column);
        if (index < 0) {
            throw new UserError(
                    file
                            + ": no column "
                            + Quote.value(column)
                            + "; the columns are: "
                            + list(header));
        }
        return index;
    }

    /** Returns the values quoted, at most {@value #LISTED} of them, saying how many there are. */
    static String list(java.util.Collection<String> values) {
        StringBuilder s = new StringBuilder();
        int shown = 0;
        for (String v : values) {
            if (shown == LISTED) {
                s.append(", … (").append(values.size()).append(" in all)");
                break;
            }
            s.append(shown == 0 ? "" : ", ").append(Quote.value(v, 40));
            shown++;
        }
        return s.toString();
    }

    /** Returns the line number (header = 1) of data row {@code row}. */
    public long lineOf(int row) {
        return lines[row];
    }

    /** Returns the raw text of {@code column} in every row. */
    public String[] strings(String column) {
        int c = column(column);
        String[] out = new String[rows.size()];
        for (int i = 0; i < out.length; i++) {
            String v = rows.get(i).get(c);
            if (v.isEmpty()) {
                throw new UserError(where(i, column) + ": empty value");
            }
            out[i] = v;
        }
        return out;
    }

    /**
     * Returns {@code column} as finite numbers; NaN, infinity and text are errors naming the row.
     */
    public double[] doubles(String column) {
        String[] text = strings(column);
        double[] out = new double[text.length];
        for (int i = 0; i < text.length; i++) {
            double v;
            try {
                v = Double.parseDouble(text[i]);
            } catch (NumberFormatException e) {
                throw new UserError(where(i, column) + ": not a number: " + Quote.value(text[i]));
            }
            if (!Double.isFinite(v)) {
                throw new UserError(
                        where(i, column) + ": not a finite number: " + Quote.value(text[i]));
            }
            out[i] = v;
        }
        return out;
    }

    /**
     * Returns {@code column} as binary labels: 0/1 when {@code positive} is null; otherwise {@code
     * positive} marks the positive class and every other row must share one other value (so a
     * misspelt label cannot become a silent negative).
     */
    public boolean[] labels(String column, String positive) {
        String[] text = strings(column);
        boolean[] out = new boolean[text.length];
        if (positive == null) {
            for (int i = 0; i < text.length; i++) {
                switch (text[i]) {
                    case "1" -> out[i] = true;
                    case "0" -> out[i] = false;
                    default ->
                            throw new UserError(
                                    where(i, column)
                                            + ": label is not 0 or 1: "
                                            + Quote.value(text[i])
                                            + " (use --positive VALUE for other labels)");
                }
            }
            return out;
        }
        Set<String> others = new LinkedHashSet<>();
        for (int i = 0; i < text.length; i++) {
            out[i] = text[i].equals(positive);
            if (!out[i]) others.add(text[i]);
        }
        if (others.size() > 1) {
            throw new UserError(
                    file
                            + ", column "
                            + Quote.value(column)
                            + ": with --positive "
                            + Quote.value(positive)
                            + " the other rows must share one negative label, but there are "
                            + others.size()
                            + ": "
                            + list(others));
        }
        return out;
    }

    /** Returns "{@code file line N, column 'c'}" for data row {@code row}. */
    public String where(int row, String column) {
        return file + " line " + lines[row] + ", column " + Quote.value(column);
    }
}
