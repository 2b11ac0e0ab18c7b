package org.clinval.validation.roc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.clinval.validation.Direction;
import org.clinval.validation.testing.ReferenceTable;
import org.junit.jupiter.api.Test;

class BinormalSmoothingTest {

    /**
     * R 4.2.2, pROC 1.18.0 (src/test/r/roc_curves.R): {@code sm <- smooth(roc(label, score, levels
     * = c(0, 1), direction), method = "binormal")}; {@code coefficients(sm$model)} and {@code
     * sm$auc} for 7 data sets × 2 scores × 2 directions, to 1e-9; NA where pROC stops ("ROC curve
     * not smoothable"), where the fit must say why.
     */
    @Test
    void coefficientsAndAucMatchPROC() {
        ReferenceTable ref = ReferenceTable.load("roc_smooth_binormal.csv");
        int checked = 0, undefined = 0;
        for (Map<String, String> row : ref.rows()) {
            RocDatasets.Data d = RocDatasets.get(row.get("dataset"));
            Direction dir = pROCDirection(row.get("direction"));
            BinormalFit fit =
                    BinormalSmoothing.fit(
                            RocCurve.of(RocInput.of(d.positive(), d.score(row.get("score")), dir)));
            String cell = row.toString();
            if (row.get("auc").equals("NA")) {
                assertThat(fit.auc()).as(cell).isEmpty();
                assertThat(fit.undefinedReason()).as(cell).isPresent();
                undefined++;
            } else {
                assertThat(fit.intercept().getAsDouble())
                        .as(cell)
                        .isCloseTo(num(row, "intercept"), within(1e-9));
                assertThat(fit.slope().getAsDouble())
                        .as(cell)
                        .isCloseTo(num(row, "slope"), within(1e-9));
                assertThat(fit.auc().getAsDouble())
                        .as(cell)
                        .isCloseTo(num(row, "auc"), within(1e-9));
            }
            checked++;
        }
        assertThat(checked).isEqualTo(28);
        assertThat(undefined).isEqualTo(4);
    }

    /** The fitted line passes through its own points: se → sp → se is the identity. */
    @Test
    void sensitivityAndSpecificityAreInverse() {
        RocDatasets.Data d = RocDatasets.get("binormal");
        BinormalFit fit =
                BinormalSmoothing.fit(
                        RocCurve.of(RocInput.of(d.positive(), d.score1(), Direction.HIGHER)));
        double sp = fit.specificityAt(0.9).getAsDouble();
        assertThat(fit.sensitivityAt(sp).getAsDouble()).isCloseTo(0.9, within(1e-12));
        // Reversing the direction mirrors the curve: AUC → 1 − AUC.
        BinormalFit rev =
                BinormalSmoothing.fit(
                        RocCurve.of(RocInput.of(d.positive(), d.score1(), Direction.LOWER)));
        assertThat(rev.auc().getAsDouble()).isCloseTo(1 - fit.auc().getAsDouble(), within(1e-12));
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
