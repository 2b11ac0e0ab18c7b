package org.clinval.risk.io;

import java.util.Optional;
import java.util.regex.Pattern;
import org.clinval.common.Quote;
import org.clinval.common.yaml.YamlMap;

/** The shape of identifiers: they become Cucumber tags, so no spaces and no {@code @}. */
final class Ids {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private Ids() {}

    /** Returns the identifier {@code key} of {@code m}, or empty after recording why not. */
    static Optional<String> id(YamlMap m, String key) {
        Optional<String> id = m.string(key);
        if (id.isEmpty() || ID.matcher(id.get()).matches()) {
            return id;
        }
        m.problem(
                key,
                Quote.value(id.get())
                        + " is not an identifier (letters, digits, '.', '_', '-'; no spaces;"
                        + " starting with a letter or digit)");
        return Optional.empty();
    }
}
