package org.clinval.validation.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.interval.BinomialInterval;
import org.clinval.validation.testing.ReferenceTable;
import org.junit.jupiter.api.Test;

/** The exact binomial test against a performance goal. */
class PerformanceGoalTest {

    /**
     * Reference: design_binom_goal.csv, R 4.2.2 {@code binom.test(x, n, goal, alternative =
     * "greater", conf.level = level)}: {@code $p.value} and {@code $conf.int[1]}.
     */
    @Test
    void matchesRBinomTestGreater() {
        ReferenceTable t = ReferenceTable.load("design_binom_goal.csv");
        for (Map<String, String> r : t.rows()) {
            PerformanceGoalResult g =
                    PerformanceGoal.exactBinomial(
                            (long) d(r, "x"),
                            (long) d(r, "n"),
                            d(r, "goal"),
                            ConfidenceLevel.of(d(r, "level")));
            double p = d(r, "p");
            assertThat(g.p()).as("%s p", r).isCloseTo(p, within(1e-9 * Math.max(p, 1e-3)));
            assertThat(g.lowerBound()).as("%s lower", r).isCloseTo(d(r, "lower"), within(1e-9));
            assertThat(g.lowerBoundAboveGoal()).isEqualTo(p < 1 - d(r, "level"));
        }
        assertThat(t.rows()).hasSize(12);
    }

    /**
     * The one-sided bound at level 1 − α/2 is the lower end of the two-sided Clopper–Pearson
     * interval at 1 − α (R: {@code binom.test(x, n)$conf.int[1]}).
     */
    @Test
    void oneSidedBoundIsTheTwoSidedLowerEnd() {
        PerformanceGoalResult g =
                PerformanceGoal.exactBinomial(87, 100, 0.8, ConfidenceLevel.of(0.975));
        double twoSided =
                BinomialInterval.CLOPPER_PEARSON.compute(87, 100, ConfidenceLevel.of(0.95)).lower();
        assertThat(g.lowerBound()).isCloseTo(twoSided, within(1e-12));
        assertThat(g.estimate()).isEqualTo(0.87);
        assertThat(g.goal()).isEqualTo(0.8);
        assertThat(g.trials()).isEqualTo(100);
        assertThat(g.method()).contains("exact binomial");
    }

    @Test
    void edgeCases() {
        ConfidenceLevel l = ConfidenceLevel.of(0.95);
        PerformanceGoalResult none = PerformanceGoal.exactBinomial(0, 10, 0.5, l);
        assertThat(none.p()).isEqualTo(1.0);
        assertThat(none.lowerBound()).isZero();
        // x = n: p = goal^n, bound = alpha^(1/n) (R: binom.test(10, 10, 0.5, "greater")).
        PerformanceGoalResult all = PerformanceGoal.exactBinomial(10, 10, 0.5, l);
        assertThat(all.p()).isCloseTo(Math.pow(0.5, 10), within(1e-15));
        assertThat(all.lowerBound()).isCloseTo(Math.pow(0.05, 0.1), within(1e-12));
        assertThatThrownBy(() -> PerformanceGoal.exactBinomial(0, 0, 0.5, l))
                .hasMessageContaining("trials: 0");
        assertThatThrownBy(() -> PerformanceGoal.exactBinomial(11, 10, 0.5, l))
                .hasMessageContaining("exceeds");
        assertThatThrownBy(() -> PerformanceGoal.exactBinomial(5, 10, 1, l))
                .hasMessage("performance goal is not in (0, 1): 1.0");
    }

    private static double d(Map<String, String> row, String column) {
        return Double.parseDouble(row.get(column));
    }
}
