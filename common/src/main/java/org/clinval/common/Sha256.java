package org.clinval.common;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests as lower-case hexadecimal text: the one helper every module uses. */
public final class Sha256 {

    /** The hash of nothing, used where a chain needs a predecessor of its first link. */
    public static final String ZERO = "0".repeat(64);

    private static final int BUFFER = 1 << 16;

    private Sha256() {}

    /** Returns a new SHA-256 digest (every JDK has one). */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Returns the SHA-256 of a file's bytes, read in 64 KiB blocks. */
    public static String of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in);
        }
    }

    /** Returns the SHA-256 of what remains in {@code in}; the stream is not closed. */
    public static String of(InputStream in) throws IOException {
        MessageDigest d = digest();
        byte[] buffer = new byte[BUFFER];
        for (int n; (n = in.read(buffer)) > 0; ) {
            d.update(buffer, 0, n);
        }
        return hex(d.digest());
    }

    /** Returns the SHA-256 of {@code bytes}. */
    public static String of(byte[] bytes) {
        return hex(digest().digest(bytes));
    }

    /** Returns the SHA-256 of the UTF-8 bytes of {@code text}. */
    public static String ofText(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns whether {@code text} is 64 lower-case hexadecimal digits. */
    public static boolean isHex(String text) {
        return text != null && text.matches("[0-9a-f]{64}");
    }

    /** Returns {@code digest} as lower-case hexadecimal text. */
    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
