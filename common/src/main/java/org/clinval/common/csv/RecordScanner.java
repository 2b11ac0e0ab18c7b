package org.clinval.common.csv;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits characters into records and fields as commons-csv's RFC 4180 format did with the options
 * the suite used (comment lines starting with {@code #}, surrounding white space ignored, blank
 * lines skipped, {@code ""} inside quotes), one record at a time, handing over only the fields a
 * {@link FieldSink} wants. It counts physical lines (CR, LF and CRLF each end one), so a record is
 * known by the line it starts on.
 */
final class RecordScanner {

    /** What receives the fields of a record. */
    interface FieldSink {

        /** Whether field {@code index} (0-based) of the current record is needed. */
        boolean wants(int index);

        /**
         * Receives field {@code index}: {@code length} characters of {@code text} from {@code
         * offset}, valid only during the call.
         */
        void accept(int index, char[] text, int offset, int length) throws CsvException;
    }

    private static final int EOF = -1;

    private final Reader in;
    private final String file;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int lim;
    private long line = 1;
    private long recordLine;
    private char[] field = new char[64];
    private int length;

    RecordScanner(Reader in, String file) {
        this.in = in;
        this.file = file;
    }

    /** Drops a leading byte-order mark, which spreadsheet programs write. */
    void skipByteOrderMark() throws IOException {
        if (peek() == '\uFEFF') pos++;
    }

    /** Returns the line (1-based) the last record read starts on. */
    long recordLine() {
        return recordLine;
    }

    /**
     * Reads the next record, skipping blank and comment lines before it; returns its number of
     * fields, or -1 at the end of the file.
     */
    int next(FieldSink sink) throws IOException, CsvException {
        int c;
        while (true) {
            c = peek();
            if (c == EOF) return -1;
            if (c == '\r' || c == '\n') {
                pos++;
                endOfLine(c);
            } else if (c == '#') {
                skipLine();
            } else {
                break;
            }
        }
        recordLine = line;
        int index = 0;
        while (true) {
            boolean wanted = sink.wants(index);
            int end = inBuffer(sink, wanted, index);
            if (end == 0) {
                length = 0;
                end = field(wanted, index);
                if (wanted) sink.accept(index, field, 0, length);
            }
            index++;
            if (end != ',') return index;
        }
    }

    /**
     * Reads an unquoted field that starts with neither white space nor a quote and ends inside the
     * buffer, handing the buffer's characters over without a copy: the common case, and the one
     * that decides the speed. Returns what ended it (as {@link #field}), or 0 when the field is not
     * such a field and nothing was consumed.
     */
    private int inBuffer(FieldSink sink, boolean wanted, int index)
            throws IOException, CsvException {
        int start = pos;
        if (start >= lim) return 0;
        char first = buf[start];
        if (first == '"' || first == ',' || first == '\r' || first == '\n') return 0;
        if (Character.isWhitespace(first)) return 0;
        int i = start;
        char c = 0;
        while (i < lim) {
            c = buf[i];
            if (c == ',' || c == '\n' || c == '\r') break;
            i++;
        }
        if (i == lim) return 0;
        pos = i + 1;
        if (wanted) {
            int end = i;
            while (end > start && Character.isWhitespace(buf[end - 1])) end--;
            sink.accept(index, buf, start, end - start);
        }
        return endOf(c);
    }

    /** Reads one field; returns what ended it: ',', '\n' (any line end) or EOF. */
    private int field(boolean keep, int index) throws IOException, CsvException {
        int c = read();
        while (c != EOF && c != ',' && c != '\r' && c != '\n' && Character.isWhitespace(c)) {
            c = read();
        }
        if (c == '"') return quoted(keep, index);
        while (c != EOF && c != ',' && c != '\r' && c != '\n') {
            if (keep) append((char) c);
            c = read();
        }
        if (keep) {
            while (length > 0 && Character.isWhitespace(field[length - 1])) length--;
        }
        return endOf(c);
    }

    private int quoted(boolean keep, int index) throws IOException, CsvException {
        long start = line;
        int previous = 0;
        while (true) {
            int c = read();
            if (c == EOF) {
                throw new CsvException(
                        file
                                + " line "
                                + start
                                + ": the quoted value of field "
                                + (index + 1)
                                + " is not closed before the end of the file");
            }
            if (c == '"') {
                if (peek() == '"') {
                    pos++;
                    if (keep) append('"');
                    previous = '"';
                    continue;
                }
                return afterQuote(index);
            }
            if (c == '\r' || (c == '\n' && previous != '\r')) line++;
            previous = c;
            if (keep) append((char) c);
        }
    }

    /** After a closing quote only white space may come before the delimiter or line end. */
    private int afterQuote(int index) throws IOException, CsvException {
        while (true) {
            int c = read();
            if (c == EOF || c == ',' || c == '\r' || c == '\n') return endOf(c);
            if (!Character.isWhitespace(c)) {
                throw new CsvException(
                        file
                                + " line "
                                + line
                                + ": text after the closing quote of field "
                                + (index + 1)
                                + " (a quote inside a quoted value is written twice: \"\")");
            }
        }
    }

    /** Consumes a line end, counting CRLF as one; returns the ',' / '\n' / EOF code. */
    private int endOf(int c) throws IOException {
        if (c == '\r' || c == '\n') {
            endOfLine(c);
            return '\n';
        }
        return c;
    }

    private void endOfLine(int c) throws IOException {
        if (c == '\r' && peek() == '\n') pos++;
        line++;
    }

    private void skipLine() throws IOException {
        int c;
        do {
            c = read();
        } while (c != EOF && c != '\r' && c != '\n');
        if (c != EOF) endOfLine(c);
    }

    private void append(char c) {
        if (length == field.length) {
            field = java.util.Arrays.copyOf(field, field.length * 2);
        }
        field[length++] = c;
    }

    private int read() throws IOException {
        if (pos == lim && !fill()) return EOF;
        return buf[pos++];
    }

    private int peek() throws IOException {
        if (pos == lim && !fill()) return EOF;
        return buf[pos];
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) return false;
        pos = 0;
        lim = n;
        return true;
    }
}
