package org.clinval.workflows.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.clinval.common.Sha256;
import org.clinval.workflows.local.MetricsAnalysisService;
import org.clinval.workflows.protocol.ProtocolReader;
import org.clinval.workflows.protocol.StudyProtocol;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grading analysis of a synthetic run folder against R, called at test time on the written
 * case-results.csv and ground truth (workflows/src/test/r/grading_check.R, R 4.2 with vcd and
 * pROC): kappa of each weighting with its interval ({@code vcd::Kappa}, {@code confint}), the
 * one-vs-rest AUCs with DeLong intervals ({@code pROC::roc}, {@code ci.auc}), the Hand–Till AUC
 * ({@code pROC::multiclass.roc}), the endpoints' exact intervals ({@code binom.test}) and the
 * inter-grader kappas.
 */
class GradingAnalysisTest {

    static final List<String> GRADES =
            List.of("none", "mild", "moderate", "severe", "proliferative");
    static final List<String> GRADERS = List.of("grader_1", "grader_2", "grader_3");

    @TempDir Path dir;

    /** Writes a grading study's protocol, ground truth and case results; returns the protocol. */
    static StudyProtocol study(Path dir, int n, long seed, String criteria) throws Exception {
        Files.createDirectories(dir.resolve("data/dicom"));
        Path model = Files.createDirectories(dir.resolve("model")).resolve("model.json");
        Files.writeString(model, "{\"name\": \"stand-in\"}\n");
        Random rnd = new Random(seed);
        StringBuilder truth = new StringBuilder("case_id,grader_1,grader_2,grader_3,adjudicated\n");
        StringBuilder results =
                new StringBuilder(
                        "case_id,site,manufacturer,sex,age_band,label,score,prediction,"
                                + "truth_grade,predicted_grade,"
                                + String.join(",", GRADES.stream().map(g -> "p_" + g).toList())
                                + ",model_sha256,dataset_sha256\n");
        for (int i = 0; i < n; i++) {
            String id = String.format(Locale.ROOT, "case-%03d", i + 1);
            int t = rnd.nextInt(5);
            int[] g = new int[3];
            for (int j = 0; j < 3; j++) {
                g[j] =
                        rnd.nextDouble() < 0.7
                                ? t
                                : Math.max(0, Math.min(4, t + (rnd.nextBoolean() ? 1 : -1)));
            }
            String blank = i % 17 == 3 ? "" : GRADES.get(g[2]); // a grader left some blank
            truth.append(id)
                    .append(',')
                    .append(GRADES.get(g[0]))
                    .append(',')
                    .append(GRADES.get(g[1]))
                    .append(',')
                    .append(blank)
                    .append(',')
                    .append(GRADES.get(t))
                    .append('\n');
            double[] logit = new double[5];
            double sum = 0;
            for (int c = 0; c < 5; c++) {
                logit[c] = rnd.nextGaussian() + (c == t ? 1.8 : 0) - 0.4 * Math.abs(c - t);
                logit[c] = Math.exp(logit[c]);
                sum += logit[c];
            }
            int best = 0;
            double[] p = new double[5];
            for (int c = 0; c < 5; c++) {
                p[c] = logit[c] / sum;
                if (p[c] > p[best]) best = c;
            }
            double referable = p[2] + p[3] + p[4];
            results.append(id)
                    .append(",A,X,F,40-59,")
                    .append(t >= 2 ? 1 : 0)
                    .append(',')
                    .append(referable)
                    .append(',')
                    .append(best >= 2 ? 1 : 0)
                    .append(',')
                    .append(GRADES.get(t))
                    .append(',')
                    .append(GRADES.get(best));
            for (double v : p) results.append(',').append(v);
            results.append(",ab,cd\n");
        }
        Files.writeString(dir.resolve("data/ground-truth.csv"), truth, StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("run"));
        Files.writeString(dir.resolve("run/case-results.csv"), results, StandardCharsets.UTF_8);
        Path protocol = dir.resolve("protocol.yaml");
        Files.writeString(
                protocol,
                """
                id: GRADING-1
                title: Grading study
                intended_use: Testing the grading analysis
                task: grading
                device:
                  name: stand-in
                  version: 0.1.0
                  model: model/model.json
                  sha256: %s
                dataset:
                  dicom: data/dicom
                  ground_truth: data/ground-truth.csv
                  deidentify: false
                  modalities: [OP]
                grading:
                  grades: [none, mild, moderate, severe, proliferative]
                  reference: {rule: majority, graders: [grader_1, grader_2, grader_3], column: adjudicated}
                  endpoints:
                    - {id: referable, name: referable diabetic retinopathy, min_grade: moderate}
                    - {id: vision_threatening, name: vision-threatening diabetic retinopathy, min_grade: 3}
                operating_point:
                  threshold: 0.5
                  rule: ">="
                  positive_class: "1"
                  direction: higher
                endpoints:
                %s
                subgroups:
                  attributes: [site]
                  min_n_per_class: 5
                statistics:
                  ci_method: clopper_pearson
                  level: 0.95
                  bootstrap:
                    replicates: 200
                    seed: 7
                """
                        .formatted(Sha256.of(model), criteria.indent(2).stripTrailing()),
                StandardCharsets.UTF_8);
        return ProtocolReader.read(protocol);
    }

