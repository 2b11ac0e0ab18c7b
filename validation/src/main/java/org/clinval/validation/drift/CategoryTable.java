package org.clinval.validation.drift;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A 2 × K table of category counts, baseline row and current row, over the union of the categories
 * seen in either sample in natural (code unit) order.
 *
 * @param categories the categories, sorted
 * @param baseline the baseline count of each category
 * @param current the current count of each category
 */
public record CategoryTable(List<String> categories, long[] baseline, long[] current) {

    public CategoryTable {
        categories = List.copyOf(categories);
        if (baseline.length != categories.size() || current.length != categories.size()) {
            throw new IllegalArgumentException(
                    "counts for "
                            + baseline.length
                            + " and "
                            + current.length
                            + " categories, named "
                            + categories.size());
        }
        for (int i = 0; i < baseline.length; i++) {
            if (baseline[i] < 0 || current[i] < 0) {
                throw new IllegalArgumentException(
                        "negative count for category " + categories.get(i));
            }
        }
        baseline = baseline.clone();
        current = current.clone();
    }

    /**
     * Counts two samples of categorical values.
     *
     * @throws IllegalArgumentException if a value is null
     */
    public static CategoryTable of(String[] baseline, String[] current) {
        Map<String, long[]> counts = new TreeMap<>();
        tally(counts, "baseline", baseline, 0);
        tally(counts, "current", current, 1);
        long[] b = new long[counts.size()];
        long[] c = new long[counts.size()];
        int i = 0;
        for (long[] v : counts.values()) {
            b[i] = v[0];
            c[i] = v[1];
            i++;
        }
        return new CategoryTable(List.copyOf(counts.keySet()), b, c);
    }

    private static void tally(Map<String, long[]> counts, String name, String[] values, int row) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw new IllegalArgumentException(name + "[" + i + "] is null");
            }
            counts.computeIfAbsent(values[i], k -> new long[2])[row]++;
        }
    }

    @Override
    public long[] baseline() {
        return baseline.clone();
    }

    @Override
    public long[] current() {
        return current.clone();
    }

    /** Returns the number of baseline values. */
    public long baselineTotal() {
        long s = 0;
        for (long v : baseline) s += v;
        return s;
    }

    /** Returns the number of current values. */
    public long currentTotal() {
        long s = 0;
        for (long v : current) s += v;
        return s;
    }
}
