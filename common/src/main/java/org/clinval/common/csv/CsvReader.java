package org.clinval.common.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clinval.common.Quote;

/**
 * Reads the named columns of a CSV file with a header row in one pass, straight into arrays: a
 * number column into a {@code double[]}, a text column into codes of its distinct values. The rows
 * themselves are not kept, only where each came from, so ten million rows of a label and a score
 * take about 120 MB rather than gigabytes of records.
 *
 * <p>The format is RFC 4180 as users' tools write it: a UTF-8 byte-order mark is dropped, lines
 * starting with {@code #} are comments, blank lines are skipped, white space around a value is
 * ignored, quotes may enclose a value (with {@code ""} for a quote) and CR, LF or CRLF end a line.
 * Errors of the file's shape (no header, a column named twice or not at all, a ragged row, an
 * unclosed quote, not UTF-8) stop the reading at once; a bad value is reported when its column is
 * taken from {@link CsvColumns}. Lines are counted from the header's (1), comments and blank lines
 * included, and a row is known by the line it starts on.
 */
public final class CsvReader {

    /** The most column names an error message lists. */
    public static final int LISTED = 20;

    private final List<String> numbers;
    private final List<String> texts;
    private final List<String> order;
    private final boolean everyColumn;

    private CsvReader(
            List<String> numbers, List<String> texts, List<String> order, boolean everyColumn) {
        this.numbers = List.copyOf(numbers);
        this.texts = List.copyOf(texts);
        this.order = List.copyOf(order);
        this.everyColumn = everyColumn;
    }

    /** Returns a builder naming the columns to read. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads {@code path}.
     *
     * @throws CsvException naming the file (and line) if it is missing, a folder, not UTF-8, has no
     *     header row, names a column twice, lacks an asked-for column, or has a ragged row or an
     *     unclosed quote
     */
    public CsvColumns read(Path path) throws CsvException {
        String file = path.toString();
        if (Files.isDirectory(path)) throw new CsvException(file + ": is a folder, not a CSV file");
        CharsetDecoder utf8 =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream bytes = Files.newInputStream(path);
                Reader chars = new InputStreamReader(bytes, utf8)) {
            return read(new RecordScanner(chars, file), file);
        } catch (NoSuchFileException e) {
            throw new CsvException(file + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new CsvException(file + ": permission denied", e);
        } catch (CharacterCodingException e) {
            throw notUtf8(path, e);
        } catch (IOException e) {
            throw new CsvException(file + ": not a readable CSV file: " + e.getMessage(), e);
        }
    }

    private static CsvException notUtf8(Path path, CharacterCodingException e) {
        String file = path.toString();
        try {
            return Utf8Fault.find(path)
                    .map(
                            f ->
                                    new CsvException(
                                            file
                                                    + " line "
                                                    + f.line()
                                                    + ": not UTF-8 text ("
                                                    + f.what()
                                                    + "); save the file as UTF-8",
                                            e))
                    .orElseGet(
                            () -> new CsvException(file + ": not a CSV file: not UTF-8 text", e));
        } catch (IOException again) {
            return new CsvException(file + ": not a CSV file: not UTF-8 text", e);
        }
    }

