package org.clinval.reports.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.validation.Interval;
import org.clinval.validation.ThresholdRule;
import org.clinval.validation.interval.BinomialInterval;

/**
 * How the report and the workbook print values, so both read the same. Estimates and bounds have
 * three decimals; an undefined value prints as {@code undefined}, never as {@code NaN}.
 */
public final class Text {

    /** What an undefined estimate prints as. */
    public static final String UNDEFINED = "undefined";

    /** What an empty list or a missing interval prints as. */
    public static final String NONE = "\u2014";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
                    .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
                    .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Text() {}

    /** Returns {@code value} with three decimals, e.g. {@code 0.912}. */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value to print is not finite: " + value);
        }
        String s = String.format(Locale.ROOT, "%.3f", value);
        return s.equals("-0.000") ? "0.000" : s;
    }

    /** Returns the estimate with three decimals, or {@code undefined}. */
    public static String estimate(OptionalDouble estimate) {
        return estimate.isPresent() ? number(estimate.getAsDouble()) : UNDEFINED;
    }

    /** Returns a p-value with three decimals, {@code < 0.001} below, or {@code undefined}. */
    public static String p(OptionalDouble p) {
        if (p.isEmpty()) {
            return UNDEFINED;
        }
        return p.getAsDouble() < 0.001 ? "< 0.001" : number(p.getAsDouble());
    }

    /** Returns {@code lower – upper} with three decimals each. */
    public static String interval(Interval ci) {
        return number(ci.lower()) + " \u2013 " + number(ci.upper());
    }

    /** Returns the interval, or a dash when there is none. */
    public static String interval(Optional<Interval> ci) {
        return ci.map(Text::interval).orElse(NONE);
    }

    /** Returns a threshold as written, without trailing zeros, e.g. {@code 0.5}. */
    public static String threshold(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("threshold to print is not finite: " + value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** Returns a confidence level as a percentage, e.g. {@code 95%}. */
    public static String level(double level) {
        return BigDecimal.valueOf(level).movePointRight(2).stripTrailingZeros().toPlainString()
                + "%";
    }

    /** Returns an instant as {@code yyyy-MM-dd HH:mm:ss UTC}. */
    public static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** Returns an instant as {@code yyyy-MM-dd HH:mm:ss}, in UTC, for columns headed "UTC". */
    public static String utc(Instant instant) {
        return UTC.format(instant);
    }

    /** Returns the comparison of a threshold rule for reading, {@code ≥} or {@code >}. */
    public static String rule(ThresholdRule rule) {
        return rule == ThresholdRule.GE ? "\u2265" : ">";
    }

    /** Returns {@code successes/trials}, e.g. {@code 182/200}. */
    public static String counts(long successes, long trials) {
        return successes + "/" + trials;
    }

    /** Returns the UTC date of an instant, {@code yyyy-MM-dd}. */
    public static String date(Instant instant) {
        return DATE.format(instant);
    }

    /** Returns the values joined by commas, or a dash when there are none. */
    public static String list(List<String> values) {
        return values.isEmpty() ? NONE : String.join(", ", values);
    }

    /** Returns the name of a binomial interval method for reading, e.g. {@code Wilson score}. */
    public static String method(BinomialInterval method) {
        return switch (method) {
            case WILSON -> "Wilson score";
            case CLOPPER_PEARSON -> "Clopper\u2013Pearson";
            case JEFFREYS -> "Jeffreys";
        };
    }

    /** Returns {@code PASS} or {@code FAIL}. */
    public static String result(boolean passed) {
        return passed ? "PASS" : "FAIL";
    }
}
