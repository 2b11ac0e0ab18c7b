package org.clinval.validation.design;

import org.clinval.validation.Checks;

/**
 * Two tests read on the same cases, cross-classified: for paired sensitivities, the positive cases
 * that each test detects.
 *
 * @param both cases positive by both tests
 * @param newOnly cases positive by the new test only ({@code b} of McNemar's table)
 * @param referenceOnly cases positive by the reference test only ({@code c})
 * @param neither cases positive by neither
 */
public record PairedCounts(long both, long newOnly, long referenceOnly, long neither) {

    public PairedCounts {
        Checks.nonNegative("both", both);
        Checks.nonNegative("new only", newOnly);
        Checks.nonNegative("reference only", referenceOnly);
        Checks.nonNegative("neither", neither);
    }

    /** Counts the paired calls; {@code newTest[i]} and {@code reference[i]} are case {@code i}. */
    public static PairedCounts of(boolean[] newTest, boolean[] reference) {
        if (newTest.length != reference.length) {
            throw new IllegalArgumentException(
                    "paired calls differ in length: " + newTest.length + " vs " + reference.length);
        }
        long a = 0, b = 0, c = 0, d = 0;
        for (int i = 0; i < newTest.length; i++) {
            if (newTest[i] && reference[i]) a++;
            else if (newTest[i]) b++;
            else if (reference[i]) c++;
            else d++;
        }
        return new PairedCounts(a, b, c, d);
    }

    /** Returns the number of cases. */
    public long n() {
        return both + newOnly + referenceOnly + neither;
    }

    /** Returns the counts with the two tests' roles exchanged. */
    public PairedCounts swapped() {
        return new PairedCounts(both, referenceOnly, newOnly, neither);
    }
}
