package org.clinval.validation.cusum;

/** Which side of a two-sided CUSUM crossed its decision interval at a step. */
public enum CusumAlarm {
    /** Neither side above {@code h}. */
    NONE("none"),
    /** The upper statistic {@code S_hi} above {@code h}: the mean rose. */
    HIGH("high"),
    /** The lower statistic {@code S_lo} above {@code h}: the mean fell. */
    LOW("low");

    private final String id;

    CusumAlarm(String id) {
        this.id = id;
    }

    /** Returns the lower-case name used in files ({@code none|high|low}). */
    public String id() {
        return id;
    }
}
