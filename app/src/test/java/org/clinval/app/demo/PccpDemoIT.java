package org.clinval.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.clinval.app.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clinval demo --pccp} end to end on a small study: version 1 and version 2 of the nodule
 * classifier run over one locked test set, the comparison under the demo plan and its PCCP report
 * are written beside the runs, and the demo site's dataset ledger holds exactly the accesses made
 * (each lock and inference with its model version, the comparison and the report's export) and
 * verifies — until one of its lines is edited.
 */
class PccpDemoIT {

    private static final int CASES = 40;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    @Test
    void bothVersionsShareTheTestSetAndTheLedgerCountsEveryAccess() throws Exception {
        Path out = dir.resolve("clinval-demo");
        CliRun r = CliRun.of("demo", "--pccp", "--cases", "" + CASES, "--out", out.toString());
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
        assertThat(r.exit()).as(r.err()).isIn(0, 3);
        JsonNode o = r.json();
        JsonNode p = o.get("pccp");
        assertThat(p).as(r.out()).isNotNull();
        System.out.println(
                "demo --pccp --cases "
                        + CASES
                        + ": "
                        + p.get("verdict")
                        + ", "
                        + o.get("wall_seconds")
                        + " s");

        // Both runs share the dataset hash: every case of each records the same one.
        Path baseline = Path.of(p.get("baseline_run").asText());
        Path candidate = Path.of(p.get("candidate_run").asText());
        assertThat(baseline).isEqualTo(Path.of(o.get("run").asText()));
        String dataset = p.get("dataset_sha256").asText();
        assertThat(dataset).matches("[0-9a-f]{64}");
        assertThat(datasetHashes(baseline)).containsExactly(dataset);
        assertThat(datasetHashes(candidate)).containsExactly(dataset);

        // The comparison and its report, beside the runs, with a verdict.
        Path comparison = Path.of(p.get("comparison").asText());
        assertThat(comparison).isRegularFile().hasFileName("pccp-comparison.json");
        assertThat(comparison.getParent().getParent()).isEqualTo(out);
        JsonNode c = JSON.readTree(comparison.toFile());
        assertThat(c.get("verdict").asText())
                .isIn("within plan", "outside plan", "undefined")
                .isEqualTo(p.get("verdict").asText());
        assertThat(c.get("dataset_sha256").asText()).isEqualTo(dataset);
        assertThat(c.get("pccp").get("id").asText()).isEqualTo("PCCP-DEMO-001");
        assertThat(Path.of(p.get("report").asText()))
                .isRegularFile()
                .hasFileName("pccp-report.docx");
        assertThat(r.err()).contains("PCCP verdict: version 2 is " + c.get("verdict").asText());

        // The ledger: the accesses of this demo only, by action and model version.
        Path site = out.resolveSibling(DemoSite.FOLDER);
        Path ledgerDir = site.resolve("ledger");
        CliRun l = ledger(dataset, ledgerDir, site);
        assertThat(l.exit()).as(l.err()).isZero();
        JsonNode lo = l.json();
        assertThat(lo.get("ok").asBoolean()).isTrue();
        assertThat(p.get("ledger_verified").asBoolean()).isTrue();
        Map<String, Integer> byActionAndVersion = new TreeMap<>();
        for (JsonNode e : lo.get("entries")) {
            byActionAndVersion.merge(
                    e.get("action").asText() + " " + e.get("model").get("version").asText(),
                    1,
                    Integer::sum);
        }
        assertThat(byActionAndVersion)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                "lock 1.0.0", 1,
                                "inference 1.0.0", 1,
                                "lock 2.0.0", 1,
                                "inference 2.0.0", 1,
                                "compare 2.0.0", 1,
                                "export 2.0.0", 1));
        JsonNode summary = lo.get("summary");
        assertThat(summary.get("uses").asInt()).isEqualTo(6);
        assertThat(summary.get("runs").asInt()).isEqualTo(2);
        assertThat(summary.get("by_model_version")).hasSize(2);
        assertThat(summary.get("by_model_version").get(0).get("version").asText())
                .isEqualTo("1.0.0");
        assertThat(summary.get("by_model_version").get(0).get("uses").asInt()).isEqualTo(2);
        assertThat(summary.get("by_model_version").get(1).get("version").asText())
                .isEqualTo("2.0.0");
        assertThat(summary.get("by_model_version").get(1).get("uses").asInt()).isEqualTo(4);
        for (JsonNode e : lo.get("entries")) {
            String action = e.get("action").asText();
            assertThat(e.get("purpose").asText())
                    .isEqualTo(
                            List.of("compare", "export").contains(action)
                                    ? "PCCP re-validation"
                                    : "validation study");
        }
        assertThat(p.get("ledger_uses_by_model_version").get("1.0.0").asInt()).isEqualTo(2);
        assertThat(p.get("ledger_uses_by_model_version").get("2.0.0").asInt()).isEqualTo(4);

        // An edited line: the ledger no longer verifies, and the line is named.
        Path file = Path.of(lo.get("ledger").asText());
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(6);
        assertThat(lines.get(1)).contains("\"model_version\":\"1.0.0\"");
        lines.set(
                1,
                lines.get(1).replace("\"model_version\":\"1.0.0\"", "\"model_version\":\"2.0.0\""));
        Files.write(file, lines, StandardCharsets.UTF_8);
        CliRun edited = ledger(dataset, ledgerDir, site);
        assertThat(edited.exit()).isNotZero();
        assertThat(edited.json().get("ok").asBoolean()).isFalse();
        assertThat(edited.err())
                .contains("the dataset ledger does not verify", file + " line 2")
                .doesNotContain("\tat ");
    }

    private static CliRun ledger(String dataset, Path ledgerDir, Path site) {
        return CliRun.of(
                "dataset",
                "ledger",
                dataset,
                "--ledger",
                ledgerDir.toString(),
                "--public-key",
                site.resolve("keys").resolve("site-key.public.json").toString());
    }

    /** The distinct dataset_sha256 values of a run's case results. */
    private static List<String> datasetHashes(Path run) throws Exception {
        List<String> lines = Files.readAllLines(run.resolve("case-results.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        int col = header.indexOf("dataset_sha256");
        assertThat(col).as("case-results.csv has dataset_sha256").isNotNegative();
        assertThat(lines).hasSizeGreaterThan(1);
        return lines.stream().skip(1).map(l -> l.split(",", -1)[col]).distinct().toList();
    }
}
