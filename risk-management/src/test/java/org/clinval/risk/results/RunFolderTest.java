package org.clinval.risk.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.clinval.risk.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {

    @TempDir Path dir;

    @Test
    void runIdIsTheFolderNameAndMeasurementsComeFromMetrics() throws Exception {
        RunFolder run =
                RunFolder.open(Fixtures.run(dir, "2025-06-03-site-b", Fixtures.unchanged()));
        assertThat(run.runId()).isEqualTo("2025-06-03-site-b");
        assertThat(run.scenarios()).hasSize(33);
        assertThat(run.measurements("RCM-001"))
                .extracting(Measurement::source)
                .containsExactly("metrics.json endpoint EP1");
        assertThat(run.measurements("REQ-PERF-003")).isEmpty();
    }

    @Test
    void aChangedMetricsFileLosesItsSignature() throws Exception {
        Path run = Fixtures.run(dir, "r", Fixtures.unchanged());
        Files.writeString(
                run.resolve("metrics.json"),
                Files.readString(run.resolve("metrics.json")).replace("0.9,", "0.91,"));
        Measurement m = RunFolder.open(run).measurements("REQ-PERF-001").get(0);
        assertThat(m.estimate().getAsDouble()).isEqualTo(0.91);
        assertThat(m.signature()).isEmpty();
    }

    @Test
    void withoutMetricsThereAreNoMeasurements() throws Exception {
        Path run = Fixtures.run(dir, "r", Fixtures.unchanged());
        Files.delete(run.resolve("metrics.json"));
        assertThat(RunFolder.open(run).measurements("REQ-PERF-001")).isEmpty();
    }

    @Test
    void missingFolderOrReportIsNamed() throws Exception {
        assertThatThrownBy(() -> RunFolder.open(dir.resolve("nope")))
                .isInstanceOf(ResultsReadException.class)
                .hasMessage(dir.resolve("nope") + ": no such folder");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> RunFolder.open(empty))
                .isInstanceOf(ResultsReadException.class)
                .hasMessage(
                        empty + ": no cucumber.json (the acceptance step's Cucumber JSON report)");
        Path run = Fixtures.run(dir, "r", Fixtures.unchanged());
        Files.writeString(run.resolve("signatures.jsonl"), "{\"user\":\n");
        assertThatThrownBy(() -> RunFolder.open(run))
                .isInstanceOf(ResultsReadException.class)
                .hasMessageStartingWith(run.resolve("signatures.jsonl") + " line 1: not JSON: ");
    }
}
