package org.clinval.common.grading;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How one reference grade per case is formed from the ground truth's grade columns. */
public enum ReferenceRule {
    /**
     * The grade most graders gave; a tie goes to the adjudicated column when there is one, else the
     * case is set aside with the reason.
     */
    MAJORITY,
    /** The adjudicated column's grade. */
    ADJUDICATED,
    /** One named grader's column. */
    GRADER;

    /** Returns the protocol's name, e.g. {@code majority}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns every rule's name. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(ReferenceRule::key).toList();
    }

    /** Parses a rule name, naming the bad value. */
    public static ReferenceRule parse(String text) {
        for (ReferenceRule r : values()) {
            if (r.key().equals(text.strip().toLowerCase(Locale.ROOT))) return r;
        }
        throw new IllegalArgumentException(
                "reference rule is not one of " + String.join(", ", keys()) + ": " + text);
    }
}
