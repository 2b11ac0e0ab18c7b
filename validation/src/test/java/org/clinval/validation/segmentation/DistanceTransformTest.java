package org.clinval.validation.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Random;
import org.clinval.validation.testing.ReferenceTable;
import org.junit.jupiter.api.Test;

class DistanceTransformTest {

    // Reference: scipy.ndimage.distance_transform_edt(~sites, sampling=spacing), scipy 1.10.1,
    // written by validation/src/test/python/segmentation_reference.py (write_edt).
    @Test
    void equalsScipyOnSmallRandomMasks() {
        int cases = 0;
        for (Map<String, String> row : ReferenceTable.load("segmentation_edt.csv").rows()) {
            int[] shape = Fixtures.shape(row.get("shape"));
            Mask sites = Mask.of(shape, Fixtures.runs(row.get("sites"), shape));
            double[] expected = Fixtures.doubles(row.get("distances"));
            double[] actual =
                    DistanceTransform.distances(sites, Fixtures.spacing(row.get("spacing")));
            assertThat(actual).as(row.get("case")).hasSameSizeAs(expected);
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i])
                        .as(row.get("case") + " voxel " + i)
                        .isCloseTo(expected[i], within(1e-9));
            }
            cases++;
        }
        assertThat(cases).isEqualTo(8);
    }

    // Reference: brute force, min over all sites q of sqrt(Σ (s·(p − q))²), in this test.
    @Test
    void equalsBruteForceOnRandomMasks() {
        Random random = new Random(20240611);
        for (int trial = 0; trial < 300; trial++) {
            int dims = 2 + random.nextInt(2);
            int[] shape = new int[dims];
            double[] mm = new double[dims];
            for (int axis = 0; axis < dims; axis++) {
                shape[axis] = 1 + random.nextInt(11);
                mm[axis] = 0.2 + 3 * random.nextDouble();
            }
            double density = random.nextDouble() * random.nextDouble();
            Mask sites = Mask.where(shape, index -> random.nextDouble() < density);
            if (sites.isEmpty()) continue;
            Spacing spacing = Spacing.of(mm);
            double[] actual = DistanceTransform.distances(sites, spacing);
            double[] expected = bruteForce(sites, spacing);
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i])
                        .as("trial %d voxel %d", trial, i)
                        .isCloseTo(expected[i], within(1e-9));
            }
        }
    }

    private static double[] bruteForce(Mask sites, Spacing spacing) {
        int[] shape = sites.shape();
        int n = sites.size();
        double[] out = new double[n];
        for (int p = 0; p < n; p++) {
            int[] pi = unravel(p, shape);
            double best = Double.POSITIVE_INFINITY;
            for (int q = 0; q < n; q++) {
                if (!sites.get(q)) continue;
                int[] qi = unravel(q, shape);
                double s = 0;
                for (int axis = 0; axis < shape.length; axis++) {
                    double d = (pi[axis] - qi[axis]) * spacing.get(axis);
                    s += d * d;
                }
                best = Math.min(best, s);
            }
            out[p] = Math.sqrt(best);
        }
        return out;
    }

    private static int[] unravel(int flat, int[] shape) {
        int[] index = new int[shape.length];
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            index[axis] = flat % shape[axis];
            flat /= shape[axis];
        }
        return index;
    }

    // Analytic: one site at (0, 0, 0): D(i, j, k) = sqrt((0.7i)² + (1.9j)² + (2.5k)²).
    @Test
    void singleSiteGivesTheSpacedEuclideanNorm() {
        Mask corner = Mask.where(new int[] {5, 4, 3}, i -> i[0] == 0 && i[1] == 0 && i[2] == 0);
        double[] d = DistanceTransform.distances(corner, Spacing.of(0.7, 1.9, 2.5));
        assertThat(d[0]).isZero();
        // voxel (4, 3, 2) is the last one
        assertThat(d[d.length - 1])
                .isCloseTo(Math.sqrt(2.8 * 2.8 + 5.7 * 5.7 + 5.0 * 5.0), within(1e-12));
    }

    @Test
    void isZeroExactlyAtTheSites() {
        Mask sites = Mask.where(new int[] {6, 7}, i -> (i[0] * 7 + i[1]) % 5 == 0);
        double[] d = DistanceTransform.distances(sites, Spacing.of(0.3, 2.0));
        for (int i = 0; i < d.length; i++) {
            if (sites.get(i)) assertThat(d[i]).isZero();
            else assertThat(d[i]).isPositive();
        }
    }

    @Test
    void rejectsAnEmptyMaskAndAMismatchedSpacing() {
        assertThatThrownBy(() -> DistanceTransform.distances(Mask.empty(3, 4), Spacing.of(1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        Mask one = Mask.where(new int[] {3, 4}, i -> i[0] == 1);
        assertThatThrownBy(() -> DistanceTransform.distances(one, Spacing.of(1, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 values but the mask has 2 axes");
    }
}
