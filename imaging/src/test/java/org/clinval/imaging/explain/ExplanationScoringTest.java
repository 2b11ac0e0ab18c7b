package org.clinval.imaging.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.clinval.imaging.preprocess.Raster;
import org.junit.jupiter.api.Test;

/** Pointing game and energy in mask on maps whose answers follow from their construction. */
class ExplanationScoringTest {

    /** A 6 × 8 map: 0 everywhere but the given (row, column, value) triples. */
    private static Raster map(float... rcv) {
        float[] v = new float[48];
        for (int i = 0; i < rcv.length; i += 3) v[(int) rcv[i] * 8 + (int) rcv[i + 1]] = rcv[i + 2];
        return new Raster(v, 6, 8);
    }

    /** A mask of the rectangle rows r0..r1, columns c0..c1 (inclusive). */
    private static boolean[] box(int r0, int r1, int c0, int c1) {
        boolean[] m = new boolean[48];
        for (int r = r0; r <= r1; r++) for (int c = c0; c <= c1; c++) m[r * 8 + c] = true;
        return m;
    }

    @Test
    void peakInsideTheLesionHitsAndEnergyIsThePositiveShareInside() {
        // Positive attribution 3 (inside) + 1 (outside); the −5 outside does not count.
        Raster m = map(2, 3, 3f, 5, 7, 1f, 0, 0, -5f);
        ExplanationScore s = ExplanationScoring.score(m, box(1, 3, 2, 4), 0);
        assertThat(s.pointingHit()).contains(true);
        assertThat(s.energyInMask().getAsDouble()).isCloseTo(0.75, within(1e-15));
        assertThat(s.peakRow()).isEqualTo(2);
        assertThat(s.peakColumn()).isEqualTo(3);
        assertThat(s.maskPixels()).isEqualTo(9);
    }

    @Test
    void toleranceIsAEuclideanDiscAroundThePeak() {
        // Peak at (2, 6); the lesion's nearest pixel (2, 4) is 2 pixels away, (4, 4) is √8 away.
        Raster m = map(2, 6, 1f);
        boolean[] lesion = box(2, 4, 2, 4);
        assertThat(ExplanationScoring.score(m, lesion, 0).pointingHit()).contains(false);
        assertThat(ExplanationScoring.score(m, lesion, 1).pointingHit()).contains(false);
        assertThat(ExplanationScoring.score(m, lesion, 2).pointingHit()).contains(true);
        // Diagonal: peak at (0, 0), lesion pixel (1, 1) at √2 — outside tolerance 1, inside 2.
        Raster d = map(0, 0, 1f);
        boolean[] corner = box(1, 1, 1, 1);
        assertThat(ExplanationScoring.score(d, corner, 1).pointingHit()).contains(false);
        assertThat(ExplanationScoring.score(d, corner, 2).pointingHit()).contains(true);
        // The energy never uses the tolerance.
        assertThat(ExplanationScoring.score(m, lesion, 2).energyInMask().getAsDouble()).isZero();
    }

    @Test
    void tiesGoToTheFirstPeakInRowMajorOrder() {
        Raster m = map(1, 1, 2f, 4, 4, 2f);
        assertThat(ExplanationScoring.score(m, box(4, 4, 4, 4), 0).pointingHit()).contains(false);
        assertThat(ExplanationScoring.score(m, box(1, 1, 1, 1), 0).pointingHit()).contains(true);
    }

    @Test
    void noLesionIsUndefinedAndAMapWithoutPositiveValuesMissesWithUndefinedEnergy() {
        ExplanationScore none = ExplanationScoring.score(map(2, 3, 1f), new boolean[48], 3);
        assertThat(none.pointingHit()).isEmpty();
        assertThat(none.energyInMask()).isEmpty();
        assertThat(none.maskPixels()).isZero();
        // All zero: its "peak" is pixel 0, inside the lesion, but it points nowhere.
        ExplanationScore flat = ExplanationScoring.score(map(), box(0, 1, 0, 1), 0);
        assertThat(flat.pointingHit()).contains(false);
        assertThat(flat.energyInMask()).isEmpty();
    }

    @Test
    void scalingTheMapByAPositiveFactorChangesNoScore() {
        Raster m = map(2, 3, 3f, 5, 7, 1f, 1, 2, 0.5f);
        Raster scaled = map(2, 3, 30f, 5, 7, 10f, 1, 2, 5f);
        boolean[] lesion = box(1, 3, 2, 4);
        ExplanationScore a = ExplanationScoring.score(m, lesion, 0);
        ExplanationScore b = ExplanationScoring.score(scaled, lesion, 0);
        assertThat(b.pointingHit()).isEqualTo(a.pointingHit());
        assertThat(b.energyInMask().getAsDouble())
                .isCloseTo(a.energyInMask().getAsDouble(), within(1e-12));
    }

    @Test
    void refusesAMaskOfAnotherSizeAndANegativeTolerance() {
        assertThatThrownBy(() -> ExplanationScoring.score(map(), new boolean[47], 0))
                .hasMessageContaining("lesion mask has 47 pixels, the map 6 x 8 = 48");
        assertThatThrownBy(() -> ExplanationScoring.score(map(), new boolean[48], -1))
                .hasMessageContaining("tolerance is negative: -1");
    }
}
