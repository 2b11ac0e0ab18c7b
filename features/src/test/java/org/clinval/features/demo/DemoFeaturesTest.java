package org.clinval.features.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinval.features.AcceptanceRun;
import org.clinval.features.testing.RunFolderFixture;
import org.clinval.risk.Hazard;
import org.clinval.risk.Requirement;
import org.clinval.risk.RiskControl;
import org.clinval.risk.RiskManagementFile;
import org.clinval.risk.check.ControlAssessment;
import org.clinval.risk.check.ControlVerification;
import org.clinval.risk.check.EvidenceCheck;
import org.clinval.risk.check.GapKind;
import org.clinval.risk.check.RiskCheck;
import org.clinval.risk.check.RiskCheckReport;
import org.clinval.risk.io.RiskFileReader;
import org.clinval.risk.results.RunFolder;
import org.clinval.workflows.protocol.Endpoint;
import org.clinval.workflows.protocol.ProtocolReader;
import org.clinval.workflows.protocol.StudyProtocol;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's acceptance criteria, its protocol and its risk management file name the same things,
 * and the risk check finds in a run's Cucumber report the evidence the criteria give.
 */
class DemoFeaturesTest {

    @TempDir Path dir;
    RiskManagementFile risk;

    @BeforeEach
    void readRiskFile() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("risk"));
        for (String name :
                List.of(
                        "risk-file.yaml",
                        "plan.yaml",
                        "requirements.yaml",
                        "labelling-inspection.md",
                        "usability-summative-evaluation.md")) {
            try (InputStream in =
                    getClass().getResourceAsStream("/org/clinval/risk/demo/" + name)) {
                Files.copy(in, folder.resolve(name));
            }
        }
        risk = RiskFileReader.read(folder.resolve("risk-file.yaml"));
    }

    private Set<String> riskIds() {
        Set<String> ids = new HashSet<>();
        risk.requirements().stream().map(Requirement::id).forEach(ids::add);
        risk.register().controls().stream().map(RiskControl::id).forEach(ids::add);
        risk.register().hazards().stream().map(Hazard::id).forEach(ids::add);
        return ids;
    }

    @Test
    void everyIdTagOfTheDemoFeatureNamesARequirementControlOrHazardOfTheRiskFile()
            throws Exception {
        String feature =
                new String(
                        getClass()
                                .getClassLoader()
                                .getResourceAsStream(DemoFeatures.RESOURCE)
                                .readAllBytes(),
                        StandardCharsets.UTF_8);
        Set<String> tags = new TreeSet<>();
        Matcher m = Pattern.compile("^\\s*(@.*)$", Pattern.MULTILINE).matcher(feature);
        while (m.find()) {
            for (String t : m.group(1).split("\\s+")) {
                if (t.matches("@(REQ|RCM|HAZ)-.*")) tags.add(t.substring(1));
            }
        }
        assertThat(tags)
                .contains(
                        "REQ-PERF-001",
                        "REQ-PERF-002",
                        "REQ-PERF-003",
                        "RCM-001",
                        "RCM-002",
                        "RCM-003",
                        "REQ-SUB-001")
                .allSatisfy(t -> assertThat(riskIds()).contains(t));
    }

    @Test
    void theDemoProtocolVerifiesRequirementsAndControlsOfTheRiskFile() throws Exception {
        Path file = dir.resolve("demo-study.yaml");
        try (InputStream in =
                getClass().getResourceAsStream("/org/clinval/workflows/example/demo-study.yaml")) {
            Files.copy(in, file);
        }
        StudyProtocol p = ProtocolReader.read(file, dir, false);
        for (Endpoint e : p.endpoints()) {
            assertThat(e.requirements())
                    .allSatisfy(
                            id ->
                                    assertThat(risk.requirement(id))
                                            .as(e.id() + " " + id)
                                            .isPresent());
            assertThat(e.riskControls())
                    .allSatisfy(
                            id ->
                                    assertThat(risk.register().control(id))
                                            .as(e.id() + " " + id)
                                            .isPresent());
        }
        // The risk file's performance requirements are each an endpoint's, with the same measure.
        assertThat(
                        p.endpoints().stream()
                                .filter(e -> e.requirements().equals(List.of("REQ-PERF-002"))))
                .singleElement()
                .satisfies(e -> assertThat(e.criterion().measure().key()).isEqualTo("auc"));
        assertThat(
                        p.endpoints().stream()
                                .filter(e -> e.requirements().equals(List.of("REQ-PERF-003"))))
                .singleElement()
                .satisfies(e -> assertThat(e.criterion().measure().key()).isEqualTo("specificity"));
    }

    @Test
    void theRiskCheckFindsTheRunsEvidenceForThePerformanceControls() throws Exception {
        Path run = RunFolderFixture.in(dir.resolve("run-demo")).write();
        assertThat(
                        AcceptanceRun.run(run, DemoFeatures.writeTo(dir.resolve("features")), run)
                                .passed())
                .isTrue();

        RiskCheckReport r = RiskCheck.check(risk, Optional.of(RunFolder.open(run)));

        for (String id : List.of("RCM-001", "RCM-002", "RCM-003")) {
            ControlAssessment c = r.control(id).orElseThrow();
            assertThat(c.effective()).as(id + " " + c.reasons()).isTrue();
            assertThat(c.effectiveness()).allMatch(EvidenceCheck::passed);
        }
        for (String id :
                List.of(
                        "REQ-PERF-001",
                        "REQ-PERF-002",
                        "REQ-PERF-003",
                        "REQ-SUB-001",
                        "REQ-AUD-001",
                        "REQ-DATA-001",
                        "REQ-INP-001")) {
            assertThat(r.requirements().stream().filter(e -> e.subject().equals(id)))
                    .as(id)
                    .isNotEmpty()
                    .allMatch(EvidenceCheck::passed);
        }
        // RCM-012's effectiveness scenario passed, but its implementation also needs patient
        // disjointness (REQ-DATA-002), of which a study run holds no evidence: not effective.
        ControlAssessment c12 = r.control("RCM-012").orElseThrow();
        assertThat(c12.effectiveness()).allMatch(EvidenceCheck::passed);
        assertThat(c12.effective()).isFalse();
        assertThat(String.join(" ", c12.reasons())).contains("REQ-DATA-002");
        // The demo's report shows each verification status as it really occurs: the performance
        // controls by the study, the labelling and usability control by its signed records, and
        // post-market monitoring (no evidence in a study run) not verified.
        assertThat(r.control("RCM-001").orElseThrow().verification())
                .isEqualTo(ControlVerification.VERIFIED_BY_STUDY);
        assertThat(r.control("RCM-008").orElseThrow().verification())
                .isEqualTo(ControlVerification.VERIFIED_BY_RECORD);
        assertThat(r.control("RCM-004").orElseThrow().verification())
                .isEqualTo(ControlVerification.NOT_VERIFIED);
        assertThat(r.gaps()).noneMatch(g -> g.kind() == GapKind.UNKNOWN_TAG);
        assertThat(r.gaps())
                .anyMatch(
                        g ->
                                g.kind() == GapKind.SCENARIO_NOT_FOUND
                                        && g.subject().equals("RCM-004"));
    }

    @Test
    void aSiteBelowItsGoalMakesTheSubgroupControlNotEffective() throws Exception {
        Path run = RunFolderFixture.in(dir.resolve("run-worse")).missing(7).write();
        assertThat(
                        AcceptanceRun.run(run, DemoFeatures.writeTo(dir.resolve("features")), run)
                                .passed())
                .isFalse();

        RiskCheckReport r = RiskCheck.check(risk, Optional.of(RunFolder.open(run)));

        assertThat(r.control("RCM-003").orElseThrow().effective()).isFalse();
        assertThat(r.gaps())
                .anyMatch(
                        g ->
                                g.kind() == GapKind.SCENARIO_NOT_PASSED
                                        && g.message().contains("Sensitivity holds at every site"));
    }
}
