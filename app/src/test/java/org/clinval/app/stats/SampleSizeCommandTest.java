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
                        "clinval: --measure is not one of sensitivity, specificity, auc,"
                                + " auc-test, auc-difference: 'ppv'\n");
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

    /**
     * R 4.2.2, pROC 1.18.0: {@code power.roc.test(auc = 0.8, sig.level = 0.05, power = 0.9, kappa =
     * 2)}: ncases 12.8082526663476, ncontrols 25.6165053326952; {@code power.roc.test(auc = 0.8,
     * ncases = 30, ncontrols = 60, sig.level = 0.05)$power} = 0.999079808082749.
     */
    @Test
    void oneAucAgainstHalf() {
        CliRun n =
                CliRun.of(
                        "stats",
                        "sample-size",
                        "--measure",
                        "auc-test",
                        "--anticipated",
                        "0.8",
                        "--power",
                        "0.9",
                        "--negatives-per-positive",
                        "2");
        assertThat(n.exit()).as(n.err()).isZero();
        JsonNode j = n.json();
        assertThat(j.get("n_positive_unrounded").asDouble())
                .isCloseTo(12.8082526663476, within(1e-10));
        assertThat(j.get("n_negative_unrounded").asDouble())
                .isCloseTo(25.6165053326952, within(1e-10));
        assertThat(j.get("n_positive").asLong()).isEqualTo(13);
        assertThat(j.get("n_negative").asLong()).isEqualTo(26);
        CliRun p =
                CliRun.of(
                        "stats",
                        "sample-size",
                        "--measure",
                        "auc-test",
                        "--anticipated",
                        "0.8",
                        "--cases",
                        "30",
                        "--negatives-per-positive",
                        "2");
        assertThat(p.exit()).as(p.err()).isZero();
        assertThat(p.json().get("power").asDouble()).isCloseTo(0.999079808082749, within(1e-12));
    }

    /**
     * R 4.2.2, pROC 1.18.0: {@code pl <- list(A1 = 1.5, B1 = 0.8, A2 = 1.2, B2 = 1.1, rn = 0.3, ra
     * = 0.6, delta = pnorm(1.5/sqrt(1.64)) - pnorm(1.2/sqrt(2.21)))} (0.0890350551568606); {@code
     * power.roc.test(pl, sig.level = 0.05, power = 0.8, kappa = 1.5)}: ncases 96.2156054549105,
     * ncontrols 144.323408182366; {@code power.roc.test(pl, ncases = 100, ncontrols = 150,
     * sig.level = 0.05, alternative = "one.sided")$power} = 0.875298810797836.
     */
    @Test
    void twoPairedBinormalAucs() {
        CliRun n =
                CliRun.of(
                        "stats",
                        "sample-size",
                        "--measure",
                        "auc-difference",
                        "--binormal1",
                        "1.5,0.8",
                        "--binormal2",
                        "1.2,1.1",
                        "--correlation-negatives",
                        "0.3",
                        "--correlation-positives",
                        "0.6",
                        "--power",
                        "0.8",
                        "--negatives-per-positive",
                        "1.5");
        assertThat(n.exit()).as(n.err()).isZero();
        JsonNode j = n.json();
        assertThat(j.get("delta").asDouble()).isCloseTo(0.0890350551568606, within(1e-12));
        assertThat(j.get("n_positive_unrounded").asDouble())
                .isCloseTo(96.2156054549105, within(1e-9));
        assertThat(j.get("n_negative_unrounded").asDouble())
                .isCloseTo(144.323408182366, within(1e-9));
        assertThat(j.get("n_positive").asLong()).isEqualTo(97);
        CliRun p =
                CliRun.of(
                        "stats",
                        "sample-size",
                        "--measure",
                        "auc-difference",
                        "--binormal1",
                        "1.5,0.8",
                        "--binormal2",
                        "1.2,1.1",
                        "--correlation-negatives",
                        "0.3",
                        "--correlation-positives",
                        "0.6",
                        "--cases",
                        "100",
                        "--negatives-per-positive",
                        "1.5",
                        "--alternative",
                        "one.sided");
        assertThat(p.exit()).as(p.err()).isZero();
        assertThat(p.json().get("power").asDouble()).isCloseTo(0.875298810797836, within(1e-12));
        CliRun same =
                CliRun.of(
                        "stats",
                        "sample-size",
                        "--measure",
                        "auc-difference",
                        "--binormal1",
                        "1.5,0.8",
                        "--binormal2",
                        "1.5,0.8",
                        "--correlation-negatives",
                        "0.3",
                        "--correlation-positives",
                        "0.6",
                        "--power",
                        "0.8",
                        "--negatives-per-positive",
                        "1");
        assertThat(same.exit()).as(same.err()).isZero();
        assertThat(same.json().get("n_positive").isNull()).isTrue();
        assertThat(same.json().get("undefined").asText()).contains("equal");
        CliRun both =
                CliRun.of(
                        "stats",
                        "sample-size",
                        "--measure",
                        "auc-test",
                        "--anticipated",
                        "0.8",
                        "--power",
                        "0.9",
                        "--cases",
                        "10",
                        "--negatives-per-positive",
                        "1");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("exactly one of --power and --cases");
    }
}
