package org.clinval.workflows.investigation;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an investigation decides (ISO 14971:2019 §10.4: actions on post-production information). */
public enum Decision {
    /** The alarm is explained and calls for no action. */
    NO_ACTION,
    /** A field safety corrective action: the device in use must change or be withdrawn. */
    FIELD_SAFETY_CORRECTIVE_ACTION,
    /** The device is validated again, on the cases of the alarm window. */
    REVALIDATION,
    /** The risk management file is updated (hazard, estimate or control). */
    RISK_FILE_UPDATE;

    /** Returns the key, e.g. {@code field_safety_corrective_action}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a decision, naming the bad value.
     *
     * @throws IllegalArgumentException if it is none of the keys
     */
    public static Decision parse(String text) {
        for (Decision d : values()) {
            if (text != null && d.key().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return d;
            }
        }
        throw new IllegalArgumentException(
                "decision is not one of "
                        + Arrays.stream(values())
                                .map(Decision::key)
                                .collect(Collectors.joining(", "))
                        + ": "
                        + text);
    }
}
