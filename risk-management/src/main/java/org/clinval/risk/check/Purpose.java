package org.clinval.risk.check;

import java.util.Locale;

/** What a piece of evidence, a scenario or a cited record, verifies. */
public enum Purpose {
    /** That a risk control measure is implemented (ISO 14971:2019 §7.2). */
    IMPLEMENTATION,
    /** That a risk control measure is effective in reducing the risk (§7.2). */
    EFFECTIVENESS,
    /** That a requirement is met. */
    REQUIREMENT;

    /** Returns {@code implementation}, {@code effectiveness} or {@code requirement}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
