package org.clinval.validation.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Direction;
import org.clinval.validation.bootstrap.BootstrapInterval;
import org.clinval.validation.bootstrap.BootstrapSpec;
import org.clinval.validation.testing.ReferenceTable;
import org.junit.jupiter.api.Test;

/**
 * Against scikit-learn 1.2.1 (ranking_pr_curve.csv, ranking_ap.csv, ranking_ap_bootstrap.csv,
 * written by validation/src/test/python/ranking_reference.py): {@code precision_recall_curve(y, s)}
 * point by point and {@code average_precision_score(y, s)} on 44 data sets with tied scores, and a
 * numpy percentile bootstrap of the average precision.
 */
class PrecisionRecallReferenceTest {

    private static final double TOL = 1e-12;

    @Test
    void curveMatchesSklearnPointByPoint() {
        Map<String, RankingData> data = RankingData.load();
        Map<String, List<Map<String, String>>> expected = new LinkedHashMap<>();
        for (Map<String, String> row : ReferenceTable.load("ranking_pr_curve.csv").rows()) {
            expected.computeIfAbsent(row.get("dataset"), x -> new ArrayList<>()).add(row);
        }
        int points = 0;
        for (var e : expected.entrySet()) {
            RankingData d = data.get(e.getKey());
            List<PrecisionRecallPoint> curve =
                    PrecisionRecallCurve.of(d.positive(), d.score(), d.direction()).points();
            if (e.getKey().equals("nopos")) {
                // sklearn warns and returns recall 1 everywhere; clinval has no curve
                assertThat(curve).isEmpty();
                continue;
            }
            List<Map<String, String>> rows = e.getValue();
            assertThat(curve).as(e.getKey()).hasSize(rows.size());
            // sklearn lists thresholds ascending, then (recall 0, precision 1): the reverse order
            for (int k = 0; k < rows.size(); k++) {
                Map<String, String> row = rows.get(rows.size() - 1 - k);
                PrecisionRecallPoint p = curve.get(k);
                String what = e.getKey() + " point " + k;
                assertThat(p.precision())
                        .as(what)
                        .isCloseTo(Double.parseDouble(row.get("precision")), within(TOL));
                assertThat(p.recall())
                        .as(what)
                        .isCloseTo(Double.parseDouble(row.get("recall")), within(TOL));
                if (row.get("threshold").equals("NA")) {
                    assertThat(p.threshold()).as(what).isEmpty();
                } else {
                    assertThat(p.threshold().getAsDouble())
                            .as(what)
                            .isCloseTo(Double.parseDouble(row.get("threshold")), within(TOL));
                }
                points++;
            }
        }
        assertThat(points).isGreaterThan(1500);
    }

    @Test
    void averagePrecisionMatchesSklearn() {
        Map<String, RankingData> data = RankingData.load();
        int checked = 0;
        for (Map<String, String> row : ReferenceTable.load("ranking_ap.csv").rows()) {
            RankingData d = data.get(row.get("dataset"));
            AveragePrecision ap =
                    PrecisionRecallCurve.of(d.positive(), d.score(), d.direction())
                            .averagePrecision();
            double sklearn = Double.parseDouble(row.get("ap"));
            if (d.name().equals("nopos")) {
                // sklearn 1.2.1 warns and returns -0.0; clinval: undefined with the reason
                assertThat(row.get("sklearn")).isEqualTo("warning");
                assertThat(sklearn).isEqualTo(-0.0);
                assertThat(ap.estimate()).isEmpty();
                assertThat(ap.undefinedReason().orElseThrow()).contains("no positive");
                continue;
            }
            assertThat(ap.estimate().getAsDouble()).as(d.name()).isCloseTo(sklearn, within(TOL));
            assertThat(ap.positives() + ap.negatives()).isEqualTo(d.score().length);
            checked++;
        }
        assertThat(checked).isEqualTo(43);
    }

