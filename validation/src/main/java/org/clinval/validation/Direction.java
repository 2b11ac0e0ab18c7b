package org.clinval.validation;

/**
 * Which end of the score scale indicates the positive class. Always an explicit input: guessing it
 * from the data (as some tools do by default) turns an AUC of 0.3 into 0.7 without notice.
 */
public enum Direction {
    /** Higher scores indicate the positive class. */
    HIGHER,
    /** Lower scores indicate the positive class. */
    LOWER;

    /**
     * Returns the score oriented so that higher always means positive: {@code score} for {@link
     * #HIGHER}, {@code -score} for {@link #LOWER}.
     */
    public double orient(double score) {
        return this == HIGHER ? score : -score;
    }

    /**
     * Parses {@code higher} or {@code lower}. The symbols {@code <} and {@code >} are refused: in
     * R's pROC {@code direction = "<"} means controls score below cases, i.e. <em>higher</em>
     * scores are positive, so a symbol read either way would silently invert someone's curve.
     */
    public static Direction parse(String text) {
        String t = text.trim();
        return switch (t.toLowerCase(java.util.Locale.ROOT)) {
            case "higher" -> HIGHER;
            case "lower" -> LOWER;
            case "<", ">" ->
                    throw new IllegalArgumentException(
                            "direction '"
                                    + t
                                    + "' is ambiguous: write higher or lower (pROC's direction"
                                    + " = \"<\" is higher, \">\" is lower)");
            default ->
                    throw new IllegalArgumentException(
                            "direction is not one of higher, lower: " + text);
        };
    }
}
