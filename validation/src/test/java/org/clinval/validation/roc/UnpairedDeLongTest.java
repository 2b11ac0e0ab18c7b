package org.clinval.validation.roc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Direction;
import org.clinval.validation.testing.ReferenceTable;
import org.junit.jupiter.api.Test;

class UnpairedDeLongTest {

    private static final double TOL = 1e-9;

    /**
     * R 4.2.2, pROC 1.18.0 (src/test/r/roc_test_alternatives.R): {@code roc.test(roc(label1, s1,
     * levels = c(0, 1), direction), roc(label2, s2, levels = c(0, 1), direction), method =
     * "delong", paired = FALSE, alternative)}: statistic D, parameter df and p for 7 pairs of
     * curves (aSAH, ratings with ties, n = 6, perfect separation, n = 5,000) × 2 directions × 3
     * alternatives.
     */
    @Test
    void statisticDfAndPMatchPROC() {
        ReferenceTable ref = ReferenceTable.load("roc_unpaired.csv");
        int checked = 0;
        for (Map<String, String> row : ref.rows()) {
            Direction dir = Direction.parse(row.get("direction"));
            RocInput first = input(row.get("dataset1"), row.get("score1"), dir);
            RocInput second = input(row.get("dataset2"), row.get("score2"), dir);
            Alternative alt = Alternative.parse(row.get("alternative"));
            UnpairedAucComparison c = UnpairedDeLong.compare(first, second, alt);
            String cell =
                    row.get("dataset1")
                            + "/"
                            + row.get("dataset2")
                            + "/"
                            + row.get("direction")
                            + "/"
                            + alt;
            assertThat(c.first().auc()).as(cell).isCloseTo(num(row, "auc1"), within(TOL));
            assertThat(c.second().auc()).as(cell).isCloseTo(num(row, "auc2"), within(TOL));
            assertThat(c.d().getAsDouble()).as(cell).isCloseTo(num(row, "D"), within(TOL));
            assertThat(c.df().getAsDouble()).as(cell).isCloseTo(num(row, "df"), within(1e-8));
            assertThat(c.p().getAsDouble()).as(cell).isCloseTo(num(row, "p"), within(TOL));
            assertThat(c.alternative()).isEqualTo(alt);
            checked++;
        }
        assertThat(checked).isEqualTo(42);
    }

    /**
     * R 4.2.2, pROC 1.18.0 (src/test/r/roc_test_alternatives.R): {@code roc.test(roc(label, score1,
     * ...), roc(label, score2, ...), method = "delong", paired = TRUE, alternative)}: Z and p for 7
     * data sets × 2 directions × 3 alternatives, through {@link AucComparison#p}.
     */
    @Test
    void pairedOneSidedPMatchesPROC() {
        ReferenceTable ref = ReferenceTable.load("roc_paired_alternatives.csv");
        int checked = 0;
        for (Map<String, String> row : ref.rows()) {
            RocDatasets.Data d = RocDatasets.get(row.get("dataset"));
            AucComparison c =
                    DeLong.compare(
                            d.positive(),
                            d.score1(),
                            d.score2(),
                            Direction.parse(row.get("direction")),
                            ConfidenceLevel.of(0.95));
            Alternative alt = Alternative.parse(row.get("alternative"));
            String cell = row.get("dataset") + "/" + row.get("direction") + "/" + alt;
            assertThat(c.z().getAsDouble()).as(cell).isCloseTo(num(row, "z"), within(TOL));
            assertThat(c.p(alt).getAsDouble()).as(cell).isCloseTo(num(row, "p"), within(TOL));
            checked++;
        }
        assertThat(checked).isEqualTo(42);
    }

    @Test
    void swappingTheCurvesNegatesDAndKeepsDfAndTwoSidedP() {
        RocInput a = input("asah_s100b_ndka", "score1", Direction.HIGHER);
        RocInput b = input("ratings", "score2", Direction.HIGHER);
        UnpairedAucComparison ab = UnpairedDeLong.compare(a, b, Alternative.TWO_SIDED);
        UnpairedAucComparison ba = UnpairedDeLong.compare(b, a, Alternative.TWO_SIDED);
        assertThat(ba.d().getAsDouble()).isEqualTo(-ab.d().getAsDouble());
        assertThat(ba.df().getAsDouble()).isCloseTo(ab.df().getAsDouble(), within(1e-12));
        assertThat(ba.p().getAsDouble()).isCloseTo(ab.p().getAsDouble(), within(1e-15));
        // One-sided p-values swap, and the two of one order sum to 1.
        double greater = UnpairedDeLong.compare(a, b, Alternative.GREATER).p().getAsDouble();
        double less = UnpairedDeLong.compare(a, b, Alternative.LESS).p().getAsDouble();
        assertThat(UnpairedDeLong.compare(b, a, Alternative.LESS).p().getAsDouble())
                .isCloseTo(greater, within(1e-15));
        assertThat(greater + less).isCloseTo(1, within(1e-15));
        assertThat(2 * Math.min(greater, less)).isCloseTo(ab.p().getAsDouble(), within(1e-15));
    }

