package org.clinval.validation.roc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.assertj.core.data.Offset;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Direction;
import org.clinval.validation.roc.OneCurveSampleSize.Sides;
import org.clinval.validation.testing.ReferenceTable;
import org.junit.jupiter.api.Test;

class TwoCurvePowerTest {

    /**
     * R 4.2.2, pROC 1.18.0 (src/test/r/roc_curves.R), paired curves {@code r1, r2 <- roc(label,
     * score1|score2, levels = c(0, 1), direction = "<")} of 4 data sets × 2 alternatives: {@code
     * power.roc.test(r1, r2, sig.level = 0.05)$power}, the cases and controls for power 0.9, for
     * power 0.8 at level 0.01 with kappa = 2, and the level at power 0.8; to 1e-9 relative.
     */
    @Test
    void fromObservedCurvesMatchesPROC() {
        ReferenceTable ref = ReferenceTable.load("roc_power_two_curves.csv");
        int checked = 0;
        for (Map<String, String> row : ref.rows()) {
            RocDatasets.Data d = RocDatasets.get(row.get("dataset"));
            Sides sides = sides(row);
            AucComparison c =
                    DeLong.compare(
                            d.positive(),
                            d.score1(),
                            d.score2(),
                            Direction.HIGHER,
                            ConfidenceLevel.of(0.95));
            TwoCurveDesign design = TwoCurvePower.fromComparison(c);
            double m = c.first().positives();
            double n = c.first().negatives();
            String cell = row.toString();
            assertThat(TwoCurvePower.power(design, m, n, 0.05, sides).power())
                    .as(cell)
                    .isCloseTo(num(row, "power"), rel(row, "power"));
            TwoCurveSampleSize s = TwoCurvePower.sampleSize(design, 0.05, 0.9, n / m, sides);
            assertThat(s.cases())
                    .as(cell)
                    .isCloseTo(num(row, "ncases_power_0.9"), rel(row, "ncases_power_0.9"));
            assertThat(s.controls())
                    .as(cell)
                    .isCloseTo(num(row, "ncontrols_power_0.9"), rel(row, "ncontrols_power_0.9"));
            TwoCurveSampleSize k = TwoCurvePower.sampleSize(design, 0.01, 0.8, 2, sides);
            assertThat(k.cases())
                    .as(cell)
                    .isCloseTo(num(row, "ncases_kappa2"), rel(row, "ncases_kappa2"));
            assertThat(k.controls())
                    .as(cell)
                    .isCloseTo(num(row, "ncontrols_kappa2"), rel(row, "ncontrols_kappa2"));
            TwoCurveSampleSize a = TwoCurvePower.sigLevel(design, m, n, 0.8, sides);
            assertThat(a.sigLevel())
                    .as(cell)
                    .isCloseTo(
                            num(row, "sig_level_at_power_0.8"), rel(row, "sig_level_at_power_0.8"));
            assertThat(a.sigLevelDefined()).isEqualTo(a.sigLevel() <= 1);
            checked++;
        }
        assertThat(checked).isEqualTo(8);
    }

    /**
     * R 4.2.2, pROC 1.18.0 (src/test/r/roc_curves.R): {@code power.roc.test(list(A1, B1, A2, B2,
     * rn, ra, delta), ...)} for 4 parameter sets × kappa 1, 2.5 × 2 alternatives: cases and
     * controls for power 0.8 at 0.05, power and level at 60 cases, and cases for the partial AUC
     * over FPR 0–0.2; to 1e-9 relative.
     */
    @Test
    void fromBinormalParametersMatchesPROC() {
        ReferenceTable ref = ReferenceTable.load("roc_power_params.csv");
        int checked = 0;
        for (Map<String, String> row : ref.rows()) {
            Sides sides = sides(row);
            double kappa = num(row, "kappa");
            TwoCurveDesign d = design(row, kappa, null);
            String cell = row.toString();
            TwoCurveSampleSize s = TwoCurvePower.sampleSize(d, 0.05, 0.8, kappa, sides);
            assertThat(s.cases()).as(cell).isCloseTo(num(row, "ncases"), rel(row, "ncases"));
            assertThat(s.controls())
                    .as(cell)
                    .isCloseTo(num(row, "ncontrols"), rel(row, "ncontrols"));
            assertThat(TwoCurvePower.power(d, 60, 60 * kappa, 0.05, sides).power())
                    .as(cell)
                    .isCloseTo(num(row, "power_at_60"), rel(row, "power_at_60"));
            assertThat(TwoCurvePower.sigLevel(d, 60, 60 * kappa, 0.8, sides).sigLevel())
                    .as(cell)
                    .isCloseTo(num(row, "sig_level_at_60"), rel(row, "sig_level_at_60"));
            TwoCurveDesign partial = design(row, kappa, new double[] {0, 0.2});
            assertThat(TwoCurvePower.sampleSize(partial, 0.05, 0.8, kappa, sides).cases())
                    .as(cell)
                    .isCloseTo(
                            num(row, "ncases_partial_fpr_0_0.2"),
                            rel(row, "ncases_partial_fpr_0_0.2"));
            checked++;
        }
        assertThat(checked).isEqualTo(16);
    }

    /** Round trip: the power at the computed sample size is the requested power. */
    @Test
    void powerAtTheComputedSampleSizeIsTheRequestedPower() {
        TwoCurveDesign d = TwoCurvePower.binormal(1.5, 0.8, 1.2, 1.1, 0.3, 0.6, 0.05, 2, null);
        TwoCurveSampleSize s = TwoCurvePower.sampleSize(d, 0.05, 0.85, 2, Sides.TWO_SIDED);
        assertThat(TwoCurvePower.power(d, s.cases(), s.controls(), 0.05, Sides.TWO_SIDED).power())
                .isCloseTo(0.85, within(1e-12));
    }

    @Test
    void undefinedWithoutDifferenceOrVariance() {
        TwoCurveDesign none = new TwoCurveDesign(0, 0.1, 0.1, 0.05, "test");
        assertThat(none.undefinedReason()).hasValueSatisfying(r -> assertThat(r).contains("equal"));
        assertThatThrownBy(() -> TwoCurvePower.sampleSize(none, 0.05, 0.8, 1, Sides.TWO_SIDED))
                .isInstanceOf(IllegalArgumentException.class);
        TwoCurveDesign flat = new TwoCurveDesign(0.1, 0.1, 0.1, 0.1, "test");
        assertThat(flat.undefinedReason())
                .hasValueSatisfying(r -> assertThat(r).contains("not positive"));
        assertThatThrownBy(() -> TwoCurvePower.binormal(1, 1, 1, 1, 1.5, 0, 0.1, 1, null))
                .hasMessage("a correlation is not in [-1, 1]: 1.5");
    }

    private static TwoCurveDesign design(Map<String, String> row, double kappa, double[] fpr) {
        return TwoCurvePower.binormal(
                num(row, "A1"),
                num(row, "B1"),
                num(row, "A2"),
                num(row, "B2"),
                num(row, "rn"),
                num(row, "ra"),
                num(row, "delta"),
                kappa,
                fpr);
    }

    private static Sides sides(Map<String, String> row) {
        return row.get("alternative").equals("two.sided") ? Sides.TWO_SIDED : Sides.ONE_SIDED;
    }

    private static Offset<Double> rel(Map<String, String> row, String key) {
        return within(1e-9 * Math.max(1, Math.abs(num(row, key))));
    }

    private static double num(Map<String, String> row, String key) {
        return Double.parseDouble(row.get(key));
    }
}
