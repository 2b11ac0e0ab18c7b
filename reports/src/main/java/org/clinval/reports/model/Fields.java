package org.clinval.reports.model;

import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** Argument checks of the report records; each message names the offending value. */
final class Fields {

    private Fields() {}

    /** Checks that {@code value} is present and not blank. */
    static String text(String name, String value) {
        Objects.requireNonNull(value, name + " is missing");
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " is blank");
        }
        return value;
    }

    /** Checks that {@code value} is present. */
    static <T> T present(String name, T value) {
        return Objects.requireNonNull(value, name + " is missing");
    }

    /**
     * Checks that {@code value} is a SHA-256 digest in hexadecimal and returns it in lower case.
     */
    static String sha256(String name, String value) {
        text(name, value);
        String hex = value.toLowerCase(Locale.ROOT);
        if (hex.length() != 64 || !hex.chars().allMatch(HexFormat::isHexDigit)) {
            throw new IllegalArgumentException(
                    name + " is not a SHA-256 digest (64 hexadecimal digits): " + value);
        }
        return hex;
    }

    /** Checks {@code value >= 0}. */
    static long nonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " is negative: " + value);
        }
        return value;
    }

    /** Returns an unmodifiable copy, naming the list if it or an element is missing. */
    static <T> List<T> list(String name, List<T> values) {
        present(name, values);
        for (int i = 0; i < values.size(); i++) {
            present(name + "[" + i + "]", values.get(i));
        }
        return List.copyOf(values);
    }

    /** Checks an optional is present as an object (it may be empty). */
    static <T> Optional<T> optional(String name, Optional<T> value) {
        return present(name, value);
    }
}