    static final String CRITERIA =
            """
            - id: EP1
              role: primary
              name: Quadratic weighted kappa
              criterion: {measure: kappa_quadratic, estimate_min: 0.5, ci_lower_min: 0.4, level: 0.95}
              verifies: {requirements: [REQ-1]}
            - id: EP2
              role: primary
              name: Referable sensitivity
              criterion: {measure: sensitivity, grading_endpoint: referable, superiority_goal: 0.6, alpha: 0.025}
              verifies: {requirements: [REQ-2]}
            - id: EP3
              role: primary
              name: Referable specificity
              criterion: {measure: specificity, grading_endpoint: referable, superiority_goal: 0.6, alpha: 0.025}
              verifies: {requirements: [REQ-3]}
            - id: EP4
              role: secondary
              name: Hand-Till AUC
              criterion: {measure: auc_hand_till, estimate_min: 0.7}
              verifies: {requirements: [REQ-4]}
            - id: EP5
              role: secondary
              name: Vision-threatening sensitivity
              criterion: {measure: sensitivity, grading_endpoint: vision_threatening, superiority_goal: 0.99, alpha: 0.025}
              verifies: {requirements: [REQ-5]}
            """;

    @Test
    void metricsEqualVcdAndPRocOnTheWrittenCaseResults() throws Exception {
        StudyProtocol p = study(dir, 160, 20261205L, CRITERIA);
        Path file = dir.resolve("run/case-results.csv");
        StudyResults r = new MetricsAnalysisService().analyse(p, file, file.getParent());
        JsonNode g =
                new ObjectMapper()
                        .readTree(dir.resolve("run/metrics.json").toFile())
                        .path("grading");
        Map<String, Double> ref = rCheck(file, dir.resolve("data/ground-truth.csv"), "2,3", 0.95);
        double tol = 1e-9;
        for (String w : List.of("none", "linear", "quadratic")) {
            JsonNode k = g.path("kappa").path(w);
            assertThat(k.path("estimate").asDouble())
                    .as(w)
                    .isCloseTo(ref.get("kappa." + w + ".estimate"), within(tol));
            assertThat(k.path("se").asDouble())
                    .as(w)
                    .isCloseTo(ref.get("kappa." + w + ".se"), within(tol));
            assertThat(k.path("ci").get(0).asDouble())
                    .as(w)
                    .isCloseTo(ref.get("kappa." + w + ".lower"), within(tol));
            assertThat(k.path("ci").get(1).asDouble())
                    .as(w)
                    .isCloseTo(ref.get("kappa." + w + ".upper"), within(tol));
        }
        int aucs = 0;
        for (JsonNode c : g.path("classes")) {
            String key = "auc." + c.path("grade").asText();
            if (!ref.containsKey(key + ".estimate")) continue;
            assertThat(c.at("/auc/estimate").asDouble())
                    .as(key)
                    .isCloseTo(ref.get(key + ".estimate"), within(tol));
            assertThat(c.at("/auc/ci/0").asDouble())
                    .as(key)
                    .isCloseTo(ref.get(key + ".lower"), within(tol));
            assertThat(c.at("/auc/ci/1").asDouble())
                    .as(key)
                    .isCloseTo(ref.get(key + ".upper"), within(tol));
            aucs++;
        }
        assertThat(aucs).isEqualTo(5);
        assertThat(g.at("/auc_hand_till/estimate").asDouble())
                .isCloseTo(ref.get("hand_till"), within(tol));
        // one-vs-one macro is the Hand-Till AUC; the weighted averages (checked against sklearn in
        // validation's MulticlassSklearnReferenceTest) are printed beside it
        assertThat(g.at("/auc_one_vs_one/macro").asDouble())
                .isCloseTo(ref.get("hand_till"), within(tol));
        assertThat(g.at("/auc_one_vs_one/weighted").asDouble()).isBetween(0.0, 1.0);
        assertThat(g.at("/auc_weighted/estimate").asDouble()).isBetween(0.0, 1.0);
        for (JsonNode e : g.path("endpoints")) {
            String key = "cut." + e.path("min_grade_index").asInt();
            for (String m : List.of("sensitivity", "specificity")) {
                assertThat(e.at("/" + m + "/ci/0").asDouble())
                        .as(key + m)
                        .isCloseTo(ref.get(key + "." + m + ".lower"), within(tol));
                assertThat(e.at("/" + m + "/ci/1").asDouble())
                        .as(key + m)
                        .isCloseTo(ref.get(key + "." + m + ".upper"), within(tol));
            }
        }
        assertThat(g.path("inter_grader")).hasSize(3);
        for (JsonNode a : g.path("inter_grader")) {
            String key = "inter." + a.path("first").asText() + "." + a.path("second").asText();
            assertThat(a.path("estimate").asDouble())
                    .as(key)
                    .isCloseTo(ref.get(key + ".estimate"), within(tol));
            assertThat(a.at("/ci/0").asDouble())
                    .as(key)
                    .isCloseTo(ref.get(key + ".lower"), within(tol));
        }
        // The case-level table is the referable cut: its counts equal the grading endpoint's.
        JsonNode json = new ObjectMapper().readTree(dir.resolve("run/metrics.json").toFile());
        assertThat(json.at("/accuracy/sensitivity/successes").asLong())
                .isEqualTo(g.at("/endpoints/0/sensitivity/successes").asLong());
        assertThat(json.at("/accuracy/specificity/trials").asLong())
                .isEqualTo(g.at("/endpoints/0/specificity/trials").asLong());
        // EP5 asks the impossible (superior to 0.99) and fails on its p-value.
        EndpointResult ep5 = r.endpoints().get(4);
        assertThat(ep5.passed()).isFalse();
        assertThat(ep5.pValue().getAsDouble()).isGreaterThan(0.025);
        assertThat(ep5.reasons().get(0))
                .contains("superior to 0.99: one-sided exact binomial p = ")
                .contains(" >= 0.025");
        assertThat(json.at("/endpoints/4/p_value").asDouble())
                .isEqualTo(ep5.pValue().getAsDouble());
        assertThat(g.at("/endpoints/1/superiority/0/endpoint").asText()).isEqualTo("EP5");
    }

