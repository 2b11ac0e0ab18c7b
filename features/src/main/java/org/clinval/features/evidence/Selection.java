package org.clinval.features.evidence;

import java.util.Arrays;

/**
 * Some cases of a run, e.g. every case or the cases of site B.
 *
 * @param description in words, e.g. {@code all cases} or {@code site B}
 * @param indices the cases' positions in the run's case results, ascending
 */
public record Selection(String description, int[] indices) {

    public Selection {
        indices = indices.clone();
    }

    /** Returns the number of cases selected. */
    public int size() {
        return indices.length;
    }

    @Override
    public int[] indices() {
        return indices.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Selection s
                && s.description.equals(description)
                && Arrays.equals(s.indices, indices);
    }

    @Override
    public int hashCode() {
        return 31 * description.hashCode() + Arrays.hashCode(indices);
    }

    @Override
    public String toString() {
        return description + " (" + indices.length + " cases)";
    }
}
