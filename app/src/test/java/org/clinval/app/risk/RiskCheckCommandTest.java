package org.clinval.app.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clinval.app.testing.CliRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clinval risk check} on the demo risk file of the risk-management module and copies of its
 * synthetic run ({@code risk-management/src/test/resources/org/clinval/risk/run-demo}).
 */
class RiskCheckCommandTest {

    private static final Path RUN =
            Path.of(
                    "..",
                    "risk-management",
                    "src",
                    "test",
                    "resources",
                    "org",
                    "clinval",
                    "risk",
                    "run-demo");
    private static final ObjectMapper JSON = new ObjectMapper();

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

    /** Copies the synthetic run to {@code dir/name}, failing the scenario called {@code fail}. */
    private String run(String name, String fail) throws IOException {
        Path run = Files.createDirectories(dir.resolve(name));
        for (String f : List.of("metrics.json", "signatures.jsonl")) {
            Files.copy(RUN.resolve(f), run.resolve(f));
        }
        ArrayNode report = (ArrayNode) JSON.readTree(RUN.resolve("cucumber.json").toFile());
        for (JsonNode feature : report) {
            for (JsonNode e : feature.path("elements")) {
                if (!fail.isEmpty() && e.path("name").asText().equals(fail)) {
                    JsonNode steps = e.path("steps");
                    ((ObjectNode) steps.get(steps.size() - 1).path("result"))
                            .put("status", "failed");
                }
            }
        }
        Files.writeString(run.resolve("cucumber.json"), JSON.writeValueAsString(report));
        return run.toString();
    }

    @Test
    void demoAgainstAPassingRunIsCompleteAndAcceptable() throws IOException {
        CliRun r = CliRun.of("risk", "check", register, "--results", run("run-demo", ""));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode j = r.json();
        assertThat(j.get("gaps")).isEmpty();
        assertThat(j.at("/overall_residual_risk/verdict").asText()).isEqualTo("acceptable");
        assertThat(j.at("/overall_residual_risk/residual_counts").toString())
                .isEqualTo("{\"acceptable\":7,\"investigate\":4,\"unacceptable\":0}");
        assertThat(j.at("/run/id").asText()).isEqualTo("run-demo");
        assertThat(j.at("/risk_file/id").asText()).isEqualTo("RMF-DEMO-001");
        assertThat(j.at("/plan/id").asText()).isEqualTo("RMP-DEMO-001");
        assertThat(j.get("risks")).hasSize(11);
        assertThat(j.get("controls")).hasSize(12);
        j.get("controls").forEach(c -> assertThat(c.get("effective").asBoolean()).isTrue());
        JsonNode haz1 = j.get("risks").get(0);
        assertThat(haz1.at("/initial/acceptability").asText()).isEqualTo("unacceptable");
        assertThat(haz1.at("/residual/probability").asText()).isEqualTo("P2");
        assertThat(haz1.at("/residual/acceptability").asText()).isEqualTo("investigate");
        assertThat(haz1.at("/controls/0/reduces/probability").asText()).isEqualTo("P2");
        assertThat(j.has("traceability")).isFalse();
    }

    @Test
    void failingScenarioRaisesTheResidualRiskAndFailOnGapsExitsWith3() throws IOException {
        String run = run("run-8", "Every result of the run was computed by the approved model");
        CliRun r = CliRun.of("risk", "check", register, "--results", run, "--fail-on-gaps");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).isEmpty();
        JsonNode j = r.json();
        assertThat(j.get("gaps")).hasSize(1);
        assertThat(j.at("/gaps/0/kind").asText()).isEqualTo("scenario_not_passed");
        assertThat(j.at("/gaps/0/subject").asText()).isEqualTo("RCM-006");
        JsonNode haz5 = j.get("risks").get(4);
        assertThat(haz5.get("id").asText()).isEqualTo("HAZ-005");
        assertThat(haz5.at("/residual_claimed/probability").asText()).isEqualTo("P1");
        assertThat(haz5.at("/residual_claimed/acceptability").asText()).isEqualTo("acceptable");
        assertThat(haz5.at("/residual/probability").asText()).isEqualTo("P3");
        assertThat(haz5.at("/residual/acceptability").asText()).isEqualTo("investigate");
        assertThat(haz5.get("raised").asBoolean()).isTrue();
        assertThat(haz5.at("/controls/0/effective").asBoolean()).isFalse();
        assertThat(j.at("/overall_residual_risk/verdict").asText()).isEqualTo("not_acceptable");