    @Test
    void gradingColumnsThatDisagreeWithTheCaseLevelTableAreRefusedNamingTheCase() throws Exception {
        StudyProtocol p = study(dir, 40, 3L, CRITERIA);
        Path file = dir.resolve("run/case-results.csv");
        List<String> lines = Files.readAllLines(file);
        String[] cells = lines.get(1).split(",");
        cells[5] = cells[5].equals("1") ? "0" : "1"; // flip the label of case-001
        lines.set(1, String.join(",", cells));
        Files.write(file, lines);
        List<CaseResult> cases = CaseResultsCsv.read(file);
        assertThatThrownBy(() -> TaskInputs.read(p, file, cases))
                .hasMessageContaining("case case-001: label")
                .hasMessageContaining("disagrees with truth grade");
    }

    @Test
    void aGradeThatIsNotOnTheScaleIsNamedWithItsLineAndColumn() throws Exception {
        StudyProtocol p = study(dir, 10, 5L, CRITERIA);
        Path file = dir.resolve("run/case-results.csv");
        List<String> lines = Files.readAllLines(file);
        String[] cells = lines.get(2).split(",");
        cells[9] = "grade-9";
        lines.set(2, String.join(",", cells));
        Files.write(file, lines);
        assertThatThrownBy(() -> GradingCsv.cases(file, p.grading().orElseThrow().scale()))
                .hasMessage(
                        file
                                + ", line 3, column predicted_grade: 'grade-9' is not a grade, one of"
                                + " none, mild, moderate, severe, proliferative (or 0 to 4)");
    }

