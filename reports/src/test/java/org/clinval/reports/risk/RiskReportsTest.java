package org.clinval.reports.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.clinval.reports.model.RiskReport;
import org.clinval.reports.testing.RiskDemo;
import org.clinval.risk.RiskManagementFile;
import org.clinval.risk.check.RiskCheck;
import org.clinval.risk.check.RiskCheckReport;
import org.clinval.risk.results.ResultsSource;
import org.clinval.risk.trace.TraceabilityMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RiskReportsTest {

    @TempDir Path dir;

    @Test
    void writesTheReportAndTheWorkbookIntoANewFolder() throws Exception {
        Path register = RiskDemo.files(dir.resolve("files"), t -> t);
        Path runDir = RiskDemo.run(dir, "run-1", List.of(), List.of(), t -> t);
        RiskManagementFile file = RiskDemo.read(register);
        Optional<ResultsSource> run = Optional.of(RiskDemo.open(runDir));
        RiskCheckReport check = RiskCheck.check(file, run);
        Path out = dir.resolve("reports").resolve("risk");

        RiskReports.Written w =
                RiskReports.write(
                        file, check, TraceabilityMatrix.of(check, run), RiskDemo.signatures(), out);

        assertThat(w.pdf()).isEqualTo(out.resolve("risk-management-report.pdf")).isRegularFile();
        assertThat(w.xlsx()).isEqualTo(out.resolve("traceability.xlsx")).isRegularFile();
        assertThat(Files.readAllBytes(w.pdf())).startsWith("%PDF-1.4".getBytes());
        assertThat(Files.readAllBytes(w.xlsx())).startsWith(new byte[] {'P', 'K'});
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("risk-management-report.pdf", "traceability.xlsx");
        }
    }

    @Test
    void recordsTheVersionTheBuildWrote() {
        assertThat(RiskReports.software()).matches("clinval \\d+\\.\\d+\\.\\d+\\S*");
    }

    @Test
    void refusesACheckOfAnotherFile() {
        RiskManagementFile a = RiskDemo.read(RiskDemo.files(dir.resolve("a"), t -> t));
        RiskManagementFile b =
                RiskDemo.read(
                        RiskDemo.files(
                                dir.resolve("b"), t -> t.replace("RMF-DEMO-001", "RMF-OTHER-002")));
        RiskCheckReport checkOfB = RiskCheck.check(b, Optional.empty());
        assertThatThrownBy(
                        () ->
                                RiskReports.write(
                                        a,
                                        checkOfB,
                                        TraceabilityMatrix.of(checkOfB, Optional.empty()),
                                        List.of(),
                                        dir.resolve("out")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RMF-OTHER-002")
                .hasMessageContaining("RMF-DEMO-001");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void refusesAMatrixOfAnotherCheck() {
        Path register = RiskDemo.files(dir.resolve("files"), t -> t);
        RiskManagementFile file = RiskDemo.read(register);
        RiskCheckReport withoutRun = RiskCheck.check(file, Optional.empty());
        Optional<ResultsSource> run =
                Optional.of(
                        RiskDemo.open(RiskDemo.run(dir, "run-1", List.of(), List.of(), t -> t)));
        RiskCheckReport withRun = RiskCheck.check(file, run);
        assertThatThrownBy(
                        () ->
                                new RiskReport(
                                        withRun,
                                        TraceabilityMatrix.of(withoutRun, Optional.empty()),
                                        List.of(),
                                        "clinval",
                                        RiskDemo.GENERATED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not of this risk check");
    }
}
