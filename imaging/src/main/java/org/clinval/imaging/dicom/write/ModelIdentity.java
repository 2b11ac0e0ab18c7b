package org.clinval.imaging.dicom.write;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The identity of the model whose results an object carries: what a reader needs to trace a finding
 * to the exact model file.
 *
 * @param name the model's name, at most 64 characters
 * @param version the model's version, at most 64 characters
 * @param sha256 the SHA-256 of the model file, 64 hexadecimal digits (stored lower case)
 */
public record ModelIdentity(String name, String version, String sha256) {

    private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");

    public ModelIdentity {
        name = text("model name", name);
        version = text("model version", version);
        if (sha256 == null || !HEX64.matcher(sha256).matches()) {
            throw new IllegalArgumentException(
                    "model SHA-256 is not 64 hexadecimal digits: " + sha256);
        }
        sha256 = sha256.toLowerCase(Locale.ROOT);
    }

    private static String text(String what, String s) {
        if (s == null || s.isBlank() || s.length() > 64 || s.indexOf('\\') >= 0) {
            throw new IllegalArgumentException(
                    what + " is blank, longer than 64 characters or has a backslash: " + s);
        }
        return s.strip();
    }
}
