package org.clinval.risk;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The three options of risk control, in the priority order of ISO 14971:2019 §7.1. */
public enum ControlKind {
    /** Inherent safety by design and manufacture: the hazard or its probability is designed out. */
    INHERENT_SAFETY_BY_DESIGN,
    /** Protective measures in the device itself or in the manufacturing process. */
    PROTECTIVE_MEASURE,
    /** Information for safety and, where appropriate, training of users. */
    INFORMATION_FOR_SAFETY;

    /** Returns the YAML key, e.g. {@code protective_measure}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a key, naming the bad value and the accepted ones. */
    public static ControlKind parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (ControlKind k : values()) {
            if (k.key().equals(t)) {
                return k;
            }
        }
        throw new IllegalArgumentException(
                "not one of "
                        + Arrays.stream(values())
                                .map(ControlKind::key)
                                .collect(Collectors.joining(", "))
                        + ": '"
                        + text
                        + "'");
    }
}
