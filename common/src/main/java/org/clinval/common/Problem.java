package org.clinval.common;

import java.util.Objects;

/**
 * Something wrong with an input, as a check reports it: where (file, line, column, key) and what,
 * in words a user can act on.
 *
 * @param where e.g. {@code ground-truth.csv line 12, column 'label'}
 * @param what e.g. {@code 'malignant ' is neither the positive class '1' nor the other label '0'}
 */
public record Problem(String where, String what) {

    public Problem {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(what, "what");
    }

    @Override
    public String toString() {
        return where.isEmpty() ? what : where + ": " + what;
    }
}
