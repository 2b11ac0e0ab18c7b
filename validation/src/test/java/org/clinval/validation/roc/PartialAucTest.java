package org.clinval.validation.roc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Direction;
import org.clinval.validation.bootstrap.BootstrapSpec;
import org.clinval.validation.roc.PartialAucRange.Focus;
import org.clinval.validation.testing.ReferenceTable;
import org.junit.jupiter.api.Test;

class PartialAucTest {

    private static final double TOL = 1e-9;

    /**
     * R 4.2.2, pROC 1.18.0 (src/test/r/partial_auc.R): {@code r <- roc(label, score1, levels = c(0,
     * 1), direction, partial.auc = c(upper, lower), partial.auc.focus, partial.auc.correct = FALSE
     * | TRUE)}; {@code as.numeric(r$auc)}. 8 data sets (aSAH, 5-level ratings with ties, n = 6,
     * binormal n = 500, rounded n = 5,000, perfectly separated, a deterministic n = 10^4) × 2
     * directions × 2 foci × 5 ranges, ends on and between curve points; NA (curve below the
     * diagonal) must come back as an empty correction with a reason.
     */
    @Test
    void rawAndCorrectedPartialAucMatchPROC() {
        ReferenceTable ref = ReferenceTable.load("partial_auc.csv");
        int checked = 0;
        int undefined = 0;
        for (Map<String, String> row : ref.rows()) {
            RocInput input = input(row.get("dataset"), row.get("direction"));
            PartialAucRange range =
                    new PartialAucRange(
                            Focus.valueOf(row.get("focus").toUpperCase(java.util.Locale.ROOT)),
                            num(row, "lower"),
                            num(row, "upper"));
            String cell =
                    row.get("dataset")
                            + "/"
                            + row.get("direction")
                            + "/"
                            + row.get("focus")
                            + "/"
                            + row.get("upper")
                            + "-"
                            + row.get("lower");
            PartialAucEstimate e = PartialAuc.of(input, range);
            assertThat(e.partialAuc()).as(cell).isCloseTo(num(row, "pauc"), within(TOL));
            if (row.get("corrected").equals("NA")) {
                assertThat(e.corrected()).as(cell).isEmpty();
                assertThat(e.undefinedReason().orElseThrow())
                        .as(cell)
                        .startsWith(
                                "McClish correction is undefined for a curve below the diagonal");
                undefined++;
            } else {
                assertThat(e.corrected().getAsDouble())
                        .as(cell)
                        .isCloseTo(num(row, "corrected"), within(TOL));
                assertThat(e.undefinedReason()).as(cell).isEmpty();
            }
            assertThat(e.positives() + e.negatives())
                    .isEqualTo(input.positives() + input.negatives());
            checked++;
        }
        assertThat(checked).isEqualTo(160);
        assertThat(undefined).isPositive();
    }

    /** Cross-check: over [0, 1] the partial AUC is the full AUC on either focus. */
    @Test
    void theWholeRangeIsTheFullAucOnBothFoci() {
        for (String name : RocDatasets.all().keySet()) {
            RocInput input = input(name, "higher");
            double auc = DeLong.auc(input, ConfidenceLevel.of(0.95)).auc();
            for (Focus f : Focus.values()) {
                PartialAucEstimate e = PartialAuc.of(input, new PartialAucRange(f, 0, 1));
                assertThat(e.partialAuc()).as(name).isCloseTo(auc, within(1e-12));
                assertThat(e.corrected().getAsDouble()).as(name).isCloseTo(auc, within(1e-12));
            }
        }
    }

    /** Additivity: adjacent ranges sum to the range they cover. */
    @Test
    void adjacentRangesAdd() {
        RocInput input = input("ratings", "higher");
        for (Focus f : Focus.values()) {
            double whole = PartialAuc.of(input, new PartialAucRange(f, 0.1, 0.95)).partialAuc();
            double left = PartialAuc.of(input, new PartialAucRange(f, 0.1, 0.37)).partialAuc();
            double right = PartialAuc.of(input, new PartialAucRange(f, 0.37, 0.95)).partialAuc();
            assertThat(left + right).isCloseTo(whole, within(1e-12));
        }
    }

    @Test
    void perfectSeparationGivesTheWidthAndACorrectedOne() {
        RocInput input = input("separated", "higher");
        for (Focus f : Focus.values()) {
            PartialAucEstimate e = PartialAuc.of(input, new PartialAucRange(f, 0.8, 1));
            assertThat(e.partialAuc()).isCloseTo(0.2, within(1e-15));
            assertThat(e.corrected().getAsDouble()).isCloseTo(1.0, within(1e-15));
        }
    }