    @Test
    void anExpectedGradeModelHasKappasAndCutsButNoAucs() throws Exception {
        StudyProtocol p = study(dir, 60, 9L, CRITERIA.substring(0, CRITERIA.indexOf("- id: EP4")));
        Path file = dir.resolve("run/case-results.csv");
        List<String> lines = Files.readAllLines(file);
        for (int i = 1; i < lines.size(); i++) {
            String[] c = lines.get(i).split(",", -1);
            for (int k = 10; k < 15; k++) c[k] = "";
            lines.set(i, String.join(",", c));
        }
        Files.write(file, lines);
        new MetricsAnalysisService().analyse(p, file, file.getParent());
        JsonNode g =
                new ObjectMapper()
                        .readTree(dir.resolve("run/metrics.json").toFile())
                        .path("grading");
        assertThat(g.at("/kappa/quadratic/estimate").isNumber()).isTrue();
        assertThat(g.at("/auc_hand_till/estimate").isNull()).isTrue();
        assertThat(g.at("/auc_hand_till/undefined").asText())
                .endsWith("without class probabilities");
        assertThat(g.at("/auc_one_vs_one/macro").isNull()).isTrue();
        assertThat(g.at("/auc_one_vs_one/undefined").asText())
                .endsWith("without class probabilities");
        assertThat(g.at("/auc_weighted/estimate").isNull()).isTrue();
        assertThat(g.at("/classes/0/auc/estimate").isNull()).isTrue();
        assertThat(g.at("/endpoints/0/superiority/0/p_value").isNumber()).isTrue();
    }

    /** Runs grading_check.R and returns its key → value lines. */
    private static Map<String, Double> rCheck(
            Path caseResults, Path truth, String cuts, double level) throws Exception {
        Path rscript = Path.of("/usr/bin/Rscript");
        Assumptions.assumeTrue(
                Files.isExecutable(rscript),
                "Rscript is not installed (Debian: r-base-core r-cran-proc r-cran-vcd)");
        Path script = Path.of("src/test/r/grading_check.R").toAbsolutePath();
        Process proc =
                new ProcessBuilder(
                                rscript.toString(),
                                script.toString(),
                                caseResults.toString(),
                                truth.toString(),
                                String.join(",", GRADES),
                                String.join(",", GRADERS),
                                cuts,
                                Double.toString(level))
                        .redirectErrorStream(false)
                        .start();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(proc.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(proc.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(proc.exitValue()).as(err).isZero();
        Map<String, Double> ref = new HashMap<>();
        for (String line : out.split("\n")) {
            if (line.isBlank()) continue;
            int c = line.lastIndexOf(',');
            ref.put(line.substring(0, c), Double.parseDouble(line.substring(c + 1)));
        }
        return ref;
    }
}
