package org.clinval.app.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clinval.app.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stats roc --permutations, --compare-csv, --smooth, --comparison-power} against pROC 1.18.0
 * (R 4.2.2) on {@code t <- c(1,1,1,0,0,0,1,0); m <- c(.9,.8,.4,.5,.3,.1,.7,.4); o <-
 * c(.8,.4,.7,.3,.6,.2,.9,.1)} and a second file {@code t2 <- c(1,0,1,0,1,0,0,1,0,1); s2 <-
 * c(.6,.2,.9,.5,.3,.4,.1,.45,.35,.8)}, each {@code roc(t, s, levels = c(0, 1), direction = "<")}.
 */
class RocCurveComparisonCommandTest {

    @TempDir Path dir;

    private Path write(String name, String... lines) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, List.of(lines));
        return f;
    }

    private Path first() throws IOException {
        return write(
                "first.csv",
                "truth,model,other",
                "1,0.9,0.8",
                "1,0.8,0.4",
                "1,0.4,0.7",
                "0,0.5,0.3",
                "0,0.3,0.6",
                "0,0.1,0.2",
                "1,0.7,0.9",
                "0,0.4,0.1");
    }

    private Path second() throws IOException {
        return write(
                "second.csv",
                "truth,score",
                "1,0.6",
                "0,0.2",
                "1,0.9",
                "0,0.5",
                "1,0.3",
                "0,0.4",
                "0,0.1",
                "1,0.45",
                "0,0.35",
                "1,0.8");
    }

    private static JsonNode run(String... args) {
        List<String> a = new ArrayList<>(List.of("stats", "roc"));
        a.addAll(List.of(args));
        CliRun r = CliRun.of(a.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        return r.json();
    }

    /**
     * {@code set.seed(1); roc.test(r1, r2, method = "venkatraman", paired = TRUE, boot.n = 2000)}:
     * E = 2, p = 0.8735; our 20,000 permutations must agree within 4.5 Monte-Carlo SE (±0.035).
     */
    @Test
    void pairedVenkatraman() throws IOException {
        JsonNode o =
                run(
                        "--csv",
                        first().toString(),
                        "--label",
                        "truth",
                        "--score",
                        "model",
                        "--score2",
                        "other",
                        "--permutations",
                        "20000",
                        "--seed",
                        "11");
        JsonNode v = o.get("venkatraman");
        assertThat(v.get("e").asDouble()).isEqualTo(2.0);
        assertThat(v.get("p").asDouble()).isCloseTo(0.8735, within(0.035));
        assertThat(v.get("permutations").asInt()).isEqualTo(20000);
        assertThat(v.get("seed").asLong()).isEqualTo(11);
        assertThat(v.get("method").asText()).contains("paired");
        // The DeLong comparison stays as it was.
        assertThat(o.get("comparison").get("method").asText()).isEqualTo("paired DeLong");
    }

    /**
     * {@code roc.test(r1, r3, method = "delong", paired = FALSE)}: D = 0.372863631137909, df =
     * 15.8654959223544, p = 0.714184396668343; {@code method = "venkatraman"}: E = 0.03814453125, p
     * = 0.954 (set.seed(1), boot.n = 2000).
     */
    @Test
    void unpairedDeLongAndVenkatramanWithASecondFile() throws IOException {
        JsonNode o =
                run(
                        "--csv",
                        first().toString(),
                        "--label",
                        "truth",
                        "--score",
                        "model",
                        "--compare-csv",
                        second().toString(),
                        "--compare-score",
                        "score",
                        "--permutations",
                        "20000",
                        "--seed",
                        "5");
        JsonNode u = o.get("unpaired_comparison");
        assertThat(u.get("d").asDouble()).isCloseTo(0.372863631137909, within(1e-12));
        assertThat(u.get("df").asDouble()).isCloseTo(15.8654959223544, within(1e-10));
        assertThat(u.get("p").asDouble()).isCloseTo(0.714184396668343, within(1e-12));
        assertThat(u.get("n2_positive").asInt()).isEqualTo(5);
        JsonNode v = u.get("venkatraman");
        assertThat(v.get("e").asDouble()).isCloseTo(0.03814453125, within(1e-12));
        assertThat(v.get("p").asDouble()).isCloseTo(0.954, within(0.025));
    }

    /**
     * {@code smooth(r3, method = "binormal")}: intercept 1.08325722200214, slope
     * -0.953774428199034, AUC 0.783445301282884; r1 has one usable point, so pROC stops.
     */
    @Test
    void binormalSmoothingOrWhyNot() throws IOException {
        JsonNode s =
                run(
                                "--csv",
                                second().toString(),
                                "--label",
                                "truth",
                                "--score",
                                "score",
                                "--smooth",
                                "binormal")
                        .get("smooth");
        assertThat(s.get("intercept").asDouble()).isCloseTo(1.08325722200214, within(1e-12));
        assertThat(s.get("slope").asDouble()).isCloseTo(-0.953774428199034, within(1e-12));
        assertThat(s.get("auc").asDouble()).isCloseTo(0.783445301282884, within(1e-12));
        JsonNode none =
                run(
                                "--csv",
                                first().toString(),
                                "--label",
                                "truth",
                                "--score",
                                "model",
                                "--smooth",
                                "binormal")
                        .get("smooth");
        assertThat(none.get("auc").isNull()).isTrue();
        assertThat(none.get("undefined").asText()).contains("not smoothable");
    }

    /**
     * {@code power.roc.test(r1, r2, sig.level = 0.05)$power} = 0.0270077859470033; with {@code
     * power = 0.8}: ncases = ncontrols = 1001.34318951977.
     */
    @Test
    void powerOfThePairedComparison() throws IOException {
        JsonNode p =
                run(
                                "--csv",
                                first().toString(),
                                "--label",
                                "truth",
                                "--score",
                                "model",
                                "--score2",
                                "other",
                                "--comparison-power",
                                "0.8")
                        .get("comparison_power");
        assertThat(p.get("power").asDouble()).isCloseTo(0.0270077859470033, within(1e-12));
        assertThat(p.get("n_positive_unrounded").asDouble())
                .isCloseTo(1001.34318951977, within(1e-8));
        assertThat(p.get("n_positive").asLong()).isEqualTo(1002);
        assertThat(p.get("n_negative").asLong()).isEqualTo(1002);
    }

    @Test
    void missingCompanionsAreUsageErrors() throws IOException {
        String csv = first().toString();
        CliRun noSeed =
                CliRun.of(
                        "stats",
                        "roc",
                        "--csv",
                        csv,
                        "--label",
                        "truth",
                        "--score",
                        "model",
                        "--score2",
                        "other",
                        "--permutations",
                        "1000");
        assertThat(noSeed.exit()).isEqualTo(2);
        assertThat(noSeed.err()).contains("--permutations needs an explicit --seed");
        CliRun noSecond =
                CliRun.of(
                        "stats",
                        "roc",
                        "--csv",
                        csv,
                        "--label",
                        "truth",
                        "--score",
                        "model",
                        "--permutations",
                        "1000",
                        "--seed",
                        "1");
        assertThat(noSecond.err()).contains("--permutations needs --score2 or --compare-csv");
        CliRun badSmooth =
                CliRun.of(
                        "stats",
                        "roc",
                        "--csv",
                        csv,
                        "--label",
                        "truth",
                        "--score",
                        "model",
                        "--smooth",
                        "density");
        assertThat(badSmooth.exit()).isEqualTo(2);
        assertThat(badSmooth.err()).contains("--smooth is not binormal: density");
    }

    /**
     * {@code coords(r1, c(0.75, 0.6), input = "specificity", ret = "sensitivity")} = 0.75, 0.9;
     * {@code coords(r1, 0.75, input = "sensitivity", ret = "specificity")} = 1. The bootstrap
     * bounds bracket the median, on the recorded seed.
     */
    @Test
    void sensitivityAtSpecificityWithBootstrapIntervals() throws IOException {
        JsonNode o =
                run(
                        "--csv",
                        first().toString(),
                        "--label",
                        "truth",
                        "--score",
                        "model",
                        "--ci-se",
                        "0.75,0.6",
                        "--ci-sp",
                        "0.75",
                        "--bootstrap",
                        "500",
                        "--seed",
                        "2");
        JsonNode se = o.get("ci_se");
        assertThat(se.get(0).get("specificity").asDouble()).isEqualTo(0.75);
        assertThat(se.get(0).get("estimate").asDouble()).isEqualTo(0.75);
        assertThat(se.get(1).get("estimate").asDouble()).isCloseTo(0.9, within(1e-15));
        assertThat(o.get("ci_sp").get(0).get("estimate").asDouble()).isEqualTo(1.0);
        for (JsonNode k : se) {
            assertThat(k.get("lower").asDouble()).isLessThanOrEqualTo(k.get("median").asDouble());
            assertThat(k.get("median").asDouble()).isLessThanOrEqualTo(k.get("upper").asDouble());
            assertThat(k.get("seed").asLong()).isEqualTo(2);
        }
        CliRun noBoot =
                CliRun.of(
                        "stats",
                        "roc",
                        "--csv",
                        first().toString(),
                        "--label",
                        "truth",
                        "--score",
                        "model",
                        "--ci-se",
                        "0.9");
        assertThat(noBoot.exit()).isEqualTo(2);
        assertThat(noBoot.err()).contains("--ci-se needs --bootstrap and --seed");
    }

    /**
     * pROC's rule at threshold 0.5 on r1 ({@code cases >= 0.5}, {@code controls < 0.5}):
     * sensitivity 3/4, specificity 3/4; at 0.45 the same; at 0.4, sensitivity 1 and specificity
     * 2/4.
     */
    @Test
    void specificityAndSensitivityAtThresholds() throws IOException {
        JsonNode a =
                run(
                                "--csv",
                                first().toString(),
                                "--label",
                                "truth",
                                "--score",
                                "model",
                                "--ci-thresholds",
                                "0.5,0.45,0.4",
                                "--bootstrap",
                                "200",
                                "--seed",
                                "4")
                        .get("ci_thresholds");
        assertThat(a.size()).isEqualTo(3);
        assertThat(a.get(0).get("threshold").asDouble()).isEqualTo(0.5);
        assertThat(a.get(0).get("sensitivity").get("estimate").asDouble()).isEqualTo(0.75);
        assertThat(a.get(0).get("specificity").get("estimate").asDouble()).isEqualTo(0.75);
        assertThat(a.get(1).get("sensitivity").get("estimate").asDouble()).isEqualTo(0.75);
        assertThat(a.get(2).get("sensitivity").get("estimate").asDouble()).isEqualTo(1.0);
        assertThat(a.get(2).get("specificity").get("estimate").asDouble()).isEqualTo(0.5);
        assertThat(a.get(2).get("specificity").get("seed").asLong()).isEqualTo(4);
    }
}
