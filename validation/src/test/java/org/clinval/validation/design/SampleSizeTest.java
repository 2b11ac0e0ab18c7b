package org.clinval.validation.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.testing.ReferenceTable;
import org.junit.jupiter.api.Test;

/** Sample sizes against base R (validation/src/test/r/design_reference.R, R 4.2.2). */
class SampleSizeTest {

    /**
     * Reference: design_buderer.csv, {@code z <- qnorm(1 - (1 - level)/2); n <-
     * z^2*p*(1-p)/(d^2*share); ceiling(n)}.
     */
    @Test
    void budererMatchesR() {
        ReferenceTable t = ReferenceTable.load("design_buderer.csv");
        int rows = 0;
        for (Map<String, String> r : t.rows()) {
            AccuracyMeasure m = AccuracyMeasure.valueOf(r.get("measure").toUpperCase());
            ProportionSampleSize s =
                    SampleSize.buderer(
                            m,
                            d(r, "anticipated"),
                            d(r, "half_width"),
                            d(r, "prevalence"),
                            ConfidenceLevel.of(d(r, "level")));
            double expected = d(r, "unrounded");
            assertThat(s.unrounded()).as("%s", r).isCloseTo(expected, within(1e-9 * expected));
            assertThat(s.subjects()).as("%s", r).isEqualTo((long) d(r, "n"));
            rows++;
        }
        assertThat(rows).isEqualTo(384);
    }

    /**
     * Hand arithmetic with the published formula: Se = 0.90, d = 0.05, prevalence 0.2, 95%:
     * 1.959964² · 0.09 / (0.0025 · 0.2) = 691.46 → 692; specificity 0.9 at the same prevalence:
     * 172.86 → 173.
     */
    @Test
    void budererWorkedExample() {
        ConfidenceLevel l = ConfidenceLevel.of(0.95);
        ProportionSampleSize se =
                SampleSize.buderer(AccuracyMeasure.SENSITIVITY, 0.9, 0.05, 0.2, l);
        assertThat(se.unrounded()).isCloseTo(691.46, within(0.01));
        assertThat(se.subjects()).isEqualTo(692);
        ProportionSampleSize sp =
                SampleSize.buderer(AccuracyMeasure.SPECIFICITY, 0.9, 0.05, 0.2, l);
        assertThat(sp.subjects()).isEqualTo(173);
        assertThat(sp.method()).contains("Buderer");
        assertThat(sp.level()).isEqualTo(l);
    }

    @Test
    void budererRejectsImpossibleInputs() {
        ConfidenceLevel l = ConfidenceLevel.of(0.95);
        assertThatThrownBy(() -> SampleSize.buderer(AccuracyMeasure.SENSITIVITY, 0.9, 0.05, 0, l))
                .hasMessageContaining("prevalence 0.0");
        assertThatThrownBy(() -> SampleSize.buderer(AccuracyMeasure.SPECIFICITY, 0.9, 0.05, 1, l))
                .hasMessageContaining("prevalence 1.0");
        assertThatThrownBy(() -> SampleSize.buderer(AccuracyMeasure.SENSITIVITY, 1, 0.05, 0.5, l))
                .hasMessage("anticipated sensitivity is not in (0, 1): 1.0");
        assertThatThrownBy(() -> SampleSize.buderer(AccuracyMeasure.SENSITIVITY, 0.9, 0, 0.5, l))
                .hasMessage("half-width is not in (0, 1): 0.0");
    }

    /**
     * Reference: design_hanley_mcneil_se.csv, {@code sqrt((A*(1-A) + (nA-1)*(Q1-A^2) +
     * (nN-1)*(Q2-A^2))/(nA*nN))}.
     */
    @Test
    void hanleyMcNeilStandardErrorMatchesR() {
        ReferenceTable t = ReferenceTable.load("design_hanley_mcneil_se.csv");
        for (Map<String, String> r : t.rows()) {
            double se =
                    HanleyMcNeil.se(
                            d(r, "auc"), (long) d(r, "positives"), (long) d(r, "negatives"));
            assertThat(se).as("%s", r).isCloseTo(d(r, "se"), within(1e-12));
        }
        assertThat(t.rows()).hasSize(42);
    }

    /** Hanley &amp; McNeil (1982): A = 0.9 with 50 abnormal and 50 normal cases, SE ≈ 0.0321. */
    @Test
    void hanleyMcNeilPublishedExample() {
        assertThat(HanleyMcNeil.se(0.9, 50, 50)).isCloseTo(0.0321, within(0.00005));
    }

    /**
     * Reference: design_auc_sample_size.csv, a linear search in R: first {@code n} with {@code
     * qnorm(1-(1-level)/2)*hm_se(A, n, max(1, ceiling(k*n - 1e-9))) <= d}.
     */
    @Test
    void aucSampleSizeMatchesRLinearSearch() {
        ReferenceTable t = ReferenceTable.load("design_auc_sample_size.csv");
        for (Map<String, String> r : t.rows()) {
            AucSampleSize s =
                    SampleSize.hanleyMcNeil(
                            d(r, "auc"),
                            d(r, "half_width"),
                            d(r, "ratio"),
                            ConfidenceLevel.of(d(r, "level")));
            assertThat(s.positives()).as("%s", r).isEqualTo((long) d(r, "positives"));
            assertThat(s.negatives()).as("%s", r).isEqualTo((long) d(r, "negatives"));
            assertThat(s.se()).as("%s", r).isCloseTo(d(r, "se"), within(1e-12));
            assertThat(s.achievedHalfWidth()).isLessThanOrEqualTo(s.halfWidth());
        }
        assertThat(t.rows()).hasSize(120);
    }

    /** One positive fewer would miss the target: the answer is the smallest. */
    @Test
    void aucSampleSizeIsTheSmallest() {
        ConfidenceLevel l = ConfidenceLevel.of(0.95);
        AucSampleSize s = SampleSize.hanleyMcNeil(0.85, 0.04, 1.5, l);
        long n = s.positives();
        long m = SampleSize.negatives(n - 1, 1.5);
        assertThat(l.z() * HanleyMcNeil.se(0.85, n - 1, m)).isGreaterThan(0.04);
        assertThat(s.negatives()).isEqualTo((long) Math.ceil(1.5 * n - 1e-9));
        // 1.1 × 10 is 11.000000000000002 in binary: the ratio still gives 11 negatives.
        assertThat(SampleSize.negatives(10, 1.1)).isEqualTo(11);
        assertThat(SampleSize.negatives(1, 0.01)).isEqualTo(1);
    }

    @Test
    void aucSampleSizeRejectsBadInputs() {
        ConfidenceLevel l = ConfidenceLevel.of(0.95);
        assertThatThrownBy(() -> SampleSize.hanleyMcNeil(1, 0.05, 1, l))
                .hasMessage("anticipated AUC is not in (0, 1): 1.0");
        assertThatThrownBy(() -> SampleSize.hanleyMcNeil(0.8, 0.05, 0, l))
                .hasMessageContaining("negatives per positive");
        assertThatThrownBy(() -> HanleyMcNeil.se(0.8, 0, 5)).hasMessageContaining("0 positive");
    }

    private static double d(Map<String, String> row, String column) {
        return Double.parseDouble(row.get(column));
    }
}
