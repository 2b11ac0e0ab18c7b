package org.clinval.workflows.protocol;

import java.util.Locale;

/**
 * Whether an endpoint decides the study. The study passes when every primary endpoint passes;
 * secondary endpoints are computed and reported with their own verdicts.
 */
public enum EndpointRole {
    PRIMARY,
    SECONDARY;

    /** Returns {@code primary} or {@code secondary}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
