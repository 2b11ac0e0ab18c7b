package org.clinval.validation.roc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Direction;
import org.clinval.validation.bootstrap.BootstrapSpec;
import org.clinval.validation.testing.ReferenceTable;
import org.junit.jupiter.api.Test;

class OperatingPointsTest {

    private static final int B = 4_000;

    /**
     * R 4.2.2, pROC 1.18.0 (src/test/r/roc_curves.R), 4 curves (aSAH s100b and age with direction
     * ">", n = 500 binormal, ratings with ties) at 0.5, 0.8, 0.9, 0.95: {@code coords(r, at, input
     * = "specificity", ret = "sensitivity")} and the reverse, to 1e-9; {@code set.seed(20261205);
     * ci.se(r, specificities = at, boot.n = 2000)} and {@code ci.sp(r, sensitivities = at, ...)}
     * quantiles 2.5%, 50%, 97.5%.
     *
     * <p>Those come from R's random stream and ours ({@code B} = 4,000 replicates), so they agree
     * within Monte-Carlo error only. A tail quantile of a bootstrap sensitivity with SD ≈ 0.07 has
     * SE ≈ √(0.025·0.975/B)/f ≈ 0.004 at B = 2000; replicates also move on a grid of 1/m (1/n),
     * which a quantile can cross. Allowed: 0.03 + one grid step of the class read (1/m for a
     * sensitivity, 1/n for a specificity).
     */
    @Test
    void pointValuesExactIntervalsWithinMonteCarloError() {
        ReferenceTable ref = ReferenceTable.load("roc_ci_se_sp.csv");
        int checked = 0;
        for (Map<String, String> row : ref.rows()) {
            RocDatasets.Data d = RocDatasets.get(row.get("dataset"));
            Direction dir = row.get("direction").equals("<") ? Direction.HIGHER : Direction.LOWER;
            RocInput in = RocInput.of(d.positive(), d.score(row.get("score")), dir);
            double at = num(row, "at");
            boolean seAtSp = row.get("kind").equals("se_at_sp");
            BootstrapSpec spec = new BootstrapSpec(B, 99, ConfidenceLevel.of(0.95));
            List<OperatingPointInterval> ci =
                    seAtSp
                            ? OperatingPoints.ciSensitivity(in, new double[] {at}, spec)
                            : OperatingPoints.ciSpecificity(in, new double[] {at}, spec);
            OperatingPointInterval i = ci.get(0);
            String cell = row.toString();
            assertThat(i.estimate()).as(cell).isCloseTo(num(row, "estimate"), within(1e-9));
            double step = 1.0 / (seAtSp ? in.positives() : in.negatives());
            double tol = 0.03 + step;
            assertThat(i.lower().getAsDouble()).as(cell).isCloseTo(num(row, "lower"), within(tol));
            assertThat(i.median().getAsDouble())
                    .as(cell)
                    .isCloseTo(num(row, "median"), within(tol));
            assertThat(i.upper().getAsDouble()).as(cell).isCloseTo(num(row, "upper"), within(tol));
            checked++;
        }
        assertThat(checked).isEqualTo(32);
    }

    /** pROC on t = c(1,1,1,0,0,0,1,0), m = c(.9,.8,.4,.5,.3,.1,.7,.4), direction "<". */
    @Test
    void exactMatchesTakeTheBestPointAndGapsInterpolate() {
        boolean[] t = {true, true, true, false, false, false, true, false};
        double[] m = {.9, .8, .4, .5, .3, .1, .7, .4};
        RocCurve c = RocCurve.of(RocInput.of(t, m, Direction.HIGHER));
        // Specificity 0.75 is reached at thresholds 0.5 (se 0.75) only.
        assertThat(OperatingPoints.sensitivityAt(c, 0.75)).isEqualTo(0.75);
        // Specificity 1 at se 0, 0.25, 0.5, 0.75: the most sensitive is taken.
        assertThat(OperatingPoints.sensitivityAt(c, 1)).isEqualTo(0.75);
        // Between (sp 0.5, se 1) and (sp 0.75, se 0.75) at sp 0.6: 0.75 + 0.6 · 0.25 = 0.9.
        assertThat(OperatingPoints.sensitivityAt(c, 0.6)).isCloseTo(0.9, within(1e-15));
        // Sensitivity 0.75 at sp 1 and 0.75: the most specific.
        assertThat(OperatingPoints.specificityAt(c, 0.75)).isEqualTo(1.0);
    }

    /**
     * R 4.2.2, pROC 1.18.0 (src/test/r/roc_curves.R): {@code coords(r, t, input = "threshold")} to
     * 1e-9 and {@code set.seed(20261205); ci.thresholds(r, thresholds = t, boot.n = 2000)}
     * quantiles within the tolerance above, at 10 thresholds of 3 curves (one with direction ">",
     * thresholds on and between observed scores).
     */
    @Test
    void thresholdsMatchPROC() {
        ReferenceTable ref = ReferenceTable.load("roc_ci_thresholds.csv");
        int checked = 0;
        for (Map<String, String> row : ref.rows()) {
            RocDatasets.Data d = RocDatasets.get(row.get("dataset"));
            Direction dir = row.get("direction").equals("<") ? Direction.HIGHER : Direction.LOWER;
            RocInput in = RocInput.of(d.positive(), d.score(row.get("score")), dir);
            BootstrapSpec spec = new BootstrapSpec(B, 5, ConfidenceLevel.of(0.95));
            OperatingPointInterval[] i =
                    OperatingPoints.ciThresholds(in, new double[] {num(row, "threshold")}, spec)
                            .get(0);
            String cell = row.toString();
            String[] keys = {"sp", "se"};
            for (int k = 0; k < 2; k++) {
                String key = keys[k];
                double tol = 0.03 + 1.0 / (k == 0 ? in.negatives() : in.positives());
                assertThat(i[k].estimate()).as(cell).isCloseTo(num(row, key), within(1e-9));
                assertThat(i[k].lower().getAsDouble())
                        .as(cell)
                        .isCloseTo(num(row, key + "_lower"), within(tol));
                assertThat(i[k].median().getAsDouble())
                        .as(cell)
                        .isCloseTo(num(row, key + "_median"), within(tol));
                assertThat(i[k].upper().getAsDouble())
                        .as(cell)
                        .isCloseTo(num(row, key + "_upper"), within(tol));
            }
            checked++;
        }
        assertThat(checked).isEqualTo(10);
    }

    private static double num(Map<String, String> row, String key) {
        return Double.parseDouble(row.get(key));
    }
}
