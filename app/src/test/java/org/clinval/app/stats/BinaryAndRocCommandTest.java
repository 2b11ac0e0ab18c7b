package org.clinval.app.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clinval.app.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinaryAndRocCommandTest {

    @TempDir Path dir;

    private Path csv(String name, String... lines) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, java.util.List.of(lines));
        return f;
    }

    private static JsonNode json(CliRun r) throws IOException {
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    private Path scores() throws IOException {
        return csv(
                "scores.csv",
                "case,truth,model,other",
                "1,1,0.9,0.8",
                "2,1,0.8,0.4",
                "3,1,0.4,0.7",
                "4,0,0.5,0.3",
                "5,0,0.3,0.6",
                "6,0,0.1,0.2",
                "7,1,0.7,0.9",
                "8,0,0.4,0.1");
    }

    @Test
    void binaryPrintsCountsAndEveryIntervalMethod() throws IOException {
        JsonNode o =
                json(
                        CliRun.of(
                                "stats",
                                "binary",
                                "--csv",
                                scores().toString(),
                                "--label",
                                "truth",
                                "--score",
                                "model",
                                "--threshold",
                                "0.5"));
        // score >= 0.5: positives 0.9, 0.8, 0.7 called (0.4 missed); negative 0.5 called.
        assertThat(o.get("tp").asInt()).isEqualTo(3);
        assertThat(o.get("fn").asInt()).isEqualTo(1);
        assertThat(o.get("fp").asInt()).isEqualTo(1);
        assertThat(o.get("tn").asInt()).isEqualTo(3);
        assertThat(o.get("rule").asText()).isEqualTo(">=");
        JsonNode se = o.get("sensitivity");
        assertThat(se.get("estimate").asDouble()).isEqualTo(0.75);
        // R 4.2.2: binom.test(3, 4)$conf.int = 0.1941204 0.9936905
        assertThat(se.get("clopper_pearson").get(0).asDouble()).isBetween(0.19412, 0.19413);
        assertThat(se.get("clopper_pearson").get(1).asDouble()).isBetween(0.99369, 0.99370);
        assertThat(se.has("wilson")).isTrue();
        assertThat(se.has("jeffreys")).isTrue();

        JsonNode gt =
                json(
                        CliRun.of(
                                "stats",
                                "binary",
                                "--csv",
                                scores().toString(),
                                "--label",
                                "truth",
                                "--score",
                                "model",
                                "--threshold",
                                "0.5",
                                "--rule",
                                "gt"));
        assertThat(gt.get("fp").asInt()).isZero();
        assertThat(gt.get("rule").asText()).isEqualTo(">");
        assertThat(gt.get("lr_positive").get("estimate").isNull()).isTrue();
        assertThat(gt.get("lr_positive").get("undefined").asText()).contains("unbounded");
    }

    @Test
    void rocPrintsDeLongYoudenBootstrapAndComparison() throws IOException {
        JsonNode o =
                json(
                        CliRun.of(
                                "stats",
                                "roc",
                                "--csv",
                                scores().toString(),
                                "--label",
                                "truth",
                                "--score",
                                "model",
                                "--score2",
                                "other",
                                "--bootstrap",
                                "500",
                                "--seed",
                                "3"));
        assertThat(o.get("n_positive").asInt()).isEqualTo(4);
        assertThat(o.get("n_negative").asInt()).isEqualTo(4);
        // Mann-Whitney by hand: 0.9, 0.8, 0.7 beat all four negatives; 0.4 beats 0.3 and 0.1 and
        // ties 0.4.
        assertThat(o.get("auc").asDouble()).isEqualTo((12 + 2.5) / 16);
        assertThat(o.get("auc_ci").size()).isEqualTo(2);
        assertThat(o.get("youden").get("sensitivity").asDouble()).isEqualTo(0.75);
        assertThat(o.get("bootstrap_ci").get("seed").asLong()).isEqualTo(3);
        assertThat(o.get("bootstrap_ci").get("replicates").asInt()).isEqualTo(500);
        assertThat(o.get("comparison").get("p").asDouble()).isBetween(0.0, 1.0);
        assertThat(o.get("direction").asText()).isEqualTo("higher");
    }

    /**
     * The partial AUC and a one-sided paired test from the command line, against pROC 1.18.0 on the
     * same eight cases: {@code t <- c(1,1,1,0,0,0,1,0); m <- c(.9,.8,.4,.5,.3,.1,.7,.4); o <-
     * c(.8,.4,.7,.3,.6,.2,.9,.1)}; {@code roc(t, m, levels = c(0, 1), direction = "<", partial.auc
     * = c(1, 0.6))$auc} = 0.31125, the same with {@code partial.auc.correct = TRUE} = 0.861328125,
     * with {@code partial.auc = c(0.9, 0.5), partial.auc.focus = "se"} = 0.35125; {@code
     * roc.test(roc(t, m, ...), roc(t, o, ...), paired = TRUE, method = "delong", alternative =
     * "greater")$p.value} = 0.5740802373513153 ("less": 0.4259197626486847).
     */
    @Test
    void rocPrintsThePartialAucAndOneSidedTestsAsPRocDoes() throws IOException {
        JsonNode spec =
                json(
                        CliRun.of(
                                "stats",
                                "roc",
                                "--csv",
                                scores().toString(),
                                "--label",
                                "truth",
                                "--score",
                                "model",
                                "--partial-auc",
                                "0.6,1",
                                "--bootstrap",
                                "200",
                                "--seed",
                                "5"));
        JsonNode p = spec.get("partial_auc");
        assertThat(p.get("focus").asText()).isEqualTo("specificity");
        assertThat(p.get("partial_auc").asDouble()).isCloseTo(0.31125, within(1e-12));
        assertThat(p.get("mcclish").asDouble()).isCloseTo(0.861328125, within(1e-12));
        assertThat(p.get("partial_auc_bootstrap_ci").get("replicates").asInt()).isEqualTo(200);
        assertThat(p.get("mcclish_bootstrap_ci").get("seed").asLong()).isEqualTo(5);
        JsonNode se =
                json(
                        CliRun.of(
                                "stats",
                                "roc",
                                "--csv",
                                scores().toString(),
                                "--label",
                                "truth",
                                "--score",
                                "model",
                                "--partial-auc",
                                "0.5,0.9",
                                "--partial-focus",
                                "sensitivity"));
        assertThat(se.get("partial_auc").get("partial_auc").asDouble())
                .isCloseTo(0.35125, within(1e-12));
        for (String[] alt :
                new String[][] {
                    {"greater", "0.5740802373513153"}, {"less", "0.4259197626486847"}
                }) {
            JsonNode k =
                    json(CliRun.of(
                                    "stats",
                                    "roc",
                                    "--csv",
                                    scores().toString(),
                                    "--label",
                                    "truth",
                                    "--score",
                                    "model",
                                    "--score2",
                                    "other",
                                    "--alternative",
                                    alt[0]))
                            .get("comparison");
            assertThat(k.get("alternative").asText()).isEqualTo(alt[0]);
            assertThat(k.get("p").asDouble()).isCloseTo(Double.parseDouble(alt[1]), within(1e-12));
        }
    }

    @Test
    void aBadPartialAucRangeIsBadUsageNamingIt() throws IOException {
        for (String[] bad :
                new String[][] {
                    {"0.9,0.8", "0.9,0.8"},
                    {"0.8", "is not LO,HI"},
                    {"a,b", "is not two numbers"},
                    {"0.5,1.5", "0.5,1.5"}
                }) {
            CliRun r =
                    CliRun.of(
                            "stats",
                            "roc",
                            "--csv",
                            scores().toString(),
                            "--label",
                            "truth",
                            "--score",
                            "model",
                            "--partial-auc",
                            bad[0]);
            assertThat(r.exit()).as(bad[0]).isEqualTo(2);
            assertThat(r.err()).as(bad[0]).contains("--partial-auc").contains(bad[1]);
        }
        CliRun alt =
                CliRun.of(
                        "stats",
                        "roc",
                        "--csv",
                        scores().toString(),
                        "--label",
                        "truth",
                        "--score",
                        "model",
                        "--alternative",
                        "bigger");
        assertThat(alt.exit()).isEqualTo(2);
        assertThat(alt.err()).contains("--alternative").contains("bigger");
    }

    @Test
    void labelsOtherThanZeroOneNeedPositive() throws IOException {
        Path f = csv("words.csv", "outcome,s", "Poor,0.9", "Good,0.1", "Poor,0.7", "Good,0.3");
        CliRun plain =
                CliRun.of(
                        "stats",
                        "roc",
                        "--csv",
                        f.toString(),
                        "--label",
                        "outcome",
                        "--score",
                        "s");
        assertThat(plain.exit()).isEqualTo(1);
        assertThat(plain.err())
                .isEqualTo(
                        "clinval: "
                                + f
                                + " line 2, column 'outcome': label is not 0 or 1: 'Poor' (use --positive VALUE for other labels)\n");
        JsonNode o =
                json(
                        CliRun.of(
                                "stats",
                                "roc",
                                "--csv",
                                f.toString(),
                                "--label",
                                "outcome",
                                "--positive",
                                "Poor",
                                "--score",
                                "s"));
        assertThat(o.get("auc").asDouble()).isEqualTo(1.0);
        assertThat(o.get("positive_label").asText()).isEqualTo("Poor");
    }

    @Test
    void aMisspeltLabelIsNotASilentNegative() throws IOException {
        Path f = csv("typo.csv", "outcome,s", "Poor,0.9", "Good,0.1", "poor,0.7", "Good,0.3");
        CliRun r =
                CliRun.of(
                        "stats",
                        "roc",
                        "--csv",
                        f.toString(),
                        "--label",
                        "outcome",
                        "--positive",
                        "Poor",
                        "--score",
                        "s");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err())
                .contains("must share one negative label, but there are 2: 'Good', 'poor'");
    }

    @Test
    void badValuesNameFileLineAndColumn() throws IOException {
        Path text = csv("text.csv", "y,s", "1,0.9", "0,0.1", "1,high", "0,0.3");
        assertThat(
                        CliRun.of(
                                        "stats",
                                        "roc",
                                        "--csv",
                                        text.toString(),
                                        "--label",
                                        "y",
                                        "--score",
                                        "s")
                                .err())
                .isEqualTo("clinval: " + text + " line 4, column 's': not a number: 'high'\n");
        Path nan = csv("nan.csv", "y,s", "1,0.9", "0,NaN", "1,0.2", "0,0.3");
        assertThat(
                        CliRun.of(
                                        "stats",
                                        "roc",
                                        "--csv",
                                        nan.toString(),
                                        "--label",
                                        "y",
                                        "--score",
                                        "s")
                                .err())
                .isEqualTo("clinval: " + nan + " line 3, column 's': not a finite number: 'NaN'\n");
        Path inf = csv("inf.csv", "y,s", "1,0.9", "0,0.1", "1,Infinity", "0,0.3");
        assertThat(
                        CliRun.of(
                                        "stats",
                                        "binary",
                                        "--csv",
                                        inf.toString(),
                                        "--label",
                                        "y",
                                        "--score",
                                        "s",
                                        "--threshold",
                                        "0.5")
                                .err())
                .isEqualTo(
                        "clinval: "
                                + inf
                                + " line 4, column 's': not a finite number: 'Infinity'\n");
        Path empty = csv("empty.csv", "y,s", "1,0.9", "0,", "1,0.2");
        assertThat(
                        CliRun.of(
                                        "stats",
                                        "roc",
                                        "--csv",
                                        empty.toString(),
                                        "--label",
                                        "y",
                                        "--score",
                                        "s")
                                .err())
                .isEqualTo("clinval: " + empty + " line 3, column 's': empty value\n");
        Path ragged = csv("ragged.csv", "y,s", "1,0.9", "0,0.1,7");
        assertThat(
                        CliRun.of(
                                        "stats",
                                        "roc",
                                        "--csv",
                                        ragged.toString(),
                                        "--label",
                                        "y",
                                        "--score",
                                        "s")
                                .err())
                .isEqualTo("clinval: " + ragged + " line 3: 3 fields, but the header has 2\n");
    }

    @Test
    void missingFileColumnAndClassAreClearErrors() throws IOException {
        Path f = scores();
        CliRun noColumn =
                CliRun.of(
                        "stats",
                        "roc",
                        "--csv",
                        f.toString(),
                        "--label",
                        "truth",
                        "--score",
                        "prob");
        assertThat(noColumn.exit()).isEqualTo(1);
        assertThat(noColumn.err())
                .isEqualTo(
                        "clinval: "
                                + f
                                + ": no column 'prob'; the columns are: 'case', 'truth', 'model',"
                                + " 'other'\n");
        CliRun noFile =
                CliRun.of(
                        "stats",
                        "roc",
                        "--csv",
                        dir.resolve("nope.csv").toString(),
                        "--label",
                        "y",
                        "--score",
                        "s");
        assertThat(noFile.err())
                .isEqualTo("clinval: " + dir.resolve("nope.csv") + ": no such file\n");
        Path oneClass = csv("one.csv", "y,s", "1,0.9", "1,0.1");
        CliRun r =
                CliRun.of(
                        "stats",
                        "roc",
                        "--csv",
                        oneClass.toString(),
                        "--label",
                        "y",
                        "--score",
                        "s");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err())
                .isEqualTo(
                        "clinval: ROC analysis needs both classes: 2 positive and 0 negative cases\n");
    }

    @Test
    void usageErrorsExitTwoAndPointToHelp() throws IOException {
        CliRun r = CliRun.of("stats", "roc", "--csv", scores().toString(), "--label", "truth");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .contains(
                        "--score COL is required (or --class-scores NAME=COL,... for a multi-class")
                .contains("clinval stats roc --help");
        CliRun seedless =
                CliRun.of(
                        "stats",
                        "roc",
                        "--csv",
                        scores().toString(),
                        "--label",
                        "truth",
                        "--score",
                        "model",
                        "--bootstrap",
                        "200");
        assertThat(seedless.exit()).isEqualTo(2);
        assertThat(seedless.err())
                .isEqualTo(
                        "clinval: --bootstrap needs an explicit --seed\n"
                                + "Run 'clinval stats roc --help' for its options.\n");
        CliRun badRule =
                CliRun.of(
                        "stats",
                        "binary",
                        "--csv",
                        scores().toString(),
                        "--label",
                        "truth",
                        "--score",
                        "model",
                        "--threshold",
                        "0.5",
                        "--rule",
                        "le");
        assertThat(badRule.exit()).isEqualTo(2);
        assertThat(badRule.err())
                .startsWith("clinval: --rule: threshold rule is not one of ge, gt, >=, >: 'le'\n");
        CliRun badConf =
                CliRun.of(
                        "stats",
                        "roc",
                        "--csv",
                        scores().toString(),
                        "--label",
                        "truth",
                        "--score",
                        "model",
                        "--conf",
                        "95");
        assertThat(badConf.exit()).isEqualTo(2);
        assertThat(badConf.err()).startsWith("clinval: --conf is not in (0, 1): 95.0\n");
    }

    @Test
    void everyCommandHasHelpEvenWithRequiredOptions() {
        for (String command :
                new String[] {"binary", "roc", "kappa", "calibration", "seg", "froc"}) {
            CliRun r = CliRun.of("stats", command, "--help");
            assertThat(r.exit()).as(command).isZero();
            assertThat(r.out()).as(command).startsWith("Usage: clinval stats " + command);
        }
    }
}