        // Without --fail-on-gaps the same findings exit 0.
        assertThat(CliRun.of("risk", "check", register, "--results", run).exit()).isZero();
    }

    @Test
    void traceListsRowsWithMeasuredValuesAndTheirSignature() throws IOException {
        CliRun r =
                CliRun.of("risk", "check", register, "--results", run("run-demo", ""), "--trace");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode rows = r.json().get("traceability");
        JsonNode first = rows.get(0);
        assertThat(first.get("requirement").asText()).isEqualTo("REQ-PERF-001");
        assertThat(first.get("hazard").asText()).isEqualTo("HAZ-001");
        assertThat(first.get("control").asText()).isEqualTo("RCM-001");
        assertThat(first.get("purpose").asText()).isEqualTo("implementation");
        assertThat(first.get("scenario_status").asText()).isEqualTo("passed");
        assertThat(first.get("run").asText()).isEqualTo("run-demo");
        assertThat(first.at("/measurements/0/estimate").asDouble()).isEqualTo(0.9);
        assertThat(first.at("/measurements/0/ci").toString()).isEqualTo("[0.8499,0.9372]");
        assertThat(first.at("/measurements/0/signature").asText())
                .startsWith("Dana Reviewer (qa.lead), approved, 2025-06-03T14:30:00Z");
        JsonNode last = rows.get(rows.size() - 1);
        assertThat(last.get("hazard").asText()).isEqualTo("HAZ-011");
        assertThat(last.get("requirement").isNull()).isTrue();
        assertThat(r.out()).doesNotContain("NaN");
    }

    @Test
    void withoutResultsOnlyTheControlVerifiedByRecordsIsEffective() {
        CliRun r = CliRun.of("risk", "check", register);
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("run").isNull()).isTrue();
        assertThat(j.get("gaps")).hasSize(1);
        assertThat(j.at("/gaps/0/kind").asText()).isEqualTo("results_missing");
        // RCM-008 cites signed records only, which are checked without a run.
        j.get("controls")
                .forEach(
                        c ->
                                assertThat(c.get("verification").asText())
                                        .as(c.get("id").asText())
                                        .isEqualTo(
                                                c.get("id").asText().equals("RCM-008")
                                                        ? "verified_by_record"
                                                        : "not_verified"));
        JsonNode usability = j.at("/controls/7/records/1");
        assertThat(usability.get("file").asText()).isEqualTo("usability-summative-evaluation.md");
        assertThat(usability.get("status").asText()).isEqualTo("matches");
        assertThat(usability.get("file_sha256").asText())
                .isEqualTo(usability.get("sha256").asText());
        assertThat(j.at("/overall_residual_risk/residual_counts/unacceptable").asInt())
                .isEqualTo(2);
    }

    @Test
    void invalidFilesListEveryProblemWithItsPathOnOneLine() throws IOException {
        String text =
                Files.readString(Path.of(register))
                        .replace(
                                "initial: {severity: S4, probability: P4}",
                                "initial: {severity: S4, probability: P7}")
                        .replace("requirements: [REQ-PMS-001]", "requirements: [REQ-PMS-002]");
        Files.writeString(Path.of(register), text);
        Files.writeString(
                dir.resolve("plan.yaml"),
                Files.readString(dir.resolve("plan.yaml"))
                        .replace("max_investigate: 5", "max_investigate: five"));
        CliRun r = CliRun.of("risk", "check", register);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err())
                .startsWith("clinval: 1 problem in " + dir.resolve("plan.yaml"))
                .contains("overall_residual_risk.max_investigate: 'five' is not a whole number")
                .contains("; 3 problems in " + register + ": ")
                .contains("controls[3].requirements[0]: 'REQ-PMS-002' is not a requirement")
                .contains(
                        "hazards[0].initial.probability: 'P7' is not a probability level of the"
                                + " plan (P1, P2, P3, P4, P5)")
                .contains(
                        "hazards[2].initial.probability: 'P7' is not a probability level of the"
                                + " plan");
    }

    @Test
    void badInputsAreOneLineErrors() throws IOException {
        Path noReport = Files.createDirectories(dir.resolve("empty-run"));
        Path badReport = Files.createDirectories(dir.resolve("bad-run"));
        Files.writeString(badReport.resolve("cucumber.json"), "[{\"uri\": 3}]");
        String[][] cases = {
            {register, "--results", dir.resolve("nowhere").toString()},
            {register, "--results", noReport.toString()},
            {register, "--results", badReport.toString()},
            {dir.resolve("missing.yaml").toString()},
            {register, "--plan", dir.resolve("requirements.yaml").toString()},
        };
        String[] expected = {
            "nowhere: no such folder",
            "empty-run: no cucumber.json",
            "cucumber.json: [0].uri: missing or not a text",
            "1 problem in " + dir.resolve("missing.yaml") + ": no such file",
            "plan: is required",
        };
        for (int i = 0; i < cases.length; i++) {
            List<String> args = new ArrayList<>(List.of("risk", "check"));
            args.addAll(List.of(cases[i]));
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertThat(r.exit()).as(expected[i]).isEqualTo(1);
            assertThat(r.err()).as(expected[i]).startsWith("clinval: ").contains(expected[i]);
            assertThat(r.err().lines()).as(expected[i]).hasSize(1);
            assertThat(r.out()).as(expected[i]).isEmpty();
        }
        CliRun usage = CliRun.of("risk", "check");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.err()).contains("Missing required parameter: 'RISK_FILE'");
    }
}