    private CsvColumns read(RecordScanner scanner, String file) throws IOException, CsvException {
        scanner.skipByteOrderMark();
        List<String> header = header(scanner, file);
        Map<String, NumberColumn> numberColumns = new LinkedHashMap<>();
        Map<String, TextColumn> textColumns = new LinkedHashMap<>();
        NumberColumn[] numberAt = new NumberColumn[header.size()];
        TextColumn[] textAt = new TextColumn[header.size()];
        for (String name : order) {
            int i = header.indexOf(name);
            if (i < 0) {
                throw new CsvException(
                        file
                                + ": no column "
                                + Quote.value(name)
                                + "; the columns are: "
                                + Quote.list(header, LISTED, 40));
            }
            if (numbers.contains(name) && numberAt[i] == null) {
                numberColumns.put(name, numberAt[i] = new NumberColumn(name));
            }
            if (texts.contains(name) && textAt[i] == null) {
                textColumns.put(name, textAt[i] = new TextColumn(name));
            }
        }
        if (everyColumn) {
            for (int i = 0; i < header.size(); i++) {
                if (textAt[i] == null) {
                    textColumns.put(header.get(i), textAt[i] = new TextColumn(header.get(i)));
                }
            }
        }
        Rows rows = new Rows(numberAt, textAt);
        LineIndex lines = new LineIndex();
        int fields;
        while ((fields = scanner.next(rows)) >= 0) {
            if (fields != header.size()) {
                throw new CsvException(
                        file
                                + " line "
                                + scanner.recordLine()
                                + ": "
                                + fields
                                + " fields, but the header has "
                                + header.size());
            }
            lines.add(rows.row, scanner.recordLine());
            if (rows.row == Integer.MAX_VALUE - 8) {
                throw new CsvException(file + ": more rows than one table holds");
            }
            rows.row++;
        }
        return new CsvColumns(file, header, rows.row, lines, numberColumns, textColumns);
    }

    private static List<String> header(RecordScanner scanner, String file)
            throws IOException, CsvException {
        List<String> header = new ArrayList<>();
        int fields =
                scanner.next(
                        new RecordScanner.FieldSink() {
                            @Override
                            public boolean wants(int index) {
                                return true;
                            }

                            @Override
                            public void accept(int index, char[] text, int offset, int length) {
                                header.add(new String(text, offset, length));
                            }
                        });
        if (fields < 0) throw new CsvException(file + ": no header row");
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name.isEmpty()) {
                throw new CsvException(
                        file
                                + " line "
                                + scanner.recordLine()
                                + ": column "
                                + (i + 1)
                                + " of the header has no name");
            }
            Integer j = first.putIfAbsent(name, i);
            if (j != null) {
                throw new CsvException(
                        file
                                + ": the header names column "
                                + Quote.value(name)
                                + " twice, at positions "
                                + (j + 1)
                                + " and "
                                + (i + 1));
            }
        }
        return header;
    }

    /** Hands each wanted field of a data row to its column. */
    private static final class Rows implements RecordScanner.FieldSink {

        private final NumberColumn[] numberAt;
        private final TextColumn[] textAt;
        int row;

        Rows(NumberColumn[] numberAt, TextColumn[] textAt) {
            this.numberAt = numberAt;
            this.textAt = textAt;
        }

        @Override
        public boolean wants(int index) {
            return index < numberAt.length && (numberAt[index] != null || textAt[index] != null);
        }

        @Override
        public void accept(int index, char[] text, int offset, int length) {
            if (numberAt[index] != null) numberAt[index].add(row, text, offset, length);
            if (textAt[index] != null) textAt[index].add(row, text, offset, length);
        }
    }

    /** Names the columns to read; each is read once however often it is named. */
    public static final class Builder {

        private final List<String> numbers = new ArrayList<>();
        private final List<String> texts = new ArrayList<>();
        private final List<String> order = new ArrayList<>();
        private boolean everyColumn;

        private Builder() {}

        /**
         * Reads every column of the header as text as well, for a file whose columns the caller
         * learns from its header (a file of several layouts, or one the caller checks itself).
         */
        public Builder everyColumnAsText() {
            everyColumn = true;
            return this;
        }

        /** Adds a column of finite numbers. */
        public Builder number(String column) {
            numbers.add(checked(column));
            return this;
        }

        /** Adds a column of text values. */
        public Builder text(String column) {
            texts.add(checked(column));
            return this;
        }

        private String checked(String column) {
            if (column == null) throw new IllegalArgumentException("a column name is null");
            order.add(column);
            return column;
        }

        /** Returns the reader. */
        public CsvReader build() {
            return new CsvReader(numbers, texts, order, everyColumn);
        }
    }
}