    /**
     * R 4.2.2, pROC 1.18.0, r and r2 two identical {@code roc(aSAH$outcome, aSAH$s100b, levels =
     * c("Good", "Poor"), direction = "<")}: {@code roc.test(r, r2, paired = FALSE, alternative =
     * "greater")} gives D = 0, df = 224, p = 0.5; {@code roc.test(r, r2, paired = TRUE)} Z = 0, p =
     * 1, and p = 0.5 for {@code "greater"} and {@code "less"}.
     */
    @Test
    void identicalAsahCurvesMatchPROC() {
        RocInput a = input("asah_s100b_ndka", "score1", Direction.HIGHER);
        UnpairedAucComparison c = UnpairedDeLong.compare(a, a, Alternative.GREATER);
        assertThat(c.d().getAsDouble()).isZero();
        assertThat(c.df().getAsDouble()).isCloseTo(224, within(1e-9));
        assertThat(c.p().getAsDouble()).isEqualTo(0.5);
        RocDatasets.Data d = RocDatasets.get("asah_s100b_ndka");
        AucComparison paired =
                DeLong.compare(
                        d.positive(),
                        d.score1(),
                        d.score1(),
                        Direction.HIGHER,
                        ConfidenceLevel.of(0.95));
        assertThat(paired.z().getAsDouble()).isZero();
        assertThat(paired.p(Alternative.TWO_SIDED).getAsDouble()).isEqualTo(1.0);
        assertThat(paired.p(Alternative.GREATER).getAsDouble()).isEqualTo(0.5);
        assertThat(paired.p(Alternative.LESS).getAsDouble()).isEqualTo(0.5);
    }

    @Test
    void identicalCurvesGivePOne() {
        RocInput a = input("binormal", "score1", Direction.HIGHER);
        UnpairedAucComparison c = UnpairedDeLong.compare(a, a, Alternative.TWO_SIDED);
        assertThat(c.d().getAsDouble()).isZero();
        assertThat(c.p().getAsDouble()).isEqualTo(1.0);
        assertThat(UnpairedDeLong.compare(a, a, Alternative.GREATER).p().getAsDouble())
                .isEqualTo(0.5);
        RocDatasets.Data d = RocDatasets.get("binormal");
        AucComparison paired =
                DeLong.compare(
                        d.positive(),
                        d.score1(),
                        d.score1(),
                        Direction.HIGHER,
                        ConfidenceLevel.of(0.95));
        assertThat(paired.p(Alternative.TWO_SIDED).getAsDouble()).isEqualTo(1.0);
        assertThat(paired.p(Alternative.LESS).getAsDouble()).isEqualTo(0.5);
    }

    @Test
    void twoPerfectCurvesGivePOneAndNoDf() {
        RocInput s = input("separated", "score1", Direction.HIGHER);
        UnpairedAucComparison c = UnpairedDeLong.compare(s, s, Alternative.TWO_SIDED);
        assertThat(c.d().getAsDouble()).isZero();
        assertThat(c.df()).isEmpty();
        assertThat(c.p().getAsDouble()).isEqualTo(1.0);
        assertThat(c.undefinedReason()).isEmpty();
    }

    @Test
    void undefinedWithTooFewCasesAndRejectedAcrossDirections() {
        RocInput tiny =
                RocInput.of(
                        new boolean[] {true, false, false},
                        new double[] {1, 0, 2},
                        Direction.HIGHER);
        RocInput a = input("binormal", "score1", Direction.HIGHER);
        UnpairedAucComparison c = UnpairedDeLong.compare(tiny, a, Alternative.TWO_SIDED);
        assertThat(c.d()).isEmpty();
        assertThat(c.p()).isEmpty();
        assertThat(c.undefinedReason().orElseThrow())
                .isEqualTo(
                        "DeLong variance needs at least 2 positive and 2 negative cases: 1"
                                + " positive, 2 negative");
        RocInput lower = input("binormal", "score1", Direction.LOWER);
        assertThatThrownBy(() -> UnpairedDeLong.compare(a, lower, Alternative.LESS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the two curves must share a direction: HIGHER vs LOWER");
        assertThatThrownBy(() -> Alternative.parse("both"))
                .hasMessage("alternative is not one of two.sided, greater, less: both");
    }

    private static RocInput input(String dataset, String score, Direction dir) {
        RocDatasets.Data d = RocDatasets.get(dataset);
        return RocInput.of(d.positive(), d.score(score), dir);
    }

    private static double num(Map<String, String> row, String key) {
        return Double.parseDouble(row.get(key));
    }
}
