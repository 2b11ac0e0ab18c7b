package org.clinval.validation.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.bootstrap.BootstrapSpec;
import org.junit.jupiter.api.Test;

/** Hand-computed FROC cases, edge cases and invariances. */
class FrocTest {

    private static final double TOL = 1e-12;

    /**
     * The "boundary" data set of froc_reference.py, worked by hand. Events by descending score: 0.9
     * FP (on the sphere of lesion 1: distance 5 = radius), 0.8 FP (on the sphere of lesion 3), 0.7
     * {hit lesion 2, hit lesion 3, FP}, 0.4 hit lesion 1 (its other hit, 0.3, is ignored), 0.2 FP;
     * N = 6 scans, L = 4 lesions (one never hit). Curve: (0,0), (1/6,0), (2/6,0), (3/6,2/4),
     * (3/6,3/4), (4/6,3/4).
     */
    @Test
    void handComputedCurveAndSensitivities() {
        MatchedDetections d = boundary();
        assertThat(d.lesions()).isEqualTo(4);
        assertThat(d.lesionsHit()).isEqualTo(3);
        assertThat(d.candidates()).isEqualTo(8);
        assertThat(d.falsePositives()).isEqualTo(4);
        assertThat(d.hittingCandidates()).isEqualTo(4);
        FrocResult r = Froc.of(d);
        FrocCurve c = r.curve().orElseThrow();
        assertThat(c.points())
                .extracting(FrocPoint::threshold)
                .containsExactly(0.9, 0.8, 0.7, 0.4, 0.2);
        assertThat(c.points())
                .extracting(FrocPoint::falsePositives)
                .containsExactly(1L, 2L, 3L, 3L, 4L);
        assertThat(c.points())
                .extracting(FrocPoint::truePositives)
                .containsExactly(0L, 0L, 2L, 3L, 3L);
        // 1/8 and 1/4 lie on the flat start; 1/2 is the FP rate of two points: the last (3/4);
        // 1 to 8 lie beyond the last point (4/6): held at 3/4.
        assertThat(r.sensitivityAtFp().values())
                .containsExactly(0.0, 0.0, 0.75, 0.75, 0.75, 0.75, 0.75);
        assertThat(r.cpm().getAsDouble()).isCloseTo(3.75 / 7, within(TOL));
        // Between (2/6, 0) and (3/6, 1/2): slope 3, so at 0.4: 3·(0.4 − 1/3) = 0.2.
        assertThat(c.sensitivityAt(0.4)).isCloseTo(0.2, within(TOL));
        assertThat(c.sensitivityAt(0)).isEqualTo(0.0);
        assertThat(c.sensitivityAt(1e6)).isEqualTo(0.75);
    }

    @Test
    void candidateInsideTwoOverlappingLesionsHitsBoth() {
        List<Lesion> lesions = List.of(new Lesion("s", 0, 0, 0, 3), new Lesion("s", 4, 0, 0, 3));
        List<Candidate> candidates = List.of(new Candidate("s", 2, 0, 0, 0.5));
        MatchedDetections d = MatchedDetections.of(candidates, lesions, 1);
        assertThat(d.lesionsHit()).isEqualTo(2);
        assertThat(d.falsePositives()).isZero();
        assertThat(Froc.of(d).cpm().getAsDouble()).isEqualTo(1.0);
    }

    @Test
    void lesionScoreIsTheHighestHittingScore() {
        List<Lesion> lesions = List.of(new Lesion("s", 0, 0, 0, 10));
        List<Candidate> candidates =
                List.of(
                        new Candidate("s", 1, 0, 0, 0.2),
                        new Candidate("s", 0, 1, 0, 0.6),
                        new Candidate("s", 0, 0, 1, 0.4),
                        new Candidate("t", 0, 0, 0, 0.5));
        FrocCurve c = Froc.of(MatchedDetections.of(candidates, lesions, 2)).curve().orElseThrow();
        // The lesion enters at 0.6; the candidates at 0.4 and 0.2 are neither TP nor FP.
        assertThat(c.points()).extracting(FrocPoint::threshold).containsExactly(0.6, 0.5);
        assertThat(c.points().get(0).sensitivity()).isEqualTo(1.0);
        assertThat(c.points().get(1).fpPerScan()).isEqualTo(0.5);
    }

