package org.clinval.common.grading;

import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * An ordered grade scale, e.g. {@code [none, mild, moderate, severe, proliferative]}. A grade is
 * written by its name or its 0-based index.
 *
 * @param grades the grade names, lowest first, at least two, distinct and not blank
 */
public record GradeScale(List<String> grades) {

    public GradeScale {
        if (grades == null || grades.size() < 2) {
            throw new IllegalArgumentException(
                    "a grade scale needs at least two grades: " + grades);
        }
        Set<String> seen = new HashSet<>();
        for (String g : grades) {
            if (g == null || g.isBlank()) {
                throw new IllegalArgumentException("a grade name is blank: " + grades);
            }
            if (!seen.add(g)) {
                throw new IllegalArgumentException("grade is listed twice: " + g);
            }
        }
        grades = List.copyOf(grades);
    }

    /** Returns the number of grades. */
    public int size() {
        return grades.size();
    }

    /** Returns the name of grade {@code index}. */
    public String name(int index) {
        return grades.get(index);
    }

    /**
     * Returns the grade written as {@code text}: a grade name, or a 0-based index (digits only);
     * empty when it is neither. A name wins over an index when a grade is itself named by digits.
     */
    public OptionalInt parse(String text) {
        String t = text == null ? "" : text.strip();
        int i = grades.indexOf(t);
        if (i >= 0) return OptionalInt.of(i);
        if (t.matches("\\d{1,9}")) {
            int v = Integer.parseInt(t);
            if (v < grades.size()) return OptionalInt.of(v);
        }
        return OptionalInt.empty();
    }

    /** Returns the grades as the message of a value that is not one: names and indices. */
    public String describe() {
        return "one of " + String.join(", ", grades) + " (or 0 to " + (grades.size() - 1) + ")";
    }

    /** Returns the probability column of grade {@code index} in case results, {@code p_<name>}. */
    public String probabilityColumn(int index) {
        return "p_" + grades.get(index);
    }
}
