package org.clinval.validation.roc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.clinval.validation.Direction;
import org.clinval.validation.testing.ReferenceTable;
import org.junit.jupiter.api.Test;

class RocCurveTest {

    /**
     * R 4.2.2, pROC 1.18.0: {@code coords(r, "best", best.method = "youden", ret = c("threshold",
     * "sensitivity", "specificity"))}. pROC reports thresholds halfway between scores, clinval an
     * observed score, so the operating points (sensitivity, specificity) are compared, and where
     * pROC finds several tied maxima, the maximal Youden index.
     */
    @Test
    void youdenPointMatchesPROC() {
        ReferenceTable ref = ReferenceTable.load("roc_youden.csv");
        int checked = 0;
        for (Map<String, String> row : ref.rows()) {
            RocDatasets.Data d = RocDatasets.get(row.get("dataset"));
            String cell = row.get("dataset") + "/" + row.get("score") + "/" + row.get("direction");
            RocCurve c =
                    RocCurve.of(
                            RocInput.of(
                                    d.positive(),
                                    d.score(row.get("score")),
                                    Direction.parse(row.get("direction"))));
            RocPoint best = c.youden();
            assertThat(best.youden())
                    .as(cell)
                    .isCloseTo(Double.parseDouble(row.get("youden")), within(1e-9));
            if (row.get("n_best").equals("1")) {
                assertThat(best.sensitivity())
                        .as(cell)
                        .isCloseTo(Double.parseDouble(row.get("sensitivity")), within(1e-9));
                assertThat(best.specificity())
                        .as(cell)
                        .isCloseTo(Double.parseDouble(row.get("specificity")), within(1e-9));
            }
            checked++;
        }
        assertThat(checked).isEqualTo(28);
    }

    @Test
    void tiesBetweenClassesMoveTheCurveDiagonally() {
        // Positives 1, 2, 2; negatives 0, 2: at threshold 2 two positives and one negative join.
        RocCurve c =
                RocCurve.of(
                        RocInput.of(
                                new boolean[] {true, true, true, false, false},
                                new double[] {1, 2, 2, 0, 2},
                                Direction.HIGHER));
        List<RocPoint> p = c.points();
        assertThat(p).hasSize(4);
        assertThat(p.get(1).threshold()).isEqualTo(2);
        assertThat(p.get(1).truePositives()).isEqualTo(2);
        assertThat(p.get(1).falsePositives()).isEqualTo(1);
        assertThat(p.get(3).sensitivity()).isEqualTo(1);
        assertThat(p.get(3).specificity()).isEqualTo(0);
        // Mann-Whitney by hand, pairs (x > y) + ½(x = y): x = 1 scores 1 (beats 0), each x = 2
        // scores
        // 1.5 (beats 0, ties 2): (1 + 1.5 + 1.5) / 6.
        assertThat(c.trapezoidArea()).isCloseTo((1 + 1.5 + 1.5) / 6.0, within(1e-15));
    }

    @Test
    void lowerDirectionReportsThresholdsOnTheUsersScale() {
        RocCurve c =
                RocCurve.of(
                        RocInput.of(
                                new boolean[] {true, true, false, false},
                                new double[] {0.1, 0.2, 0.6, 0.9},
                                Direction.LOWER));
        RocPoint best = c.youden();
        assertThat(best.threshold()).isEqualTo(0.2);
        assertThat(best.sensitivity()).isEqualTo(1);
        assertThat(best.specificity()).isEqualTo(1);
    }

    @Test
    void targetOperatingPoints() {
        RocDatasets.Data d = RocDatasets.get("binormal");
        RocCurve c = RocCurve.of(RocInput.of(d.positive(), d.score1(), Direction.HIGHER));
        RocPoint se90 = c.forSensitivity(0.9);
        assertThat(se90.sensitivity()).isGreaterThanOrEqualTo(0.9);
        // The next stricter point misses the target: no more specific threshold reaches it.
        int k = c.points().indexOf(se90);
        assertThat(c.points().get(k - 1).sensitivity()).isLessThan(0.9);

        RocPoint sp90 = c.forSpecificity(0.9).orElseThrow();
        assertThat(sp90.specificity()).isGreaterThanOrEqualTo(0.9);
        int j = c.points().indexOf(sp90);
        assertThat(c.points().get(j + 1).specificity()).isLessThan(0.9);
    }
}
