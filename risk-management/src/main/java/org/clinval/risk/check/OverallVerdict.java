package org.clinval.risk.check;

import java.util.Locale;

/** The verdict on the overall residual risk (ISO 14971:2019 §8). */
public enum OverallVerdict {
    /** Every criterion of the plan is met and the risk management file has no gap. */
    ACCEPTABLE,
    /** Every residual risk meets the plan's criteria, but the file has gaps to close first. */
    INCOMPLETE,
    /** At least one of the plan's criteria is not met. */
    NOT_ACCEPTABLE;

    /** Returns the key, e.g. {@code not_acceptable}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
