package org.clinval.risk;

import java.util.Locale;

/**
 * The two factors of a risk, the combination of the probability of occurrence of harm and the
 * severity of that harm (ISO 14971:2019 §3.18).
 */
public enum Factor {
    /** Severity: the measure of the possible consequences of a hazard (§3.27). */
    SEVERITY,
    /** Probability of occurrence of harm, through the whole sequence of events (§5.5). */
    PROBABILITY;

    /** Returns {@code severity} or {@code probability}, the key used in the YAML files. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
