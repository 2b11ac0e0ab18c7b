package org.clinval.risk.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.clinval.risk.Acceptability;
import org.clinval.risk.ControlKind;
import org.clinval.risk.Hazard;
import org.clinval.risk.RiskManagementFile;
import org.clinval.risk.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped demo risk file is valid, complete against the synthetic run, and acceptable. */
class DemoRiskFileTest {

    @TempDir Path dir;

    @Test
    void demoFilesAreValidAndCoverTheRequiredHazards() {
        RiskManagementFile f = Fixtures.read(Fixtures.demo(dir));
        assertThat(f.register().hazards()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(f.register().hazards().stream().map(Hazard::hazard).toList())
                .anyMatch(h -> h.contains("false negative"))
                .anyMatch(h -> h.contains("false positive"))
                .anyMatch(h -> h.contains("drift"))
                .anyMatch(h -> h.contains("wrong patient"))
                .anyMatch(h -> h.contains("other than the validated one"))
                .anyMatch(h -> h.contains("health information"))
                .anyMatch(h -> h.contains("automation bias"))
                .anyMatch(h -> h.contains("outside the intended use"))
                .anyMatch(h -> h.contains("image quality"));
        assertThat(f.register().controls().stream().map(c -> c.kind()).distinct())
                .containsExactlyInAnyOrder(ControlKind.values());
        assertThat(f.requirements().stream().map(r -> r.id()))
                .contains(
                        "REQ-PERF-001",
                        "REQ-PERF-002",
                        "REQ-SUB-001",
                        "REQ-DATA-001",
                        "REQ-AUD-001",
                        "REQ-PHI-001",
                        "REQ-INP-001",
                        "REQ-MOD-001",
                        "REQ-LAB-001");
        assertThat(f.plan().severity().ids()).isEqualTo("S1, S2, S3, S4, S5");
        assertThat(f.plan().probability().ids()).isEqualTo("P1, P2, P3, P4, P5");
    }

    @Test
    void everythingPassingGivesNoGapAndAnAcceptableOverallResidualRisk() {
        RiskCheckReport r =
                Fixtures.check(
                        Fixtures.demo(dir), Fixtures.run(dir, "run-demo", Fixtures.unchanged()));
        assertThat(r.gaps()).isEmpty();
        assertThat(r.controls()).allMatch(ControlAssessment::effective);
        assertThat(r.controls())
                .filteredOn(c -> c.verification() == ControlVerification.VERIFIED_BY_RECORD)
                .extracting(ControlAssessment::id)
                .containsExactly("RCM-008");
        assertThat(r.control("RCM-008").orElseThrow().records())
                .extracting(c -> c.record().file())
                .containsExactly("labelling-inspection.md", "usability-summative-evaluation.md");
        assertThat(r.risks()).noneMatch(RiskAssessment::raised);
        assertThat(r.overall().verdict()).isEqualTo(OverallVerdict.ACCEPTABLE);
        assertThat(r.overall().residualCounts())
                .containsExactly(
                        Map.entry(Acceptability.ACCEPTABLE, 7),
                        Map.entry(Acceptability.INVESTIGATE, 4),
                        Map.entry(Acceptability.UNACCEPTABLE, 0));
        assertThat(r.overall().statement())
                .startsWith("The overall residual risk is acceptable by plan RMP-DEMO-001")
                .contains(
                        "(11 residual risks: 7 acceptable; 4 in the investigate region, at most 5"
                                + " allowed; 0 unacceptable, none allowed)")
                .endsWith("in run run-demo.");
        assertThat(r.runId()).contains("run-demo");
    }

    /** The matrix of plan.yaml read by hand for each hazard's stated levels. */
    @Test
    void initialAndResidualRegionsFollowThePlanMatrix() {
        RiskCheckReport r =
                Fixtures.check(
                        Fixtures.demo(dir), Fixtures.run(dir, "run-demo", Fixtures.unchanged()));
        Map<String, List<Acceptability>> expected =
                Map.ofEntries(
                        Map.entry("HAZ-001", regions("unacceptable", "investigate")), // S4/P4→P2
                        Map.entry("HAZ-002", regions("investigate", "acceptable")), // S3/P4→P2
                        Map.entry("HAZ-003", regions("unacceptable", "investigate")), // S4/P4→P2
                        Map.entry("HAZ-004", regions("investigate", "acceptable")), // S4/P3→P1
                        Map.entry("HAZ-005", regions("investigate", "acceptable")), // S4/P3→P1
                        Map.entry("HAZ-006", regions("investigate", "acceptable")), // S2/P4→P1
                        Map.entry("HAZ-007", regions("investigate", "investigate")), // S4/P3→P2
                        Map.entry("HAZ-008", regions("investigate", "acceptable")), // S4/P3→P1
                        Map.entry("HAZ-009", regions("investigate", "investigate")), // S4/P3→P2
                        Map.entry("HAZ-010", regions("investigate", "acceptable")), // S4/P3→P1
                        Map.entry("HAZ-011", regions("acceptable", "acceptable"))); // S1/P3
        assertThat(r.risks()).hasSize(expected.size());
        for (RiskAssessment a : r.risks()) {
            List<Acceptability> e = expected.get(a.id());
            assertThat(List.of(a.initialAcceptability(), a.residualAcceptability()))
                    .as(a.id())
                    .isEqualTo(e);
            assertThat(a.claimedAcceptability()).as(a.id()).isEqualTo(e.get(1));
            assertThat(a.residual()).as(a.id()).isEqualTo(a.hazard().residual());
        }
    }

    private static List<Acceptability> regions(String initial, String residual) {
        return List.of(Acceptability.parse(initial), Acceptability.parse(residual));
    }

    /** The usability record changed after it was cited: RCM-008 no longer reduces HAZ-007. */
    @Test
    void aForgedUsabilityRecordLeavesItsControlNotVerified() throws Exception {
        Path register = Fixtures.demo(dir);
        Files.writeString(
                dir.resolve("usability-summative-evaluation.md"),
                "Both acceptance criteria are met by a wide margin.\n",
                StandardOpenOption.APPEND);
        RiskCheckReport r =
                Fixtures.check(register, Fixtures.run(dir, "run-demo", Fixtures.unchanged()));
        ControlAssessment c = r.control("RCM-008").orElseThrow();
        assertThat(c.verification()).isEqualTo(ControlVerification.NOT_VERIFIED);
        assertThat(c.reasons())
                .singleElement()
                .asString()
                .startsWith(
                        "effectiveness record usability-summative-evaluation.md: SHA-256 differs:"
                                + " file has ")
                .endsWith(
                        ", risk file states"
                                + " e621d1f1f26d0c3937aba1c0b52705a1467854b76c02008fb9ace4230c9e8d9e");
        // The record verifies the control and its usability requirement: both lose it.
        assertThat(r.gaps())
                .extracting(Gap::kind, Gap::subject)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(GapKind.RECORD_CHANGED, "RCM-008"),
                        org.assertj.core.groups.Tuple.tuple(GapKind.RECORD_CHANGED, "REQ-USE-001"));
        assertThat(r.risk("HAZ-007").orElseThrow().raised()).isTrue();
        assertThat(r.overall().verdict()).isEqualTo(OverallVerdict.NOT_ACCEPTABLE);
        assertThat(r.overall().reasons()).singleElement().asString().startsWith("HAZ-007:");
        assertThat(r.overall().statement())
                .endsWith(
                        "RCM-008 (cited record usability-summative-evaluation.md changed since it"
                                + " was cited).");
    }
}
