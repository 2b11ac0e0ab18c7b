package org.clinval.risk.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.clinval.risk.check.EvidenceStatus;
import org.clinval.risk.check.Purpose;
import org.clinval.risk.check.RiskCheck;
import org.clinval.risk.check.RiskCheckReport;
import org.clinval.risk.results.Measurement;
import org.clinval.risk.results.ResultsSource;
import org.clinval.risk.results.RunFolder;
import org.clinval.risk.results.ScenarioStatus;
import org.clinval.risk.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceabilityMatrixTest {

    private static final String SENSITIVITY =
            "Sensitivity at the locked operating point meets the performance goal";

    @TempDir Path dir;

    private TraceabilityMatrix matrix(Optional<ResultsSource> run) {
        RiskCheckReport report = RiskCheck.check(Fixtures.read(Fixtures.demo(dir)), run);
        return TraceabilityMatrix.of(report, run);
    }

    @Test
    void rowsLinkRequirementHazardControlScenarioAndResult() {
        RunFolder run =
                Fixtures.open(Fixtures.run(dir, "run-demo", Fixtures.fail(SENSITIVITY, "low")));
        TraceabilityMatrix m = matrix(Optional.of(run));

        List<TraceRow> perf001 =
                m.rows().stream()
                        .filter(r -> r.requirement().equals(Optional.of("REQ-PERF-001")))
                        .toList();
        // RCM-001 (HAZ-001): implementation @REQ-PERF-001 and @REQ-PERF-002, effectiveness
        // @RCM-001;
        // then the requirement's own verified_by.
        assertThat(perf001)
                .extracting(
                        r -> r.hazard().orElse("-"),
                        r -> r.control().orElse("-"),
                        r -> r.purpose().map(Purpose::key).orElse("-"),
                        r -> r.reference().orElseThrow().describe(),
                        r -> r.status().orElseThrow())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "HAZ-001",
                                "RCM-001",
                                "implementation",
                                "@REQ-PERF-001",
                                EvidenceStatus.NOT_PASSED),
                        org.assertj.core.groups.Tuple.tuple(
                                "HAZ-001",
                                "RCM-001",
                                "implementation",
                                "@REQ-PERF-002",
                                EvidenceStatus.PASSED),
                        org.assertj.core.groups.Tuple.tuple(
                                "HAZ-001",
                                "RCM-001",
                                "effectiveness",
                                "@RCM-001",
                                EvidenceStatus.PASSED),
                        org.assertj.core.groups.Tuple.tuple(
                                "-",
                                "-",
                                "requirement",
                                "@REQ-PERF-001",
                                EvidenceStatus.NOT_PASSED));
        TraceRow first = perf001.get(0);
        assertThat(first.scenario().orElseThrow().name()).isEqualTo(SENSITIVITY);
        assertThat(first.scenarioStatus()).contains(ScenarioStatus.FAILED);
        assertThat(first.run()).contains("run-demo");
        // metrics.json EP1 lists both REQ-PERF-001 and RCM-001: one measurement, not two.
        assertThat(first.measurements()).hasSize(1);
        Measurement ep1 = first.measurements().get(0);
        assertThat(ep1.source()).isEqualTo("metrics.json endpoint EP1");
        assertThat(ep1.estimate().getAsDouble()).isEqualTo(0.9);
        assertThat(ep1.ci().orElseThrow().lower()).isCloseTo(0.8499, within(0.0));
        assertThat(ep1.level().getAsDouble()).isEqualTo(0.95);
        assertThat(ep1.method()).isEqualTo("clopper_pearson");
        assertThat(ep1.verdict()).contains("PASS");
        // Only the signature on the metrics.json as it is now backs the value.
        assertThat(ep1.signature().orElseThrow())
                .startsWith(
                        "Dana Reviewer (qa.lead), approved, 2025-06-03T14:30:00Z, metrics.json sha256:")
                .doesNotContain("reviewed");
        assertThat(perf001.get(3).measurements())
                .extracting(Measurement::source)
                .containsExactly("metrics.json endpoint EP1");
        assertThat(m.gaps()).isNotEmpty();
    }

    @Test
    void scenarioOutlineRowsAreOneRowEachAndHazardsWithoutControlsAppear() {
        TraceabilityMatrix m =
                matrix(
                        Optional.of(
                                Fixtures.open(
                                        Fixtures.run(dir, "run-demo", Fixtures.unchanged()))));
        List<TraceRow> sub =
                m.rows().stream()
                        .filter(r -> r.requirement().equals(Optional.of("REQ-SUB-001")))
                        .filter(r -> r.control().isEmpty())
                        .toList();
        assertThat(sub).hasSize(3);
        assertThat(sub)
                .extracting(r -> r.scenario().orElseThrow().line())
                .containsExactly(14, 15, 16);
        assertThat(m.rows().get(m.rows().size() - 1))
                .satisfies(
                        r -> {
                            assertThat(r.hazard()).contains("HAZ-011");
                            assertThat(r.requirement()).isEmpty();
                            assertThat(r.control()).isEmpty();
                            assertThat(r.status()).isEmpty();
                        });
        assertThat(m.gaps()).isEmpty();
        // REQ-LAB-001 implements RCM-003 (HAZ-003) and RCM-008 (HAZ-001, HAZ-007).
        assertThat(
                        m.rows().stream()
                                .filter(r -> r.requirement().equals(Optional.of("REQ-LAB-001")))
                                .map(r -> r.hazard().orElse("-") + " " + r.control().orElse("-"))
                                .distinct())
                .containsExactly("HAZ-003 RCM-003", "HAZ-001 RCM-008", "HAZ-007 RCM-008", "- -");
    }

    @Test
    void withoutResultsRowsShowTheMissingEvidence() {
        TraceabilityMatrix m = matrix(Optional.empty());
        assertThat(m.rows())
                .filteredOn(r -> r.status().isPresent())
                .allSatisfy(
                        r -> {
                            assertThat(r.status()).contains(EvidenceStatus.NO_RESULTS);
                            assertThat(r.scenario()).isEmpty();
                            assertThat(r.run()).isEmpty();
                            assertThat(r.measurements()).isEmpty();
                        });
        assertThat(m.gaps()).hasSize(1);
    }
}
