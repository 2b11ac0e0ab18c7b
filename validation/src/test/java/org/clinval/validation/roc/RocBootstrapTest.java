package org.clinval.validation.roc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Direction;
import org.clinval.validation.bootstrap.BootstrapInterval;
import org.clinval.validation.bootstrap.BootstrapSpec;
import org.clinval.validation.testing.ReferenceTable;
import org.junit.jupiter.api.Test;

class RocBootstrapTest {

    /**
     * R 4.2.2, pROC 1.18.0 and boot 1.3-28.1, 20,000 replicates each (src/test/r/roc.R): {@code
     * ci.auc(r, method = "bootstrap", boot.n = 20000, boot.stratified = TRUE)} and {@code
     * boot.ci(boot(d, auc, R = 20000, strata = d$label), type = c("perc", "bca"))}.
     *
     * <p>The generators differ, so the bounds agree within Monte-Carlo error: with 20,000
     * replicates a 2.5% quantile of an AUC distribution of SE ≈ 0.05 moves by about 0.002 (its
     * standard error √(q(1−q)/B)/f(x_q)); the tolerance is 0.006, three such errors, and the two R
     * implementations differ between themselves by as much as 0.003.
     */
    @Test
    void percentileAndBcaAgreeWithPROCAndBootWithinMonteCarloError() {
        ReferenceTable ref = ReferenceTable.load("roc_bootstrap.csv");
        int checked = 0;
        for (Map<String, String> row : ref.rows()) {
            RocDatasets.Data d = RocDatasets.get(row.get("dataset"));
            RocInput input = RocInput.of(d.positive(), d.score(row.get("score")), Direction.HIGHER);
            BootstrapInterval b =
                    RocBootstrap.auc(
                            input, new BootstrapSpec(20_000, 42, ConfidenceLevel.of(0.95)));
            String cell = row.get("dataset");
            double tol = 0.006;
            assertThat(b.percentile().lower())
                    .as(cell)
                    .isCloseTo(num(row, "proc_perc_lower"), within(tol));
            assertThat(b.percentile().upper())
                    .as(cell)
                    .isCloseTo(num(row, "proc_perc_upper"), within(tol));
            assertThat(b.percentile().lower())
                    .as(cell)
                    .isCloseTo(num(row, "boot_perc_lower"), within(tol));
            assertThat(b.percentile().upper())
                    .as(cell)
                    .isCloseTo(num(row, "boot_perc_upper"), within(tol));
            assertThat(b.bca().orElseThrow().lower())
                    .as(cell)
                    .isCloseTo(num(row, "boot_bca_lower"), within(tol));
            assertThat(b.bca().orElseThrow().upper())
                    .as(cell)
                    .isCloseTo(num(row, "boot_bca_upper"), within(tol));
            checked++;
        }
        assertThat(checked).isEqualTo(3);
    }

    @Test
    void theSameSeedGivesTheSameIntervalAndAnotherSeedAnother() {
        RocDatasets.Data d = RocDatasets.get("asah_s100b_ndka");
        RocInput input = RocInput.of(d.positive(), d.score1(), Direction.HIGHER);
        ConfidenceLevel level = ConfidenceLevel.of(0.95);
        BootstrapInterval a = RocBootstrap.auc(input, new BootstrapSpec(500, 11, level));
        BootstrapInterval b = RocBootstrap.auc(input, new BootstrapSpec(500, 11, level));
        BootstrapInterval c = RocBootstrap.auc(input, new BootstrapSpec(500, 12, level));
        assertThat(b).isEqualTo(a);
        assertThat(c.percentile()).isNotEqualTo(a.percentile());
        assertThat(a.seed()).isEqualTo(11);
        assertThat(a.replicates()).isEqualTo(500);
        assertThat(a.estimate()).isEqualTo(DeLong.auc(input, level).auc());
    }

    @Test
    void perfectSeparationGivesADegenerateIntervalAtOne() {
        RocDatasets.Data d = RocDatasets.get("separated");
        BootstrapInterval b =
                RocBootstrap.auc(
                        RocInput.of(d.positive(), d.score1(), Direction.HIGHER),
                        new BootstrapSpec(200, 1, ConfidenceLevel.of(0.95)));
        assertThat(b.percentile().lower()).isEqualTo(1.0);
        assertThat(b.percentile().upper()).isEqualTo(1.0);
        assertThat(b.bca().orElseThrow().lower()).isEqualTo(1.0);
    }

    @Test
    void needsTwoCasesPerClassAndEnoughReplicates() {
        RocInput tiny =
                RocInput.of(
                        new boolean[] {true, false, false},
                        new double[] {1, 0, 2},
                        Direction.HIGHER);
        assertThatThrownBy(
                        () ->
                                RocBootstrap.auc(
                                        tiny, new BootstrapSpec(200, 1, ConfidenceLevel.of(0.95))))
                .hasMessageContaining(
                        "at least 2 positive and 2 negative cases: 1 positive, 2 negative");
        assertThatThrownBy(() -> new BootstrapSpec(10, 1, ConfidenceLevel.of(0.95)))
                .hasMessage("bootstrap needs at least 100 replicates for an interval: 10");
    }

    private static double num(Map<String, String> row, String key) {
        return Double.parseDouble(row.get(key));
    }
}
