package org.clinval.app.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.clinval.app.testing.CliRun;
import org.junit.jupiter.api.Test;

/** {@code clinval stats sample-size}. */
class SampleSizeCommandTest {

    /**
     * R 4.2.2: {@code z <- qnorm(0.975); ceiling(z^2*0.9*0.1/(0.05^2*0.2))} = 692 (unrounded
     * 691.4626), as in validation's design_buderer.csv.
     */
    @Test
    void buderer() {
        CliRun run =
                CliRun.of(
                        "stats",
                        "sample-size",
                        "--measure",
                        "sensitivity",
                        "--anticipated",
                        "0.9",
                        "--half-width",
                        "0.05",
                        "--prevalence",
                        "0.2");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode j = run.json();
        assertThat(j.get("n").asLong()).isEqualTo(692);
        assertThat(j.get("n_unrounded").asDouble()).isCloseTo(691.4626, within(1e-4));
        assertThat(j.get("confidence_level").asDouble()).isEqualTo(0.95);
    }

    /**
     * design_auc_sample_size.csv (R linear search with hm_se): A = 0.9, d = 0.05, k = 2, 95%: 73
     * positives, 146 negatives.
     */
    @Test
    void hanleyMcNeil() {
        CliRun run =
                CliRun.of(
                        "stats",
                        "sample-size",
                        "--measure",
                        "auc",
                        "--anticipated",
                        "0.9",
                        "--half-width",
                        "0.05",
                        "--negatives-per-positive",
                        "2");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode j = run.json();
        assertThat(j.get("n_positive").asLong()).isEqualTo(73);
        assertThat(j.get("n_negative").asLong()).isEqualTo(146);
        assertThat(j.get("achieved_half_width").asDouble()).isLessThanOrEqualTo(0.05);
    }

    @Test
    void missingOrBadChoicesAreOneLineErrors() {
        CliRun noPrevalence =
                CliRun.of(
                        "stats",
                        "sample-size",
                        "--measure",
                        "specificity",
                        "--anticipated",
                        "0.9",
                        "--half-width",
                        "0.05");
        assertThat(noPrevalence.exit()).isEqualTo(2);
        assertThat(noPrevalence.err()).contains("needs --prevalence");
        CliRun badMeasure =
                CliRun.of(
                        "stats",
                        "sample-size",
                        "--measure",
                        "ppv",
                        "--anticipated",
                        "0.9",
                        "--half-width",
                        "0.05");
        assertThat(badMeasure.err())
                .startsWith(
                        "clinval: --measure is not one of sensitivity, specificity, auc: 'ppv'\n");
        assertThat(badMeasure.exit()).isEqualTo(2);
        CliRun badWidth =
                CliRun.of(
                        "stats",
                        "sample-size",
                        "--measure",
                        "auc",
                        "--anticipated",
                        "0.9",
                        "--half-width",
                        "1.5",
                        "--negatives-per-positive",
                        "1");
        assertThat(badWidth.err()).contains("half-width is not in (0, 1): 1.5");
    }
}
