package org.clinval.validation.roc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Direction;
import org.clinval.validation.testing.ReferenceTable;
import org.junit.jupiter.api.Test;

class DeLongTest {

    private static final double TOL = 1e-9;
    private static final ConfidenceLevel LEVEL_95 = ConfidenceLevel.of(0.95);

    /**
     * R 4.2.2, pROC 1.18.0 (src/test/r/roc.R): {@code r <- roc(label, score, levels = c(0, 1),
     * direction)}; {@code auc(r)}, {@code var(r, method = "delong")}, {@code ci.auc(r, method =
     * "delong", conf.level)} for 7 data sets × 2 scores × 2 directions × 2 levels, aSAH among them.
     */
    @Test
    void aucVarianceAndIntervalMatchPROC() {
        ReferenceTable ref = ReferenceTable.load("roc_auc.csv");
        int checked = 0;
        for (Map<String, String> row : ref.rows()) {
            RocDatasets.Data d = RocDatasets.get(row.get("dataset"));
            String cell = row.get("dataset") + "/" + row.get("score") + "/" + row.get("direction");
            RocInput input =
                    RocInput.of(
                            d.positive(),
                            d.score(row.get("score")),
                            Direction.parse(row.get("direction")));
            AucEstimate a = DeLong.auc(input, ConfidenceLevel.of(num(row, "level")));
            assertThat(a.auc()).as(cell).isCloseTo(num(row, "auc"), within(TOL));
            assertThat(a.variance().getAsDouble()).as(cell).isCloseTo(num(row, "var"), within(TOL));
            assertThat(a.ci().orElseThrow().lower())
                    .as(cell)
                    .isCloseTo(num(row, "ci_lower"), within(TOL));
            assertThat(a.ci().orElseThrow().upper())
                    .as(cell)
                    .isCloseTo(num(row, "ci_upper"), within(TOL));
            // Cross-check: the trapezoidal area of the empirical curve is the Mann-Whitney AUC.
            assertThat(RocCurve.of(input).trapezoidArea())
                    .as(cell)
                    .isCloseTo(a.auc(), within(1e-12));
            checked++;
        }
        assertThat(checked).isEqualTo(56);
    }

    /**
     * R 4.2.2, pROC 1.18.0: {@code roc.test(roc(label, score1, ...), roc(label, score2, ...),
     * method = "delong", paired = TRUE, conf.level)}: z, p and the interval of the difference.
     */
    @Test
    void pairedTestMatchesPROC() {
        ReferenceTable ref = ReferenceTable.load("roc_compare.csv");
        int checked = 0;
        for (Map<String, String> row : ref.rows()) {
            RocDatasets.Data d = RocDatasets.get(row.get("dataset"));
            String cell = row.get("dataset") + "/" + row.get("direction") + "/" + row.get("level");
            AucComparison c =
                    DeLong.compare(
                            d.positive(),
                            d.score1(),
                            d.score2(),
                            Direction.parse(row.get("direction")),
                            ConfidenceLevel.of(num(row, "level")));
            assertThat(c.first().auc()).as(cell).isCloseTo(num(row, "auc1"), within(TOL));
            assertThat(c.second().auc()).as(cell).isCloseTo(num(row, "auc2"), within(TOL));
            assertThat(c.z().getAsDouble()).as(cell).isCloseTo(num(row, "z"), within(TOL));
            double p = num(row, "p");
            assertThat(c.p().getAsDouble())
                    .as(cell)
                    .isCloseTo(p, within(Math.max(TOL * p, 1e-300)));
            assertThat(c.differenceCi().orElseThrow().lower())
                    .as(cell)
                    .isCloseTo(num(row, "ci_lower"), within(TOL));
            assertThat(c.differenceCi().orElseThrow().upper())
                    .as(cell)
                    .isCloseTo(num(row, "ci_upper"), within(TOL));
            checked++;
        }
        assertThat(checked).isEqualTo(28);
    }

    @Test
    void identicalScoreColumnsGivePOneWithoutDividingByZero() {
        RocDatasets.Data d = RocDatasets.get("binormal");
        AucComparison c =
                DeLong.compare(
                        d.positive(), d.score1(), d.score1().clone(), Direction.HIGHER, LEVEL_95);
        assertThat(c.undefinedReason()).isEmpty();
        assertThat(c.difference()).isZero();
        assertThat(c.z().getAsDouble()).isZero();
        assertThat(c.p().getAsDouble()).isEqualTo(1.0);
    }

    @Test
    void aMonotoneTransformOfAScoreIsTheSameCurve() {
        RocDatasets.Data d = RocDatasets.get("binormal");
        double[] transformed = Arrays.stream(d.score1()).map(s -> Math.exp(3 * s) + 7).toArray();
        AucComparison c =
                DeLong.compare(d.positive(), d.score1(), transformed, Direction.HIGHER, LEVEL_95);
        assertThat(c.p().getAsDouble()).isEqualTo(1.0);
    }

