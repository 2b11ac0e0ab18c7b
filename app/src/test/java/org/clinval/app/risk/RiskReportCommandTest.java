package org.clinval.app.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clinval.app.testing.CliRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clinval risk report} on the demo risk file of the risk-management module and a copy of its
 * synthetic run ({@code risk-management/src/test/resources/org/clinval/risk/run-demo}).
 */
class RiskReportCommandTest {

    private static final Path RUN =
            Path.of("..", "risk-management", "src", "test", "resources", "org", "clinval", "risk")
                    .resolve("run-demo");

    @TempDir Path dir;
    private String register;

    @BeforeEach
    void demo() throws IOException {
        for (String f :
                List.of(
                        "plan.yaml",
                        "requirements.yaml",
                        "risk-file.yaml",
                        "labelling-inspection.md",
                        "usability-summative-evaluation.md")) {
            try (InputStream in = getClass().getResourceAsStream("/org/clinval/risk/demo/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
        register = dir.resolve("risk-file.yaml").toString();
    }

    private String run() throws IOException {
        Path run = Files.createDirectories(dir.resolve("run-demo"));
        for (String f : List.of("cucumber.json", "metrics.json", "signatures.jsonl")) {
            Files.copy(RUN.resolve(f), run.resolve(f));
        }
        return run.toString();
    }

    @Test
    void writesTheReportAndTheWorkbookAndPrintsTheirPaths() throws IOException {
        Path out = dir.resolve("out").resolve("risk");
        CliRun r =
                CliRun.of("risk", "report", register, "--results", run(), "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode j = r.json();
        assertThat(Path.of(j.get("report").asText()))
                .isEqualTo(out.resolve("risk-management-report.pdf"))
                .isRegularFile();
        assertThat(Path.of(j.get("workbook").asText()))
                .isEqualTo(out.resolve("traceability.xlsx"))
                .isRegularFile();
        assertThat(j.get("risk_file").asText()).isEqualTo("RMF-DEMO-001");
        assertThat(j.get("run").asText()).isEqualTo("run-demo");
        assertThat(j.get("overall_residual_risk").asText()).isEqualTo("acceptable");
        assertThat(j.get("gaps").asInt()).isZero();
        assertThat(j.get("not_effective_controls").asInt()).isZero();
        assertThat(j.get("traceability_rows").asInt()).isGreaterThan(50);
        assertThat(j.get("signed").asBoolean()).isFalse();
        assertThat(Files.readAllBytes(out.resolve("risk-management-report.pdf")))
                .startsWith("%PDF-1.4".getBytes());
    }

    @Test
    void withoutARunTheReportSaysNothingIsVerified() {
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("risk", "report", register, "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("run").isNull()).isTrue();
        assertThat(j.get("overall_residual_risk").asText()).isEqualTo("not_acceptable");
        // RCM-008 is verified by its signed records, which need no run.
        assertThat(j.get("not_effective_controls").asInt()).isEqualTo(11);
        assertThat(out.resolve("traceability.xlsx")).isRegularFile();
    }

    @Test
    void refusesAnOutputThatIsAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        CliRun r = CliRun.of("risk", "report", register, "--out", file.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip())
                .isEqualTo("clinval: " + file + ": --out is a file, not a folder");
    }

    @Test
    void requiresAnOutputFolder() {
        CliRun r = CliRun.of("risk", "report", register);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--out");
    }

    @Test
    void namesTheBadFileOfAnInvalidRegister() throws IOException {
        Files.writeString(dir.resolve("risk-file.yaml"), "risk_file: [unclosed\n");
        CliRun r = CliRun.of("risk", "report", register, "--out", dir.resolve("o").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("clinval: ").contains("risk-file.yaml").contains("YAML");
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void namesAMissingRunFolder() {
        Path missing = dir.resolve("no-such-run");
        CliRun r =
                CliRun.of(
                        "risk",
                        "report",
                        register,
                        "--results",
                        missing.toString(),
                        "--out",
                        dir.resolve("o").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("clinval: " + missing + ": no such folder");
    }
}
