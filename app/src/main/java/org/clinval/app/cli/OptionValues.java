package org.clinval.app.cli;

import java.util.Locale;
import java.util.function.Function;
import org.clinval.common.Quote;

/**
 * Checks of option values, before any file is read: each failure is a {@link UsageError} (exit 2)
 * naming the option, the value and what it must be, e.g. {@code --bins is not a whole number in [1,
 * 10000]: 100000000}. NaN and the infinities fail every check of a number.
 */
public final class OptionValues {

    private OptionValues() {}

    /** Returns {@code value} if it is in {@code [min, max]}. */
    public static long count(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new UsageError(
                    option
                            + " is not a whole number in ["
                            + grouped(min)
                            + ", "
                            + grouped(max)
                            + "]: "
                            + value);
        }
        return value;
    }

    /** Returns {@code value} if it is in {@code [min, max]}. */
    public static int count(String option, int value, int min, int max) {
        return (int) count(option, (long) value, min, max);
    }

    /** Returns {@code value} if it is a finite number. */
    public static double finite(String option, double value) {
        if (!Double.isFinite(value)) {
            throw new UsageError(option + " is not a finite number: " + value);
        }
        return value;
    }

    /** Returns {@code value} if it is finite and above 0. */
    public static double positive(String option, double value) {
        if (!(Double.isFinite(value) && value > 0)) {
            throw new UsageError(option + " is not a positive finite number: " + value);
        }
        return value;
    }

    /** Returns {@code value} if it is finite and at least 0. */
    public static double nonNegative(String option, double value) {
        if (!(Double.isFinite(value) && value >= 0)) {
            throw new UsageError(option + " is not a finite number of at least 0: " + value);
        }
        return value;
    }

    /** Returns {@code value} if it is in the open interval (0, 1). */
    public static double openUnit(String option, double value) {
        if (!(value > 0 && value < 1)) {
            throw new UsageError(option + " is not in (0, 1): " + value);
        }
        return value;
    }

    /** Returns {@code value} if it is in the closed interval [0, 1]. */
    public static double unit(String option, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new UsageError(option + " is not in [0, 1]: " + value);
        }
        return value;
    }

    /**
     * Returns {@code parser} applied to {@code value}; its {@link IllegalArgumentException} (an
     * unknown name) becomes a usage error naming the option, with the value quoted and cut.
     */
    public static <T> T parse(String option, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            String m = String.valueOf(e.getMessage());
            String tail = ": " + value;
            if (value != null && m.endsWith(tail)) {
                m = m.substring(0, m.length() - tail.length()) + ": " + Quote.value(value);
            } else {
                m = m + " (" + Quote.value(value) + ")";
            }
            throw new UsageError(option + ": " + m);
        }
    }

    private static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
