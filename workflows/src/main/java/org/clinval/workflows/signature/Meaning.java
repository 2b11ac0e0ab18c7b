package org.clinval.workflows.signature;

import java.util.Locale;

/** What a signature means (Part 11 §11.50(a)(3)). */
public enum Meaning {
    /** The signer approves what is signed. */
    APPROVED,
    /** The signer has reviewed what is signed. */
    REVIEWED,
    /** The signer is the author of what is signed. */
    AUTHORED;

    /** Returns {@code approved}, {@code reviewed} or {@code authored}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a meaning, naming the bad value. */
    public static Meaning parse(String text) {
        for (Meaning m : values()) {
            if (m.key().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException(
                "signature meaning is not one of approved, reviewed, authored: " + text);
    }
}
