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

/** {@code stats binary}: MCC, F-beta and their bootstrap intervals. */
class BinaryCommandTest {

    @TempDir Path dir;

    private Path scores() throws IOException {
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
        return f;
    }

    private CliRun run(String... extra) throws IOException {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "stats",
                                "binary",
                                "--csv",
                                scores().toString(),
                                "--label",
                                "truth",
                                "--score",
                                "model"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static JsonNode json(CliRun r) throws IOException {
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void mccAndFBetaAsSklearnComputesThem() throws IOException {
        JsonNode o = json(run("--threshold", "0.5", "--beta", "2"));
        // sklearn 1.2.1: matthews_corrcoef(y, s >= 0.5) = 0.5, fbeta_score(..., beta=2) = 0.75
        assertThat(o.get("mcc").get("estimate").asDouble()).isCloseTo(0.5, within(1e-12));
        assertThat(o.get("mcc").get("ci").isNull()).isTrue();
        assertThat(o.get("f_beta").get("estimate").asDouble()).isCloseTo(0.75, within(1e-12));
        assertThat(o.get("f_beta").get("beta").asDouble()).isEqualTo(2.0);
        assertThat(json(run("--threshold", "0.5")).has("f_beta")).isFalse();
    }

    @Test
    void bootstrapIntervalsAreSeededAndRecorded() throws IOException {
        String[] args = {"--threshold", "0.5", "--beta", "1", "--bootstrap", "500", "--seed", "3"};
        JsonNode o = json(run(args));
        JsonNode ci = o.get("mcc").get("bootstrap_ci");
        assertThat(ci.get("replicates").asInt()).isEqualTo(500);
        assertThat(ci.get("seed").asLong()).isEqualTo(3);
        assertThat(ci.get("resampling").asText()).isEqualTo("stratified by class");
        assertThat(ci.get("percentile").get(0).asDouble()).isLessThan(0.5);
        assertThat(ci.get("percentile").get(1).asDouble()).isGreaterThan(0.5);
        // 4 positives: a replicate with no positive call (MCC undefined) is counted, not dropped
        assertThat(ci.has("undefined_replicates")).isTrue();
        assertThat(o.get("f_beta").get("bootstrap_ci").get("percentile").size()).isEqualTo(2);
        assertThat(json(run(args))).isEqualTo(o);
    }

    @Test
    void anUndefinedMccIsNullWithTheReason() throws IOException {
        // threshold above every score: no positive call; sklearn returns 0.0 here
        JsonNode o = json(run("--threshold", "2", "--bootstrap", "100", "--seed", "1"));
        assertThat(o.get("mcc").get("estimate").isNull()).isTrue();
        assertThat(o.get("mcc").get("undefined").asText()).contains("0 positive, 8 negative calls");
        assertThat(o.get("mcc").get("bootstrap_ci").get("undefined").asText()).contains("MCC");
    }

    @Test
    void badBetaAndBootstrapWithoutSeedAreUsageErrors() throws IOException {
        CliRun r = run("--threshold", "0.5", "--beta", "-1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--beta");
        CliRun s = run("--threshold", "0.5", "--bootstrap", "200");
        assertThat(s.exit()).isEqualTo(2);
        assertThat(s.err()).contains("--seed");
    }
}
