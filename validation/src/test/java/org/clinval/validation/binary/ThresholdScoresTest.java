package org.clinval.validation.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.ThresholdRule;
import org.clinval.validation.bootstrap.BootstrapInterval;
import org.clinval.validation.bootstrap.BootstrapSpec;
import org.clinval.validation.ranking.RankingData;
import org.clinval.validation.testing.ReferenceTable;
import org.junit.jupiter.api.Test;

/**
 * Against scikit-learn 1.2.1 (ranking_threshold.csv, written by
 * validation/src/test/python/ranking_reference.py): {@code matthews_corrcoef(y, pred)} and {@code
 * fbeta_score(y, pred, beta=β)} for β in {0, 0.5, 1, 2, 3.7} at thresholds of 44 data sets, both
 * rules. Where a margin is 0 scikit-learn returns 0 (for F-beta with a warning); clinval returns no
 * value and the reason: the test checks that these are exactly the cases where they differ.
 */
class ThresholdScoresTest {

    private static final double TOL = 1e-12;
    private static final ConfidenceLevel L95 = ConfidenceLevel.of(0.95);

    @Test
    void matchesSklearnAndIsUndefinedExactlyWhereSklearnReturnsAZeroByConvention() {
        Map<String, RankingData> data = RankingData.load();
        int checked = 0, undefined = 0;
        for (Map<String, String> row : ReferenceTable.load("ranking_threshold.csv").rows()) {
            RankingData d = data.get(row.get("dataset"));
            double t = Double.parseDouble(row.get("threshold"));
            ThresholdRule rule = ThresholdRule.parse(row.get("rule"));
            double[] oriented = new double[d.score().length];
            for (int i = 0; i < oriented.length; i++)
                oriented[i] = d.direction().orient(d.score()[i]);
            ConfusionMatrix m =
                    ConfusionMatrix.of(d.positive(), oriented, d.direction().orient(t), rule);
            RatioEstimate r =
                    row.get("statistic").equals("mcc")
                            ? ThresholdScores.mcc(m, L95)
                            : ThresholdScores.fBeta(m, Double.parseDouble(row.get("beta")), L95);
            double sklearn = Double.parseDouble(row.get("value"));
            String what = row.toString();
            if (r.estimate().isEmpty()) {
                assertThat(sklearn).as(what).isZero();
                assertThat(r.undefinedReason().orElseThrow()).as(what).contains("undefined");
                undefined++;
            } else {
                assertThat(r.estimate().getAsDouble()).as(what).isCloseTo(sklearn, within(TOL));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(3000);
        assertThat(undefined).isGreaterThan(50);
    }

    @Test
    void definitionsOnSmallTables() {
        // tp 3, fp 1, tn 3, fn 1: MCC = (9 - 1) / sqrt(4*4*4*4) = 0.5; F2 = 5*3 / (15 + 4 + 1)
        ConfusionMatrix m = new ConfusionMatrix(3, 1, 3, 1);
        assertThat(ThresholdScores.mcc(m, L95).estimate().getAsDouble())
                .isCloseTo(0.5, within(TOL));
        assertThat(ThresholdScores.fBeta(m, 2, L95).estimate().getAsDouble())
                .isCloseTo(15.0 / 20, within(TOL));
        assertThat(
                        ThresholdScores.mcc(new ConfusionMatrix(0, 0, 5, 2), L95)
                                .undefinedReason()
                                .orElseThrow())
                .contains("0 positive, 7 negative calls");
        assertThat(ThresholdScores.fBeta(new ConfusionMatrix(0, 0, 5, 0), 1, L95).estimate())
                .isEmpty();
        assertThatThrownBy(() -> ThresholdScores.fBeta(m, -1, L95)).hasMessageContaining("beta");
    }

    @Test
    void bootstrapIsReproducibleAndCountsUndefinedReplicates() {
        BootstrapSpec spec = new BootstrapSpec(1000, 11L, L95);
        ConfusionMatrix m = new ConfusionMatrix(40, 12, 50, 9);
        ThresholdScores.CountBootstrap a = ThresholdScores.bootstrapMcc(m, spec);
        assertThat(a).isEqualTo(ThresholdScores.bootstrapMcc(m, spec));
        BootstrapInterval i = a.interval().orElseThrow();
        assertThat(i.percentile().contains(i.estimate())).isTrue();
        assertThat(i.bca()).isPresent();
        assertThat(a.undefinedReplicates()).isZero();
        // one true positive of 6 and no false positive: a replicate has no positive call, and
        // an undefined MCC, with probability (5/6)^6 = 0.335; SE over 1000 replicates 0.015
        ConfusionMatrix rare = new ConfusionMatrix(1, 0, 30, 5);
        ThresholdScores.CountBootstrap r = ThresholdScores.bootstrapMcc(rare, spec);
        assertThat(r.undefinedReplicates()).isBetween(285, 385);
        assertThat(r.interval().orElseThrow().bca()).isEmpty();
        assertThat(ThresholdScores.bootstrapMcc(new ConfusionMatrix(0, 0, 4, 3), spec).interval())
                .isEmpty();
    }

    /**
     * Coverage of the 95% percentile interval over 400 simulated studies of 100 positives and 100
     * negatives, sensitivity 0.8 and specificity 0.7; the target is the statistic of the expected
     * table (tp 80, fn 20, tn 70, fp 30). With 400 studies the binomial SE of the coverage is 1.1%.
     */
    @Test
    void percentileIntervalsCoverNearTheirLevel() {
        ConfusionMatrix expected = new ConfusionMatrix(80, 30, 70, 20);
        double mcc = ThresholdScores.mccValue(expected);
        double f2 = ThresholdScores.fBetaValue(expected, 2);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261205L);
        int studies = 400, coverMcc = 0, coverF2 = 0;
        for (int s = 0; s < studies; s++) {
            int tp = 0, fp = 0;
            for (int i = 0; i < 100; i++) {
                if (rng.nextDouble() < 0.8) tp++;
                if (rng.nextDouble() < 0.3) fp++;
            }
            ConfusionMatrix m = new ConfusionMatrix(tp, fp, 100 - fp, 100 - tp);
            BootstrapSpec spec = new BootstrapSpec(400, s, L95);
            if (ThresholdScores.bootstrapMcc(m, spec)
                    .interval()
                    .orElseThrow()
                    .percentile()
                    .contains(mcc)) {
                coverMcc++;
            }
            if (ThresholdScores.bootstrapFBeta(m, 2, spec)
                    .interval()
                    .orElseThrow()
                    .percentile()
                    .contains(f2)) {
                coverF2++;
            }
        }
        assertThat(coverMcc / (double) studies).isBetween(0.915, 0.985);
        assertThat(coverF2 / (double) studies).isBetween(0.915, 0.985);
    }
}