    @Test
    void badRangesAreRejectedNamingTheValue() {
        assertThatThrownBy(() -> new PartialAucRange(Focus.SPECIFICITY, 0.8, 0.8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("upper end must exceed lower end: [0.8, 0.8]");
        assertThatThrownBy(() -> new PartialAucRange(Focus.SPECIFICITY, 0.9, 0.8))
                .hasMessage("upper end must exceed lower end: [0.9, 0.8]");
        assertThatThrownBy(() -> new PartialAucRange(Focus.SENSITIVITY, -0.1, 0.8))
                .hasMessage("lower end is not in [0, 1]: -0.1");
        assertThatThrownBy(() -> new PartialAucRange(Focus.SENSITIVITY, 0.1, 1.5))
                .hasMessage("upper end is not in [0, 1]: 1.5");
        assertThatThrownBy(() -> new PartialAucRange(Focus.SENSITIVITY, Double.NaN, 1))
                .hasMessage("lower end is not in [0, 1]: NaN");
        assertThatThrownBy(() -> new PartialAucRange(null, 0, 1)).hasMessage("focus is null");
    }

    /**
     * R 4.2.2, pROC 1.18.0 (src/test/r/partial_auc.R): {@code set.seed(1); ci.auc(r, method =
     * "bootstrap", boot.n = 2000, boot.stratified = TRUE, conf.level = 0.95)} with {@code r} built
     * with {@code partial.auc = c(1, 0.8)}, both foci, raw and corrected, for aSAH, binormal (n =
     * 500) and the deterministic n = 10^4 set: 12 cases.
     *
     * <p>The generators differ, so the bounds agree within Monte-Carlo error. With B = 2,000 the
     * 2.5% quantile of a statistic of SD s has standard error √(q(1−q)/B)/f(x_q) ≈ 0.06·s, and the
     * difference of two independent runs ≈ 0.085·s. The tolerance is a tenth of pROC's interval
     * width (≈ 3.92·s), 0.39·s, over four such errors.
     */
    @Test
    void bootstrapIntervalAgreesWithPROCWithinMonteCarloError() {
        ReferenceTable ref = ReferenceTable.load("partial_auc_bootstrap.csv");
        int checked = 0;
        for (Map<String, String> row : ref.rows()) {
            RocInput input = input(row.get("dataset"), row.get("direction"));
            Focus focus = Focus.valueOf(row.get("focus").toUpperCase(java.util.Locale.ROOT));
            PartialAucRange range =
                    new PartialAucRange(focus, num(row, "lower"), num(row, "upper"));
            boolean corrected = Boolean.parseBoolean(row.get("corrected").toLowerCase());
            PartialAucInterval b =
                    PartialAuc.bootstrap(
                            input,
                            range,
                            corrected,
                            new BootstrapSpec(2000, 20261205, ConfidenceLevel.of(0.95)));
            double lower = num(row, "ci_lower");
            double upper = num(row, "ci_upper");
            double tol = 0.1 * (upper - lower);
            String cell = row.get("dataset") + "/" + row.get("focus") + "/" + corrected;
            assertThat(b.percentile().lower()).as(cell).isCloseTo(lower, within(tol));
            assertThat(b.percentile().upper()).as(cell).isCloseTo(upper, within(tol));
            PartialAucEstimate e = PartialAuc.of(input, range);
            assertThat(b.estimate())
                    .isEqualTo(corrected ? e.corrected().getAsDouble() : e.partialAuc());
            assertThat(b.replicates()).isEqualTo(2000);
            assertThat(b.seed()).isEqualTo(20261205);
            assertThat(b.corrected()).isEqualTo(corrected);
            // A few replicates of aSAH's sensitivity range fall below the diagonal; pROC drops
            // their NA values the same way ("NA value(s) produced during bootstrap were ignored").
            if (corrected) assertThat(b.undefinedReplicates()).as(cell).isLessThan(100);
            else assertThat(b.undefinedReplicates()).as(cell).isZero();
            checked++;
        }
        assertThat(checked).isEqualTo(12);
    }

    @Test
    void theSameSeedGivesTheSameInterval() {
        RocInput input = input("binormal", "higher");
        PartialAucRange range = new PartialAucRange(Focus.SPECIFICITY, 0.8, 1);
        ConfidenceLevel level = ConfidenceLevel.of(0.9);
        PartialAucInterval a =
                PartialAuc.bootstrap(input, range, false, new BootstrapSpec(300, 5, level));
        PartialAucInterval b =
                PartialAuc.bootstrap(input, range, false, new BootstrapSpec(300, 5, level));
        PartialAucInterval c =
                PartialAuc.bootstrap(input, range, false, new BootstrapSpec(300, 6, level));
        assertThat(b).isEqualTo(a);
        assertThat(c.percentile()).isNotEqualTo(a.percentile());
    }

    @Test
    void bootstrapRefusesAnUndefinedCorrectionAndTooFewCases() {
        RocInput below = input("binormal", "lower");
        PartialAucRange range = new PartialAucRange(Focus.SPECIFICITY, 0.8, 1);
        BootstrapSpec spec = new BootstrapSpec(200, 1, ConfidenceLevel.of(0.95));
        assertThatThrownBy(() -> PartialAuc.bootstrap(below, range, true, spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "McClish correction is undefined for a curve below the diagonal");
        RocInput tiny =
                RocInput.of(
                        new boolean[] {true, false, false},
                        new double[] {1, 0, 2},
                        Direction.HIGHER);
        assertThatThrownBy(() -> PartialAuc.bootstrap(tiny, range, false, spec))
                .hasMessageContaining("at least 2 positive and 2 negative cases: 1 positive");
    }

    /** The data sets of roc_datasets.csv, and the n = 10^4 set defined in partial_auc.R. */
    static RocInput input(String dataset, String direction) {
        Direction dir = Direction.parse(direction);
        if (dataset.equals("deterministic_1e4")) {
            boolean[] positive = new boolean[10_000];
            double[] score = new double[10_000];
            for (int i = 0; i < 10_000; i++) {
                positive[i] = i % 3 == 0;
                score[i] = ((i * 7919L) % 1009) / 1009.0 + 0.3 * (positive[i] ? 1 : 0);
            }
            return RocInput.of(positive, score, dir);
        }
        RocDatasets.Data d = RocDatasets.get(dataset);
        return RocInput.of(d.positive(), d.score1(), dir);
    }

    private static double num(Map<String, String> row, String key) {
        return Double.parseDouble(row.get(key));
    }
}