    @Test
    void theCountFormulaAndTheLeaveOneOutShortcutAgreeWithTheCurve() {
        for (RankingData d : RankingData.load().values()) {
            Ranked r = Ranked.of(d.positive(), d.score(), d.direction());
            if (r.positives() < 2) continue;
            double ap = PrecisionRecallCurve.of(r).averagePrecision().estimate().getAsDouble();
            assertThat(Ranked.averagePrecision(r.pos, r.neg)).isCloseTo(ap, within(TOL));
            double[] jackknife = AveragePrecisionBootstrap.jackknife(r);
            // brute force: drop case i and recompute the curve
            int n = d.score().length;
            double[] brute = new double[n];
            int k1 = 0, k0 = r.positives();
            for (int i = 0; i < n; i++) {
                boolean[] p = new boolean[n - 1];
                double[] s = new double[n - 1];
                for (int j = 0, t = 0; j < n; j++) {
                    if (j == i) continue;
                    p[t] = d.positive()[j];
                    s[t++] = d.score()[j];
                }
                double v =
                        PrecisionRecallCurve.of(p, s, d.direction())
                                .averagePrecision()
                                .estimate()
                                .getAsDouble();
                brute[d.positive()[i] ? k1++ : k0++] = v;
            }
            for (int i = 0; i < n; i++) {
                assertThat(jackknife[i])
                        .as(d.name() + " case " + i)
                        .isCloseTo(brute[i], within(TOL));
            }
        }
    }

    @Test
    void bootstrapAgreesWithNumpyPercentileBootstrapWithinMonteCarloError() {
        Map<String, RankingData> data = RankingData.load();
        int checked = 0;
        for (Map<String, String> row : ReferenceTable.load("ranking_ap_bootstrap.csv").rows()) {
            RankingData d = data.get(row.get("dataset"));
            double level = Double.parseDouble(row.get("level"));
            int b = Integer.parseInt(row.get("replicates"));
            BootstrapInterval i =
                    AveragePrecisionBootstrap.of(
                            d.positive(),
                            d.score(),
                            d.direction(),
                            new BootstrapSpec(b, 20261205L, ConfidenceLevel.of(level)));
            // python's ends are means of 20 runs (SE se/√20); this one run has SE se
            for (String end : new String[] {"lower", "upper"}) {
                double se = Double.parseDouble(row.get("se_" + end));
                double tol = 4 * se * Math.sqrt(1 + 1.0 / 20);
                double actual =
                        end.equals("lower") ? i.percentile().lower() : i.percentile().upper();
                assertThat(actual)
                        .as(d.name() + " " + level + " " + end)
                        .isCloseTo(Double.parseDouble(row.get(end)), within(tol));
            }
            assertThat(i.bca()).isPresent();
            assertThat(i.resampling()).isEqualTo("stratified by class");
            checked++;
        }
        assertThat(checked).isEqualTo(8);
    }

    @Test
    void bootstrapIsReproducibleAndNeedsTwoPositives() {
        RankingData d = RankingData.load().get("bin1");
        BootstrapSpec spec = new BootstrapSpec(500, 7L, ConfidenceLevel.of(0.95));
        BootstrapInterval a =
                AveragePrecisionBootstrap.of(d.positive(), d.score(), d.direction(), spec);
        BootstrapInterval b =
                AveragePrecisionBootstrap.of(d.positive(), d.score(), d.direction(), spec);
        assertThat(a).isEqualTo(b);
        assertThat(a.percentile().contains(a.estimate())).isTrue();
        RankingData one = RankingData.load().get("onepos");
        assertThatThrownBy(
                        () ->
                                AveragePrecisionBootstrap.of(
                                        one.positive(), one.score(), Direction.HIGHER, spec))
                .hasMessageContaining("at least 2 positive");
    }

    @Test
    void aNonFiniteScoreIsNamed() {
        assertThatThrownBy(
                        () ->
                                PrecisionRecallCurve.of(
                                        new boolean[] {true, false},
                                        new double[] {0.5, Double.NaN},
                                        Direction.HIGHER))
                .hasMessageContaining("index 1");
    }
}
