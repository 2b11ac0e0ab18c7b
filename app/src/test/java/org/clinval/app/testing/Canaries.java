package org.clinval.app.testing;

import java.util.regex.Pattern;

/**
 * Whether a text holds an identifying canary. A canary of digits only (a birth date, a medical
 * record number) counts where no digit touches it: inside a longer run of digits — a UID the
 * de-identifier derived by a keyed hash, say — the same eight digits turn up by chance (once in a
 * few hundred runs of the demo), and they are not that date.
 */
public final class Canaries {

    private Canaries() {}

    public static boolean contains(String text, String canary) {
        if (!canary.chars().allMatch(Character::isDigit)) return text.contains(canary);
        return Pattern.compile("(?<![0-9])" + Pattern.quote(canary) + "(?![0-9])")
                .matcher(text)
                .find();
    }
}
