package org.clinval.features.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clinval.features.AcceptanceRun;
import org.clinval.features.testing.TaskRunFolderFixture;
import org.clinval.workflows.service.AcceptanceResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The segmentation and detection demos' acceptance criteria run over small hand-made run folders:
 * each step measures through the workflows' analysis, records its value with interval, method and
 * n, and fails its scenario naming the value when the threshold is not met.
 */
class TaskFeaturesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    private Path feature(String name) throws IOException {
        Path out = Files.createDirectories(dir.resolve("features")).resolve(name);
        try (InputStream in =
                getClass()
                        .getClassLoader()
                        .getResourceAsStream("org/clinval/features/demo/" + name)) {
            Files.copy(in, out);
        }
        return out;
    }

    /** Returns every measurement the scenarios recorded, from the Cucumber JSON report. */
    private static List<JsonNode> recorded(Path report) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode feature : JSON.readTree(report.toFile())) {
            for (JsonNode scenario : feature.path("elements")) {
                for (JsonNode step : scenario.path("steps")) {
                    for (JsonNode e : step.path("embeddings")) {
                        if (!e.path("mime_type").asText().equals("application/json")) continue;
                        out.add(
                                JSON.readTree(
                                        java.util.Base64.getDecoder()
                                                .decode(e.path("data").asText())));
                    }
                }
            }
        }
        return out;
    }

    @Test
    void aGoodSegmentationRunMeetsEveryCriterion() throws Exception {
        Path run = TaskRunFolderFixture.in(dir.resolve("run-seg")).segmentation();
        Path out = dir.resolve("out");
        AcceptanceResult r = AcceptanceRun.run(run, feature("nodule-segmentation.feature"), out);

        assertThat(r.scenarios())
                .hasSize(3)
                .allSatisfy(s -> assertThat(s.passed()).as(s.name() + ": " + s.message()).isTrue());
        List<JsonNode> values = recorded(out.resolve("cucumber.json"));
        JsonNode dice =
                values.stream()
                        .filter(
                                v ->
                                        v.path("quantity").asText().equals("mean Dice")
                                                && v.path("population")
                                                        .asText()
                                                        .equals("all cases"))
                        .findFirst()
                        .orElseThrow();
        assertThat(dice.path("estimate").asDouble())
                .isCloseTo(0.85, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(dice.path("n").asInt()).isEqualTo(28);
        assertThat(dice.path("level").asDouble()).isEqualTo(0.95);
        assertThat(dice.path("method").asText())
                .isEqualTo("bootstrap percentile over cases (2000 replicates, seed 20261121)");
        assertThat(dice.path("ci").get(0).asDouble()).isBetween(0.70, 0.85);
        assertThat(dice.path("ci").get(1).asDouble()).isBetween(0.85, 0.95);
        assertThat(values)
                .anySatisfy(
                        v -> {
                            assertThat(v.path("quantity").asText()).isEqualTo("median HD95 (mm)");
                            assertThat(v.path("estimate").asDouble()).isEqualTo(3.0);
                            assertThat(v.path("met").asBoolean()).isTrue();
                        });
        // The subgroup table: Siemens and GE checked, Canon (4 scans) too small to inform.
        assertThat(values)
                .anySatisfy(
                        v -> {
                            assertThat(v.path("subgroups")).hasSize(2);
                            assertThat(v.path("not_checked").get(0).asText())
                                    .isEqualTo("Canon (4)");
                        });
    }

    @Test
    void aMeanDiceBelowTheGoalFailsItsScenarioNamingTheValue() throws Exception {
        Path run = TaskRunFolderFixture.in(dir.resolve("run-worse")).meanDice(0.65).segmentation();
        AcceptanceResult r =
                AcceptanceRun.run(run, feature("nodule-segmentation.feature"), dir.resolve("out"));

        assertThat(r.passed()).isFalse();
        AcceptanceResult.Scenario overlap =
                r.scenarios().stream()
                        .filter(s -> s.name().startsWith("The masks overlap"))
                        .findFirst()
                        .orElseThrow();
        assertThat(overlap.passed()).isFalse();
        assertThat(overlap.message())
                .contains("required: mean Dice >= 0.7500; measured: mean Dice 0.6500 in all cases")
                .contains("95% bootstrap percentile over cases");
        AcceptanceResult.Scenario scanners =
                r.scenarios().stream()
                        .filter(s -> s.name().startsWith("No scanner"))
                        .findFirst()
                        .orElseThrow();
        assertThat(scanners.message())
                .contains("not met in 2 of 2")
                .contains("mean Dice 0.6500 in manufacturer GE")
                .contains("mean Dice 0.6500 in manufacturer Siemens");
        // The distances are unchanged, so that criterion still holds.
        assertThat(r.scenarios())
                .filteredOn(s -> s.name().startsWith("The contours"))
                .singleElement()
                .satisfies(s -> assertThat(s.passed()).isTrue());
    }

    @Test
    void aGoodDetectionRunMeetsEveryCriterion() throws Exception {
        Path run = TaskRunFolderFixture.in(dir.resolve("run-det")).detection();
        Path out = dir.resolve("out");
        AcceptanceResult r = AcceptanceRun.run(run, feature("nodule-detection.feature"), out);

        assertThat(r.scenarios())
                .hasSize(3)
                .allSatisfy(s -> assertThat(s.passed()).as(s.name() + ": " + s.message()).isTrue());
        List<JsonNode> values = recorded(out.resolve("cucumber.json"));
        assertThat(values)
                .extracting(v -> v.path("quantity").asText())
                .containsExactlyInAnyOrder(
                        "CPM", "sensitivity at 1 FP per scan", "lesion-level sensitivity");
        for (JsonNode v : values) {
            assertThat(v.path("estimate").asDouble()).as(v.toString()).isEqualTo(14.0 / 16);
            assertThat(v.path("n").asInt()).isEqualTo(20);
        }
        JsonNode lesions =
                values.stream()
                        .filter(v -> v.path("quantity").asText().equals("lesion-level sensitivity"))
                        .findFirst()
                        .orElseThrow();
        assertThat(lesions.path("successes").asInt()).isEqualTo(14);
        assertThat(lesions.path("trials").asInt()).isEqualTo(16);
        assertThat(lesions.path("method").asText()).isEqualTo("Clopper-Pearson over lesions");
        assertThat(lesions.path("ci").isArray()).isTrue();
    }
}
