package org.clinval.risk;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The regions of the acceptability matrix: the criteria for risk acceptability that the risk
 * management plan defines (ISO 14971:2019 §4.4 d), applied in risk evaluation before risk control
 * (§6) and to each residual risk after it (§7.3).
 *
 * <p>ISO 14971 leaves the criteria to the manufacturer's policy; it prescribes neither a matrix nor
 * these three regions. The three-region scheme follows ISO/TR 24971:2020 (Annex C). The middle
 * region is named {@code investigate} rather than ALARP: EN ISO 14971:2019+A11:2021 (Annex ZA) and
 * the MDR (Annex I §2) require risks to be reduced <em>as far as possible</em> without regard to
 * economic considerations, so a risk there is never accepted because further reduction would cost
 * too much, only because none is practicable. How the check treats each region:
 *
 * <ul>
 *   <li>{@link #ACCEPTABLE}: no further risk reduction is required.
 *   <li>{@link #INVESTIGATE}: further risk control must be investigated; the residual risk is
 *       accepted only when the risk register records why no further control measure is practicable
 *       (its {@code reduction_rationale}), and the plan may cap how many such risks the device
 *       carries.
 *   <li>{@link #UNACCEPTABLE}: risk control is required (§7.1). A residual risk still here is
 *       accepted only if the plan allows it and the register records a benefit–risk analysis
 *       showing that the medical benefits of the intended use outweigh it (§7.4).
 * </ul>
 */
public enum Acceptability {
    /** Acceptable without further risk reduction. */
    ACCEPTABLE,
    /** Further risk reduction to be investigated; accepted only with a recorded rationale. */
    INVESTIGATE,
    /** Not acceptable; accepted only with a benefit–risk analysis, where the plan allows it. */
    UNACCEPTABLE;

    /** Returns {@code acceptable}, {@code investigate} or {@code unacceptable}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns whether this region is worse than {@code other}. */
    public boolean isWorseThan(Acceptability other) {
        return ordinal() > other.ordinal();
    }

    /** Parses a key, naming the bad value and the accepted ones. */
    public static Acceptability parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Acceptability a : values()) {
            if (a.key().equals(t)) {
                return a;
            }
        }
        throw new IllegalArgumentException("not one of " + keys() + ": '" + text + "'");
    }

    /** Returns the keys, comma-separated, for messages. */
    public static String keys() {
        return Arrays.stream(values()).map(Acceptability::key).collect(Collectors.joining(", "));
    }
}
