package org.clinval.common.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a file stops being UTF-8: the line (counted as {@link CsvReader} counts them, from 1), the
 * byte's position in that line (from 1) and the offending bytes. Found by a second pass over the
 * file with the same decoder rules as the reading, only after the reading has failed, so a good
 * file costs nothing.
 *
 * @param line the line of the first byte that is not UTF-8
 * @param column the byte's position in its line, from 1
 * @param bytes the offending bytes, e.g. {@code 0xE9}
 */
public record Utf8Fault(long line, long column, String bytes) {

    private static final int CHUNK = 1 << 16;

    /** Says what is there, e.g. {@code byte 0xE9 at position 6 of the line}. */
    public String what() {
        return "byte " + bytes + " at position " + column + " of the line";
    }

    /** Returns the first malformed or unmappable sequence of {@code path}, if there is one. */
    public static Optional<Utf8Fault> find(Path path) throws IOException {
        CharsetDecoder decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(CHUNK).limit(0);
        CharBuffer out = CharBuffer.allocate(CHUNK);
        long line = 1;
        long lineStart = 0; // file offset of the first byte of the current line
        long consumed = 0; // file offset of in's position 0
        boolean lastWasCr = false;
        try (InputStream bytes = Files.newInputStream(path)) {
            boolean end = false;
            while (true) {
                if (!end) {
                    int n = bytes.read(in.array(), in.limit(), in.capacity() - in.limit());
                    if (n < 0) end = true;
                    else in.limit(in.limit() + n);
                }
                int from = in.position();
                CoderResult result = decoder.decode(in, out, end);
                out.clear();
                // count line ends in the bytes decoded; CR, LF and CRLF each end one line
                for (int i = from; i < in.position(); i++) {
                    byte b = in.get(i);
                    if (b == '\n') {
                        if (!lastWasCr) line++;
                        lineStart = consumed + i + 1;
                        lastWasCr = false;
                    } else if (b == '\r') {
                        line++;
                        lineStart = consumed + i + 1;
                        lastWasCr = true;
                    } else {
                        lastWasCr = false;
                    }
                }
                if (result.isError()) {
                    long at = consumed + in.position();
                    StringBuilder hex = new StringBuilder();
                    for (int i = 0; i < result.length(); i++) {
                        if (i > 0) hex.append(' ');
                        hex.append(
                                String.format(
                                        Locale.ROOT, "0x%02X", in.get(in.position() + i) & 0xFF));
                    }
                    return Optional.of(new Utf8Fault(line, at - lineStart + 1, hex.toString()));
                }
                if (end && !in.hasRemaining()) return Optional.empty();
                consumed += in.position();
                in.compact().flip();
                if (!end && in.limit() == in.capacity()) {
                    throw new IllegalStateException("decoder made no progress");
                }
            }
        }
    }
}
