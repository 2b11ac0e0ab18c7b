package org.clinval.app.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clinval.app.testing.CliRun;
import org.clinval.workflows.analysis.CaseResult;
import org.clinval.workflows.analysis.CaseResultsCsv;
import org.clinval.workflows.local.MetricsAnalysisService;
import org.clinval.workflows.protocol.ProtocolReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clinval verify} over a run folder written with the workflow's analysis: the demo protocol,
 * 40 malignant cases of which 36 are marked, 60 benign of which 54 are unmarked.
 */
class VerifyCommandTest {

    @TempDir Path dir;
    Path run;
    Path features;

    @BeforeEach
    void runFolder() throws Exception {
        run = Files.createDirectories(dir.resolve("run-1"));
        Path protocol = run.resolve("protocol.yaml");
        try (InputStream in =
                getClass().getResourceAsStream("/org/clinval/workflows/example/demo-study.yaml")) {
            Files.copy(in, protocol);
        }
        List<CaseResult> cases = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            boolean malignant = i < 40;
            boolean marked = malignant ? i < 36 : i >= 94;
            double score = marked ? 0.6 + 0.003 * i : 0.1 + 0.003 * i;
            cases.add(
                    new CaseResult(
                            String.format(Locale.ROOT, "case-%03d", i),
                            i % 2 == 0 ? "A" : "B",
                            "GE",
                            "F",
                            "60-74",
                            malignant ? "1" : "0",
                            score,
                            marked));
        }
        CaseResultsCsv.write(run.resolve("case-results.csv"), cases);
        new MetricsAnalysisService()
                .analyse(
                        ProtocolReader.read(protocol, run, false),
                        run.resolve("case-results.csv"),
                        run);
        Files.writeString(run.resolve("quarantine.csv"), "case_id,input,stage,reason\n");
        features = Files.createDirectories(dir.resolve("features"));
    }

    private void feature(String... steps) throws Exception {
        Files.writeString(
                features.resolve("criteria.feature"),
                "Feature: Performance\n\n  Background:\n    Given the validation study of this run\n\n"
                        + "  @REQ-PERF-001\n  Scenario: Sensitivity meets the goal\n    "
                        + String.join("\n    ", steps)
                        + "\n\n  @REQ-INP-001\n  Scenario: Nothing was set aside\n"
                        + "    Then no case was quarantined\n",
                StandardCharsets.UTF_8);
    }

    @Test
    void passingCriteriaExitZeroAndWriteBothReportsIntoTheRunFolder() throws Exception {
        feature(
                "Then the sensitivity is at least 0.85",
                "And the lower bound of its 95% Clopper-Pearson interval is at least 0.75");
        CliRun r =
                CliRun.of("verify", "--study", run.toString(), "--features", features.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode o = r.json();
        assertThat(o.path("passed").asBoolean()).isTrue();
        assertThat(o.path("scenarios")).hasSize(2);
        JsonNode s = o.path("scenarios").get(0);
        assertThat(s.path("feature").asText()).isEqualTo("Performance");
        assertThat(s.path("name").asText()).isEqualTo("Sensitivity meets the goal");
        assertThat(s.path("tags").get(0).asText()).isEqualTo("@REQ-PERF-001");
        assertThat(s.path("status").asText()).isEqualTo("passed");
        assertThat(s.path("message").asText()).isEmpty();
        assertThat(Path.of(o.path("json").asText()))
                .isEqualTo(run.resolve("cucumber.json").toAbsolutePath())
                .exists();
        assertThat(Path.of(o.path("html").asText()))
                .isEqualTo(run.resolve("cucumber-report.html").toAbsolutePath())
                .exists();
        assertThat(Files.readString(run.resolve("cucumber.json"))).contains("@REQ-PERF-001");
    }

    @Test
    void aFailingScenarioExitsOneAndSaysWhatWasMeasuredAndRequired() throws Exception {
        feature("Then the sensitivity is at least 0.95");
        CliRun r =
                CliRun.of("verify", "--study", run.toString(), "--features", features.toString());

        assertThat(r.exit()).isEqualTo(VerifyCommand.EXIT_NOT_PASSED);
        JsonNode o = r.json();
        assertThat(o.path("passed").asBoolean()).isFalse();
        assertThat(o.path("summary").asText()).isEqualTo("2 scenarios: 1 passed, 1 not passed");
        JsonNode s = o.path("scenarios").get(0);
        assertThat(s.path("status").asText()).isEqualTo("failed");
        // binom.test(36, 40)$conf.int: 0.7633626001 0.9720745847 (R 4.2.2)
        assertThat(s.path("message").asText())
                .isEqualTo(
                        "Then the sensitivity is at least 0.95: required: sensitivity >= 0.9500;"
                                + " measured: sensitivity 0.9000 (36/40) in all cases, 95%"
                                + " Clopper-Pearson CI 0.7634 to 0.9721");
        assertThat(o.path("scenarios").get(1).path("status").asText()).isEqualTo("passed");
    }

    @Test
    void anUndefinedStepIsNotAPass() throws Exception {
        feature("Then the device is safe");
        CliRun r =
                CliRun.of("verify", "--study", run.toString(), "--features", features.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.json().path("scenarios").get(0).path("status").asText())
                .isEqualTo("undefined");
        assertThat(r.json().path("scenarios").get(0).path("message").asText())
                .isEqualTo("undefined step: Then the device is safe");
    }

    @Test
    void missingOptionsAndFoldersAreUsageErrors() throws Exception {
        feature("Then the sensitivity is at least 0.85");
        CliRun noFeatures = CliRun.of("verify", "--study", run.toString());
        assertThat(noFeatures.exit()).isEqualTo(2);
        assertThat(noFeatures.err()).contains("Missing required option: '--features=DIR'");

        CliRun noRun =
                CliRun.of(
                        "verify",
                        "--study",
                        dir.resolve("nowhere").toString(),
                        "--features",
                        features.toString());
        assertThat(noRun.exit()).isEqualTo(2);
        assertThat(noRun.err())
                .startsWith("clinval: --study: " + dir.resolve("nowhere") + ": no such folder");
        assertThat(noRun.out()).isEmpty();

        CliRun noDir =
                CliRun.of(
                        "verify",
                        "--study",
                        run.toString(),
                        "--features",
                        dir.resolve("none").toString());
        assertThat(noDir.exit()).isEqualTo(2);
        assertThat(noDir.err())
                .contains("--features: " + dir.resolve("none") + ": no such folder or file");
    }

    @Test
    void criteriaThatCannotBeRunAreOneLineOnStderr() throws Exception {
        Files.writeString(
                features.resolve("criteria.feature"), "Feature performance\n  not Gherkin\n");
        CliRun r =
                CliRun.of("verify", "--study", run.toString(), "--features", features.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err())
                .startsWith("clinval: the acceptance criteria could not be run:")
                .contains("criteria.feature");

        Files.delete(run.resolve("protocol.yaml"));
        feature("Then the sensitivity is at least 0.85");
        CliRun noProtocol =
                CliRun.of("verify", "--study", run.toString(), "--features", features.toString());
        assertThat(noProtocol.exit()).isEqualTo(1);
        assertThat(noProtocol.json().path("scenarios").get(0).path("message").asText())
                .contains("protocol.yaml: the run has no approved protocol");
    }
}
