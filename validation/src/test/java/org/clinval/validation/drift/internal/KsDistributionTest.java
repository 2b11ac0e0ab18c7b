package org.clinval.validation.drift.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.TreeMap;
import org.clinval.validation.testing.ReferenceTable;
import org.junit.jupiter.api.Test;

/**
 * The ported null distributions against scipy 1.10.1 on a grid reaching every branch ({@code
 * reference/ks_distribution.csv}, from {@code src/test/python/drift_reference.py}): {@code
 * stats.kstwo.sf(x, n)} for n from 1 to 2,000,000 and x from below 1/(2n) to 0.999, and {@code
 * _attempt_exact_2kssamp(n1, n2, g, h / lcm, 'two-sided')} for equal and unequal sizes up to
 * 10,000.
 */
class KsDistributionTest {

    @Test
    void matchScipy() {
        Map<String, Double> maxDiff = new TreeMap<>();
        int rows = 0;
        for (Map<String, String> row : ReferenceTable.load("ks_distribution.csv").rows()) {
            double expected = Double.parseDouble(row.get("p"));
            double actual;
            String kind = row.get("kind");
            if (kind.equals("kstwo")) {
                actual =
                        Kolmogorov.sf(
                                Integer.parseInt(row.get("n1")), Double.parseDouble(row.get("x")));
            } else {
                actual =
                        SmirnovTwoSample.sf(
                                Integer.parseInt(row.get("n1")),
                                Integer.parseInt(row.get("n2")),
                                Long.parseLong(row.get("h")));
            }
            maxDiff.merge(kind, Math.abs(actual - expected), Math::max);
            assertThat(actual).as(row.toString()).isCloseTo(expected, within(1e-9));
            rows++;
        }
        assertThat(rows).isGreaterThan(250);
        System.out.println("KS null distributions, max |Java − scipy|: " + maxDiff);
    }
}
