package org.clinval.validation.roc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.clinval.validation.roc.OneCurveSampleSize.Sides;
import org.clinval.validation.testing.ReferenceTable;
import org.junit.jupiter.api.Test;

class RocPowerTest {

    /**
     * R 4.2.2, pROC 1.18.0 (src/test/r/roc_power.R): {@code power.roc.test(auc, sig.level, power,
     * kappa, alternative)} for ncases and ncontrols, and {@code power.roc.test(auc, ncases = 40,
     * ncontrols = 40 * kappa, sig.level, alternative)$power}; 7 AUCs (0.55 to 0.99) × 2 levels × 2
     * powers × 4 kappas × 2 alternatives = 224 cases, to 1e-9 relative.
     */
    @Test
    void sampleSizeAndPowerMatchPROC() {
        ReferenceTable ref = ReferenceTable.load("roc_power.csv");
        int checked = 0;
        for (Map<String, String> row : ref.rows()) {
            double auc = num(row, "auc");
            double sig = num(row, "sig_level");
            double kappa = num(row, "kappa");
            Sides sides =
                    row.get("alternative").equals("two.sided") ? Sides.TWO_SIDED : Sides.ONE_SIDED;
            String cell = row.toString();
            OneCurveSampleSize s = RocPower.sampleSize(auc, sig, num(row, "power"), kappa, sides);
            assertThat(s.cases()).as(cell).isCloseTo(num(row, "ncases"), relative(row, "ncases"));
            assertThat(s.controls())
                    .as(cell)
                    .isCloseTo(num(row, "ncontrols"), relative(row, "ncontrols"));
            assertThat(s.casesNeeded()).isEqualTo((long) Math.ceil(num(row, "ncases")));
            OneCurveSampleSize p = RocPower.power(auc, 40, 40 * kappa, sig, sides);
            assertThat(p.power()).as(cell).isCloseTo(num(row, "power_at_40_cases"), within(1e-9));
            checked++;
        }
        assertThat(checked).isEqualTo(224);
    }

    /** Round trip: the power at the computed (unrounded) sample size is the requested power. */
    @Test
    void powerAtTheComputedSampleSizeIsTheRequestedPower() {
        for (double auc : new double[] {0.6, 0.75, 0.93}) {
            OneCurveSampleSize s = RocPower.sampleSize(auc, 0.05, 0.85, 2, Sides.TWO_SIDED);
            OneCurveSampleSize p =
                    RocPower.power(auc, s.cases(), s.controls(), 0.05, Sides.TWO_SIDED);
            assertThat(p.power()).isCloseTo(0.85, within(1e-12));
            assertThat(p.kappa()).isCloseTo(2, within(1e-12));
        }
    }

    @Test
    void rejectsAnAucWithoutEffectAndBadLevels() {
        assertThatThrownBy(() -> RocPower.sampleSize(0.5, 0.05, 0.8, 1, Sides.TWO_SIDED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("auc is not in (0.5, 1): 0.5");
        assertThatThrownBy(() -> RocPower.sampleSize(1, 0.05, 0.8, 1, Sides.TWO_SIDED))
                .hasMessage("auc is not in (0.5, 1): 1.0");
        assertThatThrownBy(() -> RocPower.sampleSize(0.8, 0, 0.8, 1, Sides.TWO_SIDED))
                .hasMessage("sigLevel is not in (0, 1): 0.0");
        assertThatThrownBy(() -> RocPower.sampleSize(0.8, 0.05, 1, 1, Sides.TWO_SIDED))
                .hasMessage("power is not in (0, 1): 1.0");
        assertThatThrownBy(() -> RocPower.sampleSize(0.8, 0.05, 0.8, 0, Sides.TWO_SIDED))
                .hasMessage("kappa is not positive and finite: 0.0");
        assertThatThrownBy(() -> RocPower.power(0.8, 0, 10, 0.05, Sides.ONE_SIDED))
                .hasMessage("cases and controls must be positive: 0.0, 10.0");
    }

    private static org.assertj.core.data.Offset<Double> relative(
            Map<String, String> row, String key) {
        return within(1e-9 * Math.max(1, Math.abs(num(row, key))));
    }

    private static double num(Map<String, String> row, String key) {
        return Double.parseDouble(row.get(key));
    }
}
