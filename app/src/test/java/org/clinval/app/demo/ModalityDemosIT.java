package org.clinval.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.clinval.app.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grading, MR and X-ray demos end to end at their default sizes. Needs the issue 10 grading,
 * modality and explanation support of workflows and streaming-inference (other branches); the
 * grading run's quadratic kappa is recomputed with numpy from its own case results.
 */
class ModalityDemosIT {

    @TempDir Path dir;

    private JsonNode demo(String... options) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "demo",
                                "--out",
                                dir.resolve(String.join("-", options)).toString()));
        args.addAll(List.of(options));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        JsonNode out = r.json();
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(out.get("state").asText()).isEqualTo("passed");
        assertThat(out.get("records_verified").asBoolean()).isTrue();
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
        System.out.println("demo " + args + ": " + out.get("wall_seconds") + " s");
        return out;
    }

    /**
     * Reference: numpy's quadratic weighted kappa of the run's truth_grade and predicted_grade
     * columns (src/test/python/grading_kappa.py, from the definition).
     */
    @Test
    void theGradingDemoPassesWithKappaExplanationsAndReports() throws Exception {
        JsonNode out = demo("--task", "grading");
        Path run = Path.of(out.get("run").asText());
        String header = Files.readAllLines(run.resolve("case-results.csv")).get(0);
        assertThat(header).contains("truth_grade", "predicted_grade", "p_none", "p_proliferative");
        assertThat(run.resolve("explanations.csv")).isRegularFile();
        Process p =
                new ProcessBuilder(
                                "/usr/bin/python3",
                                "src/test/python/grading_kappa.py",
                                run.resolve("case-results.csv").toString())
                        .start();
        String ref = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        double kappa = new ObjectMapper().readTree(ref).get("kappa").asDouble();
        JsonNode grading =
                new ObjectMapper().readTree(run.resolve("metrics.json").toFile()).get("grading");
        assertThat(grading).as("metrics.json grading section").isNotNull();
        assertThat(contains(grading, kappa)).as("metrics.json holds kappa %s", kappa).isTrue();
    }

    @Test
    void theMrAndDxDemosPass() {
        assertThat(demo("--modality", "MR").get("modality").asText()).isEqualTo("MR");
        assertThat(demo("--modality", "DX").get("modality").asText()).isEqualTo("DX");
    }

    private static boolean contains(JsonNode n, double v) {
        if (n.isNumber()) return Math.abs(n.asDouble() - v) < 1e-9;
        for (JsonNode c : n) if (contains(c, v)) return true;
        return false;
    }
}
