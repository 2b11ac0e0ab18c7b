package org.clinval.validation;

/** Argument checks shared by the statistics; each message names the offending value. */
public final class Checks {

    private Checks() {}

    /** Checks {@code value >= 0}. */
    public static long nonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " is negative: " + value);
        }
        return value;
    }

    /** Checks {@code 0 <= successes <= trials}. */
    public static void counts(String successName, long successes, String trialName, long trials) {
        nonNegative(successName, successes);
        nonNegative(trialName, trials);
        if (successes > trials) {
            throw new IllegalArgumentException(
                    successName
                            + " ("
                            + successes
                            + ") exceeds "
                            + trialName
                            + " ("
                            + trials
                            + ")");
        }
    }

    /** Checks that {@code value} is in the open interval (0, 1). */
    public static double openUnit(String name, double value) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(name + " is not in (0, 1): " + value);
        }
        return value;
    }

    /** Checks that {@code value} is in the closed interval [0, 1]. */
    public static double closedUnit(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " is not in [0, 1]: " + value);
        }
        return value;
    }

    /** Checks that {@code value} is finite. */
    public static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " is not finite: " + value);
        }
        return value;
    }

    /** Checks that {@code value > 0}. */
    public static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " is not a positive finite number: " + value);
        }
        return value;
    }

    /** Checks that every element is finite, naming the first index that is not. */
    public static double[] allFinite(String name, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(
                        name + "[" + i + "] is not finite: " + values[i]);
            }
        }
        return values;
    }
}
