package org.clinval.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.clinval.app.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grading, MR and X-ray demos end to end at their default sizes. The grading run's statistics
 * are recomputed from its own case results by numpy (quadratic kappa) and by R (vcd::Kappa, pROC,
 * binom.test), and must equal its metrics.json.
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
        checkAgainstR(run, Path.of(out.get("run").asText()).getParent(), grading);
    }

    /**
     * Reference: ../workflows/src/test/r/grading_check.R on the run's case-results.csv and the
     * demo's ground truth (vcd::Kappa + confint for each weighting, pROC::roc + ci.auc(delong) per
     * grade, pROC::multiclass.roc, binom.test per endpoint), and binom.test(x, n, goal, alternative
     * = "greater")$p.value for each superiority test; all to 1e-9.
     */
    private static void checkAgainstR(Path run, Path demo, JsonNode g) throws Exception {
        Path script = Path.of("../workflows/src/test/r/grading_check.R").toAbsolutePath();
        List<String> grades = new ArrayList<>();
        g.get("grades").forEach(x -> grades.add(x.asText()));
        List<String> cuts = new ArrayList<>();
        g.get("endpoints").forEach(e -> cuts.add(e.get("min_grade_index").asText()));
        Map<String, Double> r =
                rLines(
                        "/usr/bin/Rscript",
                        script.toString(),
                        run.resolve("case-results.csv").toString(),
                        demo.resolve("data/truth/ground-truth.csv").toString(),
                        String.join(",", grades),
                        "grader_1,grader_2,grader_3",
                        String.join(",", cuts),
                        g.get("level").asText());
        int checked = 0;
        for (String w : List.of("none", "linear", "quadratic")) {
            JsonNode k = g.get("kappa").get(w);
            checked += close(r, "kappa." + w + ".estimate", k.get("estimate"));
            checked += close(r, "kappa." + w + ".se", k.get("se"));
            checked += close(r, "kappa." + w + ".lower", k.get("ci").get(0));
            checked += close(r, "kappa." + w + ".upper", k.get("ci").get(1));
        }
        for (JsonNode c : g.get("classes")) {
            String grade = c.get("grade").asText();
            checked += close(r, "auc." + grade + ".estimate", c.get("auc").get("estimate"));
            checked += close(r, "auc." + grade + ".lower", c.get("auc").get("ci").get(0));
            checked += close(r, "auc." + grade + ".upper", c.get("auc").get("ci").get(1));
        }
        checked += close(r, "hand_till", g.get("auc_hand_till").get("estimate"));
        StringBuilder pValues = new StringBuilder();
        List<JsonNode> tests = new ArrayList<>();
        for (JsonNode e : g.get("endpoints")) {
            String cut = "cut." + e.get("min_grade_index").asText() + ".";
            for (String m : List.of("sensitivity", "specificity")) {
                checked += close(r, cut + m + ".lower", e.get(m).get("ci").get(0));
                checked += close(r, cut + m + ".upper", e.get(m).get("ci").get(1));
            }
            for (JsonNode t : e.path("superiority")) {
                tests.add(t);
                pValues.append(
                        String.format(
                                java.util.Locale.ROOT,
                                "cat(sprintf('p%d,%%.17g\\n', binom.test(%d, %d, %s,"
                                        + " alternative = 'greater')$p.value));",
                                tests.size() - 1,
                                t.get("successes").asInt(),
                                t.get("trials").asInt(),
                                t.get("goal").asText()));
            }
        }
        assertThat(tests).as("superiority tests of the demo's endpoints").hasSize(2);
        Map<String, Double> p = rLines("/usr/bin/Rscript", "-e", pValues.toString());
        for (int i = 0; i < tests.size(); i++) {
            checked += close(p, "p" + i, tests.get(i).get("p_value"));
        }
        assertThat(checked).isEqualTo(12 + 3 * grades.size() + 1 + 4 * cuts.size() + 2);
    }

    private static int close(Map<String, Double> r, String key, JsonNode value) {
        assertThat(r).as("R printed %s", key).containsKey(key);
        assertThat(value.asDouble()).as(key).isCloseTo(r.get(key), within(1e-9));
        return 1;
    }

    private static Map<String, Double> rLines(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(text).isZero();
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String[] kv = line.trim().split(",");
            if (kv.length == 2) out.put(kv[0], Double.parseDouble(kv[1]));
        }
        return out;
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
