package org.clinval.app.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clinval.app.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stats roc --pr / --pr-curve}. */
class PrecisionRecallOptionsTest {

    @TempDir Path dir;

    private JsonNode roc(String... extra) throws IOException {
        Path f = dir.resolve("scores.csv");
        Files.write(
                f,
                List.of(
                        "case,truth,model",
                        "1,1,0.9",
                        "2,1,0.8",
                        "3,1,0.4",
                        "4,0,0.5",
                        "5,0,0.3",
                        "6,0,0.1",
                        "7,1,0.7",
                        "8,0,0.4"));
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "stats",
                                "roc",
                                "--csv",
                                f.toString(),
                                "--label",
                                "truth",
                                "--score",
                                "model"));
        args.addAll(List.of(extra));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void averagePrecisionAsSklearn() throws IOException {
        JsonNode p = roc("--pr").get("precision_recall");
        // sklearn 1.2.1: average_precision_score(y, s) = 0.9166666666666666
        assertThat(p.get("average_precision").asDouble())
                .isCloseTo(0.9166666666666666, within(1e-12));
        assertThat(p.has("curve")).isFalse();
        // lower scores positive: sklearn on -s gives 0.37797619047619047
        assertThat(
                        roc("--pr", "--direction", "lower")
                                .get("precision_recall")
                                .get("average_precision")
                                .asDouble())
                .isCloseTo(0.37797619047619047, within(1e-12));
        assertThat(roc().has("precision_recall")).isFalse();
    }

    @Test
    void curvePointsInReverseSklearnOrder() throws IOException {
        JsonNode c = roc("--pr-curve").get("precision_recall").get("curve");
        // precision_recall_curve(y, s): thresholds 0.1 .. 0.9, recall 1,1,1,.75,.75,.5,.25 then 0
        assertThat(c.size()).isEqualTo(8);
        assertThat(c.get(0).get("threshold").isNull()).isTrue();
        assertThat(c.get(0).get("precision").asDouble()).isEqualTo(1.0);
        assertThat(c.get(1).get("threshold").asDouble()).isEqualTo(0.9);
        assertThat(c.get(4).get("threshold").asDouble()).isEqualTo(0.5);
        assertThat(c.get(4).get("precision").asDouble()).isEqualTo(0.75);
        assertThat(c.get(4).get("recall").asDouble()).isEqualTo(0.75);
        assertThat(c.get(5).get("threshold").asDouble()).isEqualTo(0.4);
        assertThat(c.get(5).get("tp").asInt()).isEqualTo(4);
        assertThat(c.get(5).get("fp").asInt()).isEqualTo(2);
        assertThat(c.get(7).get("recall").asDouble()).isEqualTo(1.0);
    }

    @Test
    void bootstrapIntervalUsesTheCommandsSeed() throws IOException {
        JsonNode o = roc("--pr", "--bootstrap", "300", "--seed", "9");
        JsonNode ci = o.get("precision_recall").get("average_precision_bootstrap_ci");
        assertThat(ci.get("seed").asLong()).isEqualTo(9);
        assertThat(ci.get("replicates").asInt()).isEqualTo(300);
        assertThat(ci.get("percentile").get(1).asDouble()).isLessThanOrEqualTo(1.0);
        assertThat(o.has("bootstrap_ci")).isTrue(); // the AUC's, unchanged
    }
}