    @Test
    void swappingTheScoresNegatesZAndKeepsP() {
        RocDatasets.Data d = RocDatasets.get("asah_s100b_ndka");
        AucComparison ab =
                DeLong.compare(d.positive(), d.score1(), d.score2(), Direction.HIGHER, LEVEL_95);
        AucComparison ba =
                DeLong.compare(d.positive(), d.score2(), d.score1(), Direction.HIGHER, LEVEL_95);
        assertThat(ba.z().getAsDouble()).isCloseTo(-ab.z().getAsDouble(), within(1e-12));
        assertThat(ba.p().getAsDouble()).isCloseTo(ab.p().getAsDouble(), within(1e-12));
        assertThat(ba.differenceCi().orElseThrow().lower())
                .isCloseTo(-ab.differenceCi().orElseThrow().upper(), within(1e-12));
    }

    @Test
    void reversingTheDirectionGivesOneMinusTheAuc() {
        RocDatasets.Data d = RocDatasets.get("ratings");
        AucEstimate higher =
                DeLong.auc(RocInput.of(d.positive(), d.score1(), Direction.HIGHER), LEVEL_95);
        AucEstimate lower =
                DeLong.auc(RocInput.of(d.positive(), d.score1(), Direction.LOWER), LEVEL_95);
        assertThat(lower.auc()).isCloseTo(1 - higher.auc(), within(1e-12));
        assertThat(lower.variance().getAsDouble())
                .isCloseTo(higher.variance().getAsDouble(), within(1e-15));
    }

    @Test
    void caseOrderDoesNotMatter() {
        RocDatasets.Data d = RocDatasets.get("binormal");
        int n = d.positive().length;
        int[] perm = new SplittableRandom(7).ints(n, 0, Integer.MAX_VALUE).toArray();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Integer.compare(perm[a], perm[b]));
        boolean[] p = new boolean[n];
        double[] s1 = new double[n], s2 = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = d.positive()[order[i]];
            s1[i] = d.score1()[order[i]];
            s2[i] = d.score2()[order[i]];
        }
        AucComparison a =
                DeLong.compare(d.positive(), d.score1(), d.score2(), Direction.HIGHER, LEVEL_95);
        AucComparison b = DeLong.compare(p, s1, s2, Direction.HIGHER, LEVEL_95);
        assertThat(b.z().getAsDouble()).isCloseTo(a.z().getAsDouble(), within(1e-12));
    }

    @Test
    void allScoresTiedGiveAucOneHalfAndZeroVariance() {
        boolean[] p = {true, false, true, false, false};
        double[] s = {3, 3, 3, 3, 3};
        AucEstimate a = DeLong.auc(RocInput.of(p, s, Direction.HIGHER), LEVEL_95);
        assertThat(a.auc()).isEqualTo(0.5);
        assertThat(a.variance().getAsDouble()).isZero();
        assertThat(a.ci().orElseThrow().width()).isZero();
        RocCurve c = RocCurve.of(RocInput.of(p, s, Direction.HIGHER));
        assertThat(c.points()).hasSize(2);
        assertThat(c.trapezoidArea()).isEqualTo(0.5);
    }

    @Test
    void oneCasePerClassHasAnAucButNoVariance() {
        AucEstimate a =
                DeLong.auc(
                        RocInput.of(
                                new boolean[] {true, false},
                                new double[] {0.7, 0.2},
                                Direction.HIGHER),
                        LEVEL_95);
        assertThat(a.auc()).isEqualTo(1.0);
        assertThat(a.variance()).isEmpty();
        assertThat(a.ci()).isEmpty();
        assertThat(a.undefinedReason().orElseThrow())
                .isEqualTo(
                        "DeLong variance needs at least 2 positive and 2 negative cases: 1 positive, 1 negative");
    }

    @Test
    void anAbsentClassIsAClearError() {
        assertThatThrownBy(
                        () ->
                                RocInput.of(
                                        new boolean[] {true, true},
                                        new double[] {0.1, 0.2},
                                        Direction.HIGHER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ROC analysis needs both classes: 2 positive and 0 negative cases");
    }

    @Test
    void nonFiniteScoresNameTheirIndex() {
        boolean[] p = {true, false, true};
        assertThatThrownBy(
                        () -> RocInput.of(p, new double[] {0.1, Double.NaN, 0.3}, Direction.HIGHER))
                .hasMessage("score at index 1 is not finite: NaN");
        assertThatThrownBy(
                        () ->
                                RocInput.of(
                                        p,
                                        new double[] {0.1, 0.2, Double.POSITIVE_INFINITY},
                                        Direction.HIGHER))
                .hasMessage("score at index 2 is not finite: Infinity");
    }

    @Test
    void pairedColumnsOfDifferentLengthAreRejected() {
        assertThatThrownBy(
                        () ->
                                DeLong.compare(
                                        new boolean[] {true, false},
                                        new double[] {1, 2},
                                        new double[] {1},
                                        Direction.HIGHER,
                                        LEVEL_95))
                .hasMessage("paired score columns differ in length: 2 vs 1");
    }

    private static double num(Map<String, String> row, String key) {
        return Double.parseDouble(row.get(key));
    }
}
