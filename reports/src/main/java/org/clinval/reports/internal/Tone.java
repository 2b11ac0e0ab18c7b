package org.clinval.reports.internal;

import java.util.Locale;

/** How an outcome reads: good, bad, or neither (missing, undefined, incomplete). */
public enum Tone {
    /** Passed, effective, acceptable. */
    GOOD(Palette.GOOD),
    /** Failed, not effective, not acceptable. */
    BAD(Palette.BAD),
    /** Missing, not confirmed, incomplete. */
    WARN(Palette.WARN);

    private final int ink;

    Tone(int ink) {
        this.ink = ink;
    }

    /** Returns the text colour, 0xRRGGBB. */
    public int ink() {
        return ink;
    }

    /** Returns {@code good}, {@code bad} or {@code warn}, the key the report template tests. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
