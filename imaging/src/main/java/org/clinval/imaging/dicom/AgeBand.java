package org.clinval.imaging.dicom;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The patient's age as a subgroup band: {@code <40}, {@code 40-59}, {@code 60-74}, {@code 75+}.
 * Only the band leaves the reader, never the age or the birth date.
 */
public enum AgeBand {
    UNDER_40("<40"),
    FROM_40_TO_59("40-59"),
    FROM_60_TO_74("60-74"),
    FROM_75("75+");

    private static final Pattern AGE_STRING = Pattern.compile("(\\d{3})([DWMY])");

    private final String label;

    AgeBand(String label) {
        this.label = label;
    }

    /** The band as written in reports, e.g. {@code 40-59}. */
    public String label() {
        return label;
    }

    /** Returns the band of a whole number of years. */
    public static AgeBand ofYears(int years) {
        if (years < 0) {
            throw new IllegalArgumentException("age is negative: " + years);
        }
        if (years < 40) {
            return UNDER_40;
        }
        if (years < 60) {
            return FROM_40_TO_59;
        }
        return years < 75 ? FROM_60_TO_74 : FROM_75;
    }

    /**
     * Parses a Patient's Age (0010,1010) value, an Age String {@code nnnD}, {@code nnnW}, {@code
     * nnnM} or {@code nnnY} (PS3.5 §6.2); empty if it is not one. Days, weeks and months are all
     * under 40 years (999 months is 83 years, so months are converted: {@code nnn / 12}).
     */
    public static Optional<AgeBand> fromAgeString(String age) {
        if (age == null) {
            return Optional.empty();
        }
        Matcher m = AGE_STRING.matcher(age.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        int n = Integer.parseInt(m.group(1));
        return Optional.of(
                switch (m.group(2)) {
                    case "Y" -> ofYears(n);
                    case "M" -> ofYears(n / 12);
                    default -> UNDER_40; // 999 weeks is 19 years, 999 days under 3
                });
    }

    /**
     * The band of the age in whole years on {@code on} of someone born on {@code birth}; empty if
     * birth is after {@code on}.
     */
    public static Optional<AgeBand> between(LocalDate birth, LocalDate on) {
        if (birth.isAfter(on)) {
            return Optional.empty();
        }
        return Optional.of(ofYears(Period.between(birth, on).getYears()));
    }
}
