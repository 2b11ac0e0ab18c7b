package org.clinval.validation.drift;

/**
 * The conventional reading of a population stability index: below {@value #WATCH_FROM} no shift,
 * from {@value #WATCH_FROM} to below {@value #DRIFT_FROM} a shift to watch, from {@value
 * #DRIFT_FROM} a significant shift (the rule of thumb from credit scoring, e.g. Siddiqi, Credit
 * Risk Scorecards, 2006).
 */
public enum DriftBand {
    /** {@code PSI < 0.1}. */
    NONE("none"),
    /** {@code 0.1 ≤ PSI < 0.2}. */
    WATCH("watch"),
    /** {@code PSI ≥ 0.2}. */
    DRIFT("drift");

    /** Lower bound of {@link #WATCH}. */
    public static final double WATCH_FROM = 0.1;

    /** Lower bound of {@link #DRIFT}. */
    public static final double DRIFT_FROM = 0.2;

    private final String id;

    DriftBand(String id) {
        this.id = id;
    }

    /** Returns the lower-case name used in files ({@code none|watch|drift}). */
    public String id() {
        return id;
    }

    /**
     * Returns the band of a population stability index.
     *
     * @throws IllegalArgumentException if {@code psi} is negative or not a number
     */
    public static DriftBand ofPsi(double psi) {
        if (!(psi >= 0)) {
            throw new IllegalArgumentException("psi is not a non-negative number: " + psi);
        }
        return psi >= DRIFT_FROM ? DRIFT : psi >= WATCH_FROM ? WATCH : NONE;
    }
}
