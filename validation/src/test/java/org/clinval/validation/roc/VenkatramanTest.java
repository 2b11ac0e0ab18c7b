package org.clinval.validation.roc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.clinval.validation.Direction;
import org.clinval.validation.testing.ReferenceTable;
import org.junit.jupiter.api.Test;

class VenkatramanTest {

    /** Permutations on the Java side; pROC's reference used boot.n = 2000. */
    private static final int B = 10_000;

    /**
     * R 4.2.2, pROC 1.18.0 (src/test/r/roc_curves.R): {@code set.seed(20261205);
     * roc.test(roc(label1, s1, levels = c(0, 1), direction), roc(label2, s2, ...), method =
     * "venkatraman", paired, boot.n = 2000)}, 8 paired and 7 unpaired pairs of curves (aSAH, n =
     * 500 binormal, ratings with ties, n = 6, perfect separation; both directions).
     *
     * <p>E is deterministic: to 1e-9. The p-values come from different random streams (R's and
     * ours), so they agree only within Monte-Carlo error: the difference of two independent
     * estimates with B1 = 2000 and B2 = 10,000 permutations has standard error {@code √(p(1 −
     * p)(1/B1 + 1/B2))} (p floored at 1/B1 so that p = 0 still allows a count or two); allowed is
     * 4.5 of those, a false alarm once in about 150,000 comparisons. At p = 0.2 that is ±0.044.
     */
    @Test
    void statisticMatchesPROCAndPWithinMonteCarloError() {
        ReferenceTable ref = ReferenceTable.load("roc_venkatraman.csv");
        int checked = 0;
        for (Map<String, String> row : ref.rows()) {
            Direction dir = pROCDirection(row.get("direction"));
            RocDatasets.Data d1 = RocDatasets.get(row.get("dataset1"));
            RocDatasets.Data d2 = RocDatasets.get(row.get("dataset2"));
            double[] s1 = d1.score(row.get("score1"));
            double[] s2 = d2.score(row.get("score2"));
            WholeCurveComparison c =
                    row.get("paired").equals("true")
                            ? Venkatraman.paired(d1.positive(), s1, s2, dir, B, 7)
                            : Venkatraman.unpaired(d1.positive(), s1, d2.positive(), s2, dir, B, 7);
            String cell = row.toString();
            assertThat(c.e()).as(cell).isCloseTo(num(row, "statistic"), within(1e-9));
            double pR = num(row, "p_value");
            int bR = Integer.parseInt(row.get("boot_n"));
            double pooled = Math.max((pR * bR + c.p() * B) / (bR + B), 1.0 / bR);
            double tol = 4.5 * Math.sqrt(pooled * (1 - pooled) * (1.0 / bR + 1.0 / B));
            assertThat(c.p()).as(cell).isCloseTo(pR, within(tol));
            assertThat(c.permutations()).isEqualTo(B);
            assertThat(c.p()).isEqualTo((double) c.atLeastAsLarge() / B);
            checked++;
        }
        assertThat(checked).isEqualTo(15);
    }

    @Test
    void pairedStatisticIsSymmetricAndZeroForIdenticalScores() {
        RocDatasets.Data d = RocDatasets.get("asah_s100b_ndka");
        WholeCurveComparison ab =
                Venkatraman.paired(d.positive(), d.score1(), d.score2(), Direction.HIGHER, 200, 1);
        WholeCurveComparison ba =
                Venkatraman.paired(d.positive(), d.score2(), d.score1(), Direction.HIGHER, 200, 1);
        assertThat(ba.e()).isEqualTo(ab.e());
        WholeCurveComparison same =
                Venkatraman.paired(d.positive(), d.score1(), d.score1(), Direction.HIGHER, 200, 1);
        assertThat(same.e()).isZero();
        assertThat(same.p()).isEqualTo(1.0);
    }

    @Test
    void sameSeedSameResultAndSeedIsRecorded() {
        RocDatasets.Data d = RocDatasets.get("ratings");
        WholeCurveComparison a =
                Venkatraman.paired(d.positive(), d.score1(), d.score2(), Direction.HIGHER, 500, 42);
        WholeCurveComparison b =
                Venkatraman.paired(d.positive(), d.score1(), d.score2(), Direction.HIGHER, 500, 42);
        assertThat(b).isEqualTo(a);
        assertThat(a.seed()).isEqualTo(42);
        assertThat(a.method()).isEqualTo("Venkatraman's test for two paired ROC curves");
    }

    /** R: {@code rank(c(3, 1, 3, 2, 1), ties.method = "first")} is 4 1 5 3 2. */
    @Test
    void ranksBreakTiesByCaseOrder() {
        assertThat(Venkatraman.rankFirst(new double[] {3, 1, 3, 2, 1}))
                .containsExactly(4, 1, 5, 3, 2);
    }

    @Test
    void rejectsBadInput() {
        boolean[] pos = {true, false, true, false};
        double[] s = {1, 2, 3, 4};
        assertThatThrownBy(
                        () ->
                                Venkatraman.paired(
                                        pos, s, new double[] {1, 2, 3}, Direction.HIGHER, 10, 1))
                .hasMessage("paired score columns differ in length: 4 vs 3");
        assertThatThrownBy(() -> Venkatraman.paired(pos, s, s, Direction.HIGHER, 0, 1))
                .hasMessage("permutations must be at least 1: 0");
        assertThatThrownBy(
                        () ->
                                Venkatraman.unpaired(
                                        pos,
                                        s,
                                        new boolean[] {true, true},
                                        new double[] {1, 2},
                                        Direction.HIGHER,
                                        10,
                                        1))
                .hasMessageContaining("needs both classes");
    }

    private static double num(Map<String, String> row, String key) {
        return Double.parseDouble(row.get(key));
    }

    /** pROC's {@code direction = "<"}: controls below cases, so higher scores are positive. */
    private static Direction pROCDirection(String text) {
        return switch (text) {
            case "<" -> Direction.HIGHER;
            case ">" -> Direction.LOWER;
            default -> throw new IllegalArgumentException("not a pROC direction: " + text);
        };
    }
}
