package org.clinval.app.study;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clinval.app.testing.CliRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clinval study compare} on two run folders written from the cases of the R reference: the
 * comparison record equals R's numbers overall and in every subgroup; one-run-only cases are
 * listed; a malformed plan and runs on different locked datasets are refused with the file named.
 */
class CompareCommandTest {

    private static final String DATASET = "d".repeat(64);
    private static final String HEADER =
            "case_id,site,manufacturer,sex,age_band,label,score,prediction,model_sha256,"
                    + "dataset_sha256";
    private static final String PLAN =
            """
            pccp: PCCP-TEST
            title: Retraining of the nodule classifier
            endpoints:
              - id: EP1
                measure: sensitivity
                margin: 0.05
              - id: EP2
                measure: specificity
                margin: 0.05
              - id: EP3
                measure: auc
                margin: 0.03
            subgroups: [site, manufacturer]
            level: 0.95
            """;

    @TempDir Path dir;
    Path baseline;
    Path candidate;
    Path plan;

    @BeforeEach
    void runs() throws IOException {
        List<Map<String, String>> cases = CliRun.reference("pccp_cases.csv");
        baseline = run("run-baseline", "a".repeat(64), DATASET, cases, "baseline_score");
        candidate = run("run-candidate", "b".repeat(64), DATASET, cases, "candidate_score");
        // A case quarantined in the candidate run, and one the baseline never had.
        Files.writeString(
                baseline.resolve("case-results.csv"),
                line("Q001", "A", "GE", 1, 0.9, "a".repeat(64), DATASET),
                java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(
                candidate.resolve("quarantine.csv"),
                "case_id,input,stage,reason\nQ001,Q001,load,unreadable pixel data\n");
        Files.writeString(
                candidate.resolve("case-results.csv"),
                line("N001", "B", "GE", 0, 0.1, "b".repeat(64), DATASET),
                java.nio.file.StandardOpenOption.APPEND);
        plan = dir.resolve("PCCP.yaml");
        Files.writeString(plan, PLAN);
    }

    /**
     * Reference: pccp_comparison.csv (R 4.2.2, pROC 1.18.0, validation/src/test/r/pccp_reference.R)
     * over pccp_cases.csv: {@code roc.test(roc(label, candidate_score, levels = c(0, 1), direction
     * = "<"), roc(label, baseline_score, ...), paired = TRUE, method = "delong", conf.level =
     * 0.95)}; {@code mcnemar.test(matrix(c(both, baseline_only, candidate_only, neither), 2),
     * correct = FALSE|TRUE)}; Tango's interval by {@code uniroot} over the closed-form score
     * statistic and {@code pnorm(tango_z(b, c, n, -margin), lower.tail = FALSE)}.
     */
    @Test
    void theComparisonEqualsTheRReference() throws Exception {
        CliRun r =
                CliRun.of(
                        "study",
                        "compare",
                        "--baseline",
                        baseline.toString(),
                        "--candidate",
                        candidate.toString(),
                        "--plan",
                        plan.toString());
        assertThat(r.exit()).as(r.err()).isIn(0, 3);
        JsonNode o = new ObjectMapper().readTree(r.out());
        // Written beside the candidate's run, which takes no new file once sealed.
        Path written =
                candidate.resolveSibling("run-candidate-pccp").resolve("pccp-comparison.json");
        assertThat(candidate.resolve("pccp")).doesNotExist();
        assertThat(new ObjectMapper().readTree(written.toFile())).isEqualTo(o);
        assertThat(o.path("format").asText()).isEqualTo("clinval-pccp-comparison/1");
        assertThat(o.path("dataset_sha256").asText()).isEqualTo(DATASET);
        assertThat(o.path("pccp").path("sha256").asText())
                .isEqualTo(org.clinval.common.Sha256.of(plan));
        assertThat(o.path("baseline").path("model_sha256").asText()).isEqualTo("a".repeat(64));
        assertThat(o.path("candidate").path("model_sha256").asText()).isEqualTo("b".repeat(64));
        assertThat(o.path("candidate").path("run").asText()).isEqualTo("run-candidate");
        JsonNode pairing = o.path("pairing");
        assertThat(pairing.path("paired").asInt()).isEqualTo(94);
        assertThat(pairing.path("baseline_only").path("count").asInt()).isEqualTo(1);
        assertThat(pairing.at("/baseline_only/cases/0/reason").asText())
                .contains("quarantined")
                .contains("unreadable pixel data");
        assertThat(pairing.at("/candidate_only/cases/0/case_id").asText()).isEqualTo("N001");

        double worst = 0;
        int compared = 0;
        for (Map<String, String> ref : CliRun.reference("pccp_comparison.csv")) {
            JsonNode c = find(o, ref);
            worst = Math.max(worst, check(c, ref));
            compared++;
        }
        assertThat(compared).isEqualTo(18);
        assertThat(worst).isLessThan(1e-9);
        // Site C has no positive case: its sensitivity is undefined, reported, not dropped.
        JsonNode siteC = find(o, Map.of("measure", "sensitivity", "stratum", "site", "value", "C"));
        assertThat(siteC.path("verdict").asText()).isEqualTo("undefined");
        assertThat(siteC.path("undefined_reason").asText()).isNotBlank();
        assertThat(r.out()).doesNotContain("NaN");
        // Over all cases the candidate's sensitivity interval reaches below -0.05.
        assertThat(o.path("verdict").asText()).isEqualTo("outside plan");
        assertThat(r.exit()).isEqualTo(3);
    }

    @Test
    void aMalformedPlanIsRefusedWithItsLineAndColumn() throws Exception {
        Files.writeString(plan, PLAN.replace("measure: auc", "measure: accuracy"));
        CliRun r = compare(dir.resolve("out"));
        assertThat(r.exit()).isNotZero();
        assertThat(r.err())
                .contains("PCCP.yaml line 11, column 14, endpoints[2].measure")
                .contains("accuracy");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void runsOnDifferentLockedDatasetsAreRefused() throws Exception {
        Path other =
                run(
                        "run-other",
                        "b".repeat(64),
                        "e".repeat(64),
                        CliRun.reference("pccp_cases.csv"),
                        "candidate_score");
        CliRun r =
                CliRun.of(
                        "study",
                        "compare",
                        "--baseline",
                        baseline.toString(),
                        "--candidate",
                        other.toString(),
                        "--plan",
                        plan.toString());
        assertThat(r.exit()).isNotZero();
        assertThat(r.err())
                .contains("not made on the same locked test set")
                .contains(DATASET)
                .contains("e".repeat(64))
                .contains(other.resolve("case-results.csv").toString());
    }

    private CliRun compare(Path out) {
        return CliRun.of(
                "study",
                "compare",
                "--baseline",
                baseline.toString(),
                "--candidate",
                candidate.toString(),
                "--plan",
                plan.toString(),
                "--out",
                out.toString());
    }

    private static JsonNode find(JsonNode o, Map<String, String> ref) {
        for (JsonNode ep : o.path("endpoints")) {
            if (!ep.path("measure").asText().equals(ref.get("measure"))) continue;
            if (ref.get("stratum").equals("all")) return ep.path("overall");
            for (JsonNode s : ep.path("subgroups")) {
                if (s.path("column").asText().equals(ref.get("stratum"))
                        && s.path("value").asText().equals(ref.get("value"))) {
                    return s;
                }
            }
        }
        throw new AssertionError("no comparison for " + ref);
    }

    private static double check(JsonNode c, Map<String, String> ref) {
        assertThat(c.path("n").asLong()).as("%s n", ref).isEqualTo(Long.parseLong(ref.get("n")));
        assertThat(c.path("margin").asDouble()).isEqualTo(Double.parseDouble(ref.get("margin")));
        List<Object[]> pairs = new ArrayList<>();
        pairs.add(new Object[] {"baseline", c.path("baseline")});
        pairs.add(new Object[] {"candidate", c.path("candidate")});
        pairs.add(new Object[] {"difference", c.path("difference")});
        pairs.add(new Object[] {"lower", c.path("ci").path(0)});
        pairs.add(new Object[] {"upper", c.path("ci").path(1)});
        pairs.add(new Object[] {"statistic", c.path("statistic")});
        pairs.add(new Object[] {"p", c.path("p")});
        if (!ref.get("measure").equals("auc")) {
            pairs.add(new Object[] {"statistic_cc", c.at("/tests/mcnemar_corrected/statistic")});
            pairs.add(new Object[] {"p_cc", c.at("/tests/mcnemar_corrected/p_two_sided")});
            pairs.add(new Object[] {"tango_z", c.at("/tests/tango_non_inferiority/z")});
            pairs.add(new Object[] {"tango_p", c.at("/tests/tango_non_inferiority/p_one_sided")});
        }
        double worst = 0;
        for (Object[] p : pairs) {
            String key = (String) p[0];
            JsonNode v = (JsonNode) p[1];
            if (ref.get(key).equals("NA")) {
                assertThat(v.isNumber()).as("%s %s is not a number", ref, key).isFalse();
                continue;
            }
            assertThat(v.isNumber()).as("%s %s", ref, key).isTrue();
            double d = Math.abs(v.asDouble() - Double.parseDouble(ref.get(key)));
            assertThat(d).as("%s %s", ref, key).isLessThan(1e-9);
            worst = Math.max(worst, d);
        }
        String expected =
                ref.get("lower").equals("NA")
                        ? "undefined"
                        : Double.parseDouble(ref.get("lower"))
                                        > -Double.parseDouble(ref.get("margin"))
                                ? "within plan"
                                : "outside plan";
        assertThat(c.path("verdict").asText()).as("%s verdict", ref).isEqualTo(expected);
        return worst;
    }

    private Path run(
            String name, String model, String dataset, List<Map<String, String>> cases, String col)
            throws IOException {
        Path run = Files.createDirectories(dir.resolve(name));
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (Map<String, String> c : cases) {
            b.append(
                    line(
                            c.get("case_id"),
                            c.get("site"),
                            c.get("manufacturer"),
                            (int) Double.parseDouble(c.get("label")),
                            Double.parseDouble(c.get(col)),
                            model,
                            dataset));
        }
        Files.writeString(run.resolve("case-results.csv"), b.toString());
        Files.writeString(
                run.resolve("metrics.json"),
                "{\"study\": \"PCCP-TEST\", \"task\": \"classification\", \"operating_point\":"
                        + " {\"threshold\": 0.5, \"rule\": \">=\", \"positive_class\": \"1\","
                        + " \"direction\": \"higher\"}}\n");
        Files.writeString(
                run.resolve("study.json"),
                "{\"study\": \"PCCP-TEST\", \"process_instance\": \"" + name + "-pi\"}\n");
        return run;
    }

    private static String line(
            String id, String site, String mf, int label, double score, String m, String d) {
        return String.join(
                        ",",
                        id,
                        site,
                        mf,
                        "F",
                        "40-59",
                        Integer.toString(label),
                        Double.toString(score),
                        score >= 0.5 ? "1" : "0",
                        m,
                        d)
                + "\n";
    }
}
