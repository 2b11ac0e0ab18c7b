package org.clinval.risk.io;

import java.util.Optional;
import java.util.regex.Pattern;

/** The shape of identifiers: they become Cucumber tags, so no spaces and no {@code @}. */
final class Ids {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private Ids() {}

    static Optional<String> check(String path, String id, Problems.Sink problems) {
        if (ID.matcher(id).matches()) {
            return Optional.of(id);
        }
        problems.add(
                path,
                "'"
                        + id
                        + "' is not an identifier (letters, digits, '.', '_', '-'; no spaces;"
                        + " starting with a letter or digit)");
        return Optional.empty();
    }
}
