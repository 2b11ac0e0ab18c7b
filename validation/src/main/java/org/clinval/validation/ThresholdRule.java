package org.clinval.validation;

/**
 * How a score is compared with an operating threshold to call a case positive. Always an explicit
 * input: {@code >=} and {@code >} give different confusion matrices whenever a score equals the
 * threshold.
 */
public enum ThresholdRule {
    /** Positive when {@code score >= threshold}. */
    GE(">="),
    /** Positive when {@code score > threshold}. */
    GT(">");

    private final String symbol;

    ThresholdRule(String symbol) {
        this.symbol = symbol;
    }

    /** Returns whether a case with {@code score} is called positive at {@code threshold}. */
    public boolean isPositive(double score, double threshold) {
        return this == GE ? score >= threshold : score > threshold;
    }

    /** Returns the comparison operator, {@code ">="} or {@code ">"}. */
    public String symbol() {
        return symbol;
    }

    /** Parses {@code ge}, {@code gt}, {@code >=} or {@code >}. */
    public static ThresholdRule parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "ge", ">=" -> GE;
            case "gt", ">" -> GT;
            default ->
                    throw new IllegalArgumentException(
                            "threshold rule is not one of ge, gt, >=, >: " + text);
        };
    }
}
