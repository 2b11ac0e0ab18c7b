package org.clinval.features.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.clinval.features.AcceptanceRun;
import org.clinval.features.testing.GradingRunFolderFixture;
import org.clinval.workflows.service.AcceptanceResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grading steps over a written run folder: the values they record equal the analysis step's
 * metrics.json (the same computation from the case results), and a scenario fails naming the value
 * when the number misses.
 */
class GradingFeaturesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String FEATURE =
            """
            Feature: Diabetic retinopathy grading

              @REQ-DR-1
              Scenario: The grades agree with the reference
                Given the validation study of this run
                Then the quadratic weighted kappa is at least %s
                And the lower bound of its 95%% interval is at least %s

              @REQ-DR-2
              Scenario: Referable retinopathy is found
                Given the validation study of this run
                Then for referable retinopathy (grade 2 or above) the sensitivity is superior to %s at the one-sided 2.5%% level

              @REQ-DR-3
              Scenario: Referable retinopathy is ruled out
                Given the validation study of this run
                Then for referable retinopathy (grade moderate or above) the specificity is superior to 0.825 at the one-sided 2.5%% level
            """;

    @TempDir Path dir;

    private AcceptanceResult run(Path run, String kappaMin, String lowerMin, String goal)
            throws Exception {
        Path feature = Files.createDirectories(dir.resolve("features")).resolve("dr.feature");
        Files.writeString(feature, FEATURE.formatted(kappaMin, lowerMin, goal));
        return AcceptanceRun.run(run, feature, dir.resolve("out"));
    }

    @Test
    void theStepsRecordTheValuesOfMetricsJsonAndPass() throws Exception {
        Path run = GradingRunFolderFixture.in(dir.resolve("run")).write();
        AcceptanceResult r = run(run, "0.80", "0.75", "0.85");
        assertThat(r.scenarios())
                .hasSize(3)
                .allSatisfy(s -> assertThat(s.passed()).as(s.name() + ": " + s.message()).isTrue());
        JsonNode g = JSON.readTree(run.resolve("metrics.json").toFile()).path("grading");
        List<JsonNode> values = recorded(dir.resolve("out/cucumber.json"));
        JsonNode kappa =
                values.stream()
                        .filter(v -> v.path("quantity").asText().equals("quadratic weighted kappa"))
                        .findFirst()
                        .orElseThrow();
        assertThat(kappa.path("estimate").asDouble())
                .isCloseTo(g.at("/kappa/quadratic/estimate").asDouble(), within(1e-12));
        assertThat(kappa.path("ci").get(0).asDouble())
                .isCloseTo(g.at("/kappa/quadratic/ci/0").asDouble(), within(1e-12));
        JsonNode sensitivity =
                values.stream()
                        .filter(
                                v ->
                                        v.path("quantity")
                                                .asText()
                                                .equals("sensitivity at grade moderate or above"))
                        .findFirst()
                        .orElseThrow();
        assertThat(sensitivity.path("estimate").asDouble())
                .isEqualTo(g.at("/endpoints/0/sensitivity/estimate").asDouble());
        assertThat(sensitivity.path("ci").get(0).asDouble())
                .isCloseTo(g.at("/endpoints/0/sensitivity/ci/0").asDouble(), within(1e-12));
    }

    @Test
    void aKappaOrAGoalThatIsMissedFailsItsScenarioNamingTheValue() throws Exception {
        Path run = GradingRunFolderFixture.in(dir.resolve("run")).noise(0.45).write();
        AcceptanceResult r = run(run, "0.95", "0.93", "0.99");
        assertThat(r.passed()).isFalse();
        AcceptanceResult.Scenario agree =
                r.scenarios().stream()
                        .filter(s -> s.name().startsWith("The grades agree"))
                        .findFirst()
                        .orElseThrow();
        assertThat(agree.passed()).isFalse();
        assertThat(agree.message())
                .contains("required: quadratic weighted kappa >= 0.9500")
                .contains("measured: quadratic weighted kappa 0.");
        AcceptanceResult.Scenario found =
                r.scenarios().stream()
                        .filter(s -> s.name().startsWith("Referable retinopathy is found"))
                        .findFirst()
                        .orElseThrow();
        assertThat(found.passed()).isFalse();
        assertThat(found.message())
                .contains(
                        "sensitivity at grade moderate or above (referable retinopathy) superior"
                                + " to 0.9900: one-sided exact binomial p < 0.0250 (p = ");
    }

    private static List<JsonNode> recorded(Path report) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode feature : JSON.readTree(report.toFile())) {
            for (JsonNode scenario : feature.path("elements")) {
                for (JsonNode step : scenario.path("steps")) {
                    for (JsonNode e : step.path("embeddings")) {
                        if (!e.path("mime_type").asText().equals("application/json")) continue;
                        out.add(JSON.readTree(Base64.getDecoder().decode(e.path("data").asText())));
                    }
                }
            }
        }
        return out;
    }
}
