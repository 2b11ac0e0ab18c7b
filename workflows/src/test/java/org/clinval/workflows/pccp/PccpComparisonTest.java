package org.clinval.workflows.pccp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What stops a comparison: a different reference standard, a missing column, a bad run folder. */
class PccpComparisonTest {

    private static final String DATASET = "d".repeat(64);
    private static final String PLAN =
            """
            pccp: PCCP-T
            endpoints:
              - {id: EP1, measure: sensitivity, margin: 0.1}
              - {id: EP2, measure: auc, margin: 0.05}
            subgroups: [site]
            """;

    @TempDir Path dir;
    Path baseline;
    Path candidate;
    PccpPlan plan;

    @BeforeEach
    void runs() throws Exception {
        baseline = run("base", "1,0.9,1", "0,0.2,0");
        candidate = run("cand", "1,0.8,1", "0,0.3,0");
        plan = PccpPlanReader.parse(dir.resolve("PCCP.yaml"), PLAN);
    }

    @Test
    void identicalCallsOnTwoCasesAreUndefinedForTheAucAndCounted() throws Exception {
        ObjectNode o = PccpComparison.compare(baseline, candidate, plan);
        assertThat(o.path("pairing").path("paired").asInt()).isEqualTo(2);
        assertThat(o.at("/endpoints/1/overall/verdict").asText()).isEqualTo("undefined");
        assertThat(o.at("/endpoints/1/overall/undefined_reason").asText()).contains("at least 2");
        assertThat(o.at("/endpoints/0/overall/counts/both").asInt()).isEqualTo(1);
        assertThat(o.path("verdict").asText()).isIn("undefined", "outside plan");
    }

    @Test
    void aPairedCaseWithAnotherLabelStops() throws Exception {
        candidate = run("cand2", "0,0.8,1", "0,0.3,0");
        assertThatThrownBy(() -> PccpComparison.compare(baseline, candidate, plan))
                .isInstanceOf(ComparisonException.class)
                .hasMessageContaining("case C1 has label 1")
                .hasMessageContaining("line 2");
    }

    @Test
    void aSubgroupColumnMissingFromARunIsNamed() throws Exception {
        PccpPlan other =
                PccpPlanReader.parse(dir.resolve("PCCP.yaml"), PLAN.replace("[site]", "[scanner]"));
        assertThatThrownBy(() -> PccpComparison.compare(baseline, candidate, other))
                .hasMessageContaining("PCCP.yaml: subgroup scanner is not a column of")
                .hasMessageContaining("case-results.csv");
    }

    @Test
    void aDatasetHashThatIsNotTheLockedManifestsStops() throws Exception {
        Files.writeString(candidate.resolve("manifest.sha256"), "ab".repeat(32) + "  x.dcm\n");
        assertThatThrownBy(() -> PccpComparison.compare(baseline, candidate, plan))
                .hasMessageContaining("is not the hash of the dataset locked in");
    }

    @Test
    void aFolderThatIsNotARunIsNamed() {
        assertThatThrownBy(() -> PccpComparison.compare(dir, candidate, plan))
                .hasMessageContaining("the baseline run " + dir)
                .hasMessageContaining("no case-results.csv");
    }

    private Path run(String name, String c1, String c2) throws IOException {
        Path run = Files.createDirectories(dir.resolve(name));
        String tail = "," + "a".repeat(64) + "," + DATASET + "\n";
        Files.writeString(
                run.resolve("case-results.csv"),
                "case_id,site,label,score,prediction,model_sha256,dataset_sha256\n"
                        + "C1,A,"
                        + c1
                        + tail
                        + "C2,A,"
                        + c2
                        + tail);
        Files.writeString(run.resolve("metrics.json"), "{\"task\": \"classification\"}\n");
        Files.writeString(run.resolve("study.json"), "{\"study\": \"T\"}\n");
        return run;
    }
}