    @Test
    void scanCountMustCoverEveryScanSeen() {
        List<Lesion> lesions = List.of(new Lesion("a", 0, 0, 0, 1));
        List<Candidate> candidates = List.of(new Candidate("b", 0, 0, 0, 1));
        assertThatThrownBy(() -> MatchedDetections.of(candidates, lesions, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(1)")
                .hasMessageContaining("(2)");
        assertThatThrownBy(() -> MatchedDetections.of(List.of(), List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(MatchedDetections.of(candidates, lesions, 2).scans()).isEqualTo(2);
    }

    @Test
    void badMarksAreRejectedNamingTheValue() {
        assertThatThrownBy(() -> new Lesion("a", 0, 0, 0, -1))
                .hasMessage("lesion radius is not a positive finite number: -1.0");
        assertThatThrownBy(() -> new Lesion("a", 0, 0, 0, 0)).hasMessageContaining("radius");
        assertThatThrownBy(() -> new Candidate("a", Double.NaN, 0, 0, 1))
                .hasMessage("candidate x is not finite: NaN");
        assertThatThrownBy(() -> new Candidate("", 0, 0, 0, 1))
                .hasMessageContaining("scan identifier is empty");
        assertThatThrownBy(() -> new Candidate("a", 0, 0, 0, Double.POSITIVE_INFINITY))
                .hasMessageContaining("candidate score");
    }

    @Test
    void withoutLesionsTheSensitivityIsUndefinedNotNaN() {
        List<Candidate> candidates = List.of(new Candidate("a", 0, 0, 0, 1));
        FrocResult r = Froc.of(MatchedDetections.of(candidates, List.of(), 3));
        assertThat(r.cpm()).isEmpty();
        assertThat(r.curve()).isEmpty();
        assertThat(r.sensitivityAtFp()).isEmpty();
        assertThat(r.undefinedReason()).hasValueSatisfying(s -> assertThat(s).contains("lesion"));
        assertThat(r.falsePositives()).isEqualTo(1);
    }

    @Test
    void withoutCandidatesOrHitsTheSensitivityIsZero() {
        List<Lesion> lesions = List.of(new Lesion("a", 0, 0, 0, 1));
        FrocResult none = Froc.of(MatchedDetections.of(List.of(), lesions, 1));
        assertThat(none.cpm().getAsDouble()).isZero();
        assertThat(none.curve().orElseThrow().points()).isEmpty();
        FrocResult missOnly =
                Froc.of(MatchedDetections.of(List.of(new Candidate("a", 5, 0, 0, 1)), lesions, 1));
        assertThat(missOnly.sensitivityAtFp().values()).containsOnly(0.0);
    }

    @Test
    void withoutFalsePositivesEveryRateGetsTheFinalSensitivity() {
        List<Lesion> lesions = List.of(new Lesion("a", 0, 0, 0, 1), new Lesion("a", 10, 0, 0, 1));
        FrocResult r =
                Froc.of(
                        MatchedDetections.of(
                                List.of(new Candidate("a", 0, 0, 0, 0.3)), lesions, 4));
        assertThat(r.sensitivityAtFp().values()).containsOnly(0.5);
        assertThat(r.curve().orElseThrow().sensitivityAt(0)).isEqualTo(0.5);
    }

    /** Adding k empty scans divides every FP rate by k + 1: sens_{2N}(x) = sens_N(2x). */
    @Test
    void emptyScansScaleTheFpAxis() {
        MatchedDetections d = FrocData.matched("small3d");
        MatchedDetections doubled =
                MatchedDetections.of(
                        FrocData.candidates("small3d"), FrocData.lesions("small3d"), 2 * d.scans());
        FrocCurve c = Froc.of(d).curve().orElseThrow();
        FrocCurve c2 = Froc.of(doubled).curve().orElseThrow();
        for (double x : new double[] {0.1, 0.125, 0.3, 0.5, 1, 1.7, 4}) {
            assertThat(c2.sensitivityAt(x)).isCloseTo(c.sensitivityAt(2 * x), within(TOL));
        }
    }

    /** Rank-based: candidate order and a strictly increasing score transform change nothing. */
    @Test
    void invariantToCandidateOrderAndMonotoneScoreTransforms() {
        List<Candidate> candidates = new ArrayList<>(FrocData.candidates("ties"));
        List<Lesion> lesions = FrocData.lesions("ties");
        int n = FrocData.scans("ties");
        FrocResult base = Froc.of(MatchedDetections.of(candidates, lesions, n));
        Collections.shuffle(candidates, new Random(3));
        List<Candidate> transformed =
                candidates.stream()
                        .map(c -> new Candidate(c.scan(), c.x(), c.y(), c.z(), 3 * c.score() - 1))
                        .toList();
        FrocResult other = Froc.of(MatchedDetections.of(transformed, lesions, n));
        assertThat(other.sensitivityAtFp()).isEqualTo(base.sensitivityAtFp());
        assertThat(other.cpm()).isEqualTo(base.cpm());
    }

    @Test
    void fpRatesAreChecked() {
        MatchedDetections d = boundary();
        assertThatThrownBy(() -> Froc.of(d, List.of(1.0, 0.5)))
                .hasMessageContaining("strictly ascending");
        assertThatThrownBy(() -> Froc.of(d, List.of(-1.0))).hasMessageContaining("-1.0");
        assertThatThrownBy(() -> Froc.of(d, List.of())).hasMessageContaining("no FP rate");
        assertThatThrownBy(() -> Froc.of(d).curve().orElseThrow().sensitivityAt(-0.5))
                .hasMessageContaining("-0.5");
    }

    @Test
    void bootstrapIsReproducibleFromItsSeed() {
        MatchedDetections d = FrocData.matched("small3d");
        BootstrapSpec spec = new BootstrapSpec(500, 42, ConfidenceLevel.of(0.9));
        FrocBootstrap a = Froc.bootstrap(d, spec);
        FrocBootstrap b = Froc.bootstrap(d, spec);
        FrocBootstrap other = Froc.bootstrap(d, new BootstrapSpec(500, 43, spec.level()));
        assertThat(a.cpm().orElseThrow().percentile())
                .isEqualTo(b.cpm().orElseThrow().percentile());
        assertThat(a.cpm().orElseThrow().percentile())
                .isNotEqualTo(other.cpm().orElseThrow().percentile());
        assertThat(a.level().value()).isEqualTo(0.9);
        assertThat(a.sensitivityAtFp().keySet()).containsExactlyElementsOf(Froc.LUNA16_FP_RATES);
    }

    @Test
    void bootstrapIsUndefinedWhenReplicatesCanLoseEveryLesion() {
        // Lesions on 2 of 50 scans: a replicate draws neither with probability (48/50)^50 ≈ 0.13.
        List<Lesion> lesions = List.of(new Lesion("a", 0, 0, 0, 1), new Lesion("b", 0, 0, 0, 1));
        List<Candidate> candidates =
                List.of(new Candidate("a", 0, 0, 0, 0.9), new Candidate("c", 0, 0, 0, 0.5));
        MatchedDetections d = MatchedDetections.of(candidates, lesions, 50);
        FrocBootstrap b = Froc.bootstrap(d, new BootstrapSpec(200, 1, ConfidenceLevel.of(0.95)));
        assertThat(b.replicatesWithoutLesions()).isBetween(1, 200);
        assertThat(b.cpm()).isEmpty();
        assertThat(b.sensitivityAtFp()).isEmpty();
        assertThat(b.undefinedReason()).hasValueSatisfying(s -> assertThat(s).contains("of 200"));

        MatchedDetections oneScan =
                MatchedDetections.of(candidates, List.of(new Lesion("a", 0, 0, 0, 1)), 5);
        FrocBootstrap single =
                Froc.bootstrap(oneScan, new BootstrapSpec(200, 1, ConfidenceLevel.of(0.95)));
        assertThat(single.undefinedReason())
                .hasValueSatisfying(s -> assertThat(s).contains("at least 2 scans"));
    }

    private static MatchedDetections boundary() {
        return MatchedDetections.of(
                FrocData.candidates("boundary"), FrocData.lesions("boundary"), 6);
    }
}
