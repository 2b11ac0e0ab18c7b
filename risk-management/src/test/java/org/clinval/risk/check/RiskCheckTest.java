package org.clinval.risk.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.clinval.risk.Acceptability;
import org.clinval.risk.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check of the demo file against edited copies of the synthetic run. */
class RiskCheckTest {

    private static final String MODEL_EFFECTIVE =
            "Every result of the run was computed by the approved model";
    private static final String INPUT_EFFECTIVE =
            "Every case is accounted for as a result or a quarantined series";

    @TempDir Path dir;

    @Test
    void removedScenarioIsAGapAndItsControlIsNotEffective() {
        RiskCheckReport r =
                Fixtures.check(
                        Fixtures.demo(dir),
                        Fixtures.run(dir, "run-7", Fixtures.remove(INPUT_EFFECTIVE)));

        assertThat(r.gaps())
                .containsExactly(
                        new Gap(
                                GapKind.SCENARIO_NOT_FOUND,
                                "RCM-010",
                                "RCM-010 effectiveness evidence @RCM-010: matches no scenario of"
                                        + " run run-7 (removed, renamed or untagged?)"));
        ControlAssessment c = r.control("RCM-010").orElseThrow();
        assertThat(c.effective()).isFalse();
        assertThat(c.effectiveness())
                .singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(EvidenceStatus.NOT_FOUND));
        assertThat(c.implementation()).allMatch(EvidenceCheck::passed);
        // HAZ-008 falls back to its initial S4/P3: from acceptable to investigate.
        RiskAssessment h = r.risk("HAZ-008").orElseThrow();
        assertThat(h.residual().label()).isEqualTo("S4/P3");
        assertThat(h.hazard().residual().label()).isEqualTo("S4/P1");
        assertThat(h.raised()).isTrue();
        assertThat(h.residualAcceptability()).isEqualTo(Acceptability.INVESTIGATE);
        assertThat(h.controls())
                .singleElement()
                .satisfies(e -> assertThat(e.effective()).isFalse());
        assertThat(r.overall().verdict()).isEqualTo(OverallVerdict.NOT_ACCEPTABLE);
        assertThat(r.overall().reasons())
                .containsExactly(
                        "HAZ-008: the residual risk S4/P3 with RCM-010 not effective calls for"
                                + " further risk reduction and no reduction rationale covers it");
    }

    @Test
    void failingScenarioMakesItsControlNotEffectiveAndRaisesTheResidualRisk() {
        RiskCheckReport r =
                Fixtures.check(
                        Fixtures.demo(dir),
                        Fixtures.run(
                                dir,
                                "run-8",
                                Fixtures.fail(
                                        MODEL_EFFECTIVE,
                                        "expected model sha256 3f2a but case 17 has 9b4c")));

        ControlAssessment c = r.control("RCM-006").orElseThrow();
        assertThat(c.effective()).isFalse();
        assertThat(c.reasons())
                .singleElement()
                .asString()
                .startsWith("effectiveness @RCM-006: 1 of 1 scenario did not pass in run run-8")
                .contains("features/integrity.feature:22")
                .contains("failed (expected model sha256 3f2a but case 17 has 9b4c)");
        RiskAssessment h = r.risk("HAZ-005").orElseThrow();
        // S4/P1 (acceptable) with RCM-006 → S4/P3 (investigate) without it.
        assertThat(h.hazard().residual().label()).isEqualTo("S4/P1");
        assertThat(h.claimedAcceptability()).isEqualTo(Acceptability.ACCEPTABLE);
        assertThat(h.residual().label()).isEqualTo("S4/P3");
        assertThat(h.residualAcceptability()).isEqualTo(Acceptability.INVESTIGATE);
        assertThat(h.notEffective()).containsExactly("RCM-006");
        assertThat(r.gaps())
                .extracting(Gap::kind, Gap::subject)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                GapKind.SCENARIO_NOT_PASSED, "RCM-006"));
        assertThat(r.overall().verdict()).isEqualTo(OverallVerdict.NOT_ACCEPTABLE);
        // Every other hazard keeps its claimed residual risk.
        assertThat(r.risks())
                .filteredOn(RiskAssessment::raised)
                .extracting(RiskAssessment::id)
                .containsExactly("HAZ-005");
    }

    @Test
    void failedSensitivityLeavesTheMissedCancerRiskUnacceptable() {
        RiskCheckReport r =
                Fixtures.check(
                        Fixtures.demo(dir),
                        Fixtures.run(
                                dir,
                                "run-9",
                                Fixtures.fail(
                                        "Sensitivity at the locked operating point meets the"
                                                + " performance goal",
                                        "CI lower bound 0.78 < 0.80")));
        // The requirement's scenario is RCM-001's implementation evidence and REQ-PERF-001's own.
        assertThat(r.gaps())
                .extracting(Gap::kind, Gap::subject)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(GapKind.SCENARIO_NOT_PASSED, "RCM-001"),
                        org.assertj.core.groups.Tuple.tuple(
                                GapKind.SCENARIO_NOT_PASSED, "REQ-PERF-001"));
        RiskAssessment h = r.risk("HAZ-001").orElseThrow();
        assertThat(h.residual().label()).isEqualTo("S4/P4");
        assertThat(h.residualAcceptability()).isEqualTo(Acceptability.UNACCEPTABLE);
        assertThat(r.overall().reasons())
                .containsExactly(
                        "HAZ-001: the residual risk S4/P4 with RCM-001 not effective is"
                                + " unacceptable and the plan accepts no unacceptable residual"
                                + " risk");
        assertThat(r.overall().residualCounts())
                .containsEntry(Acceptability.UNACCEPTABLE, 1)
                .containsEntry(Acceptability.INVESTIGATE, 3);
    }

    @Test
    void withoutResultsOnlyAControlVerifiedByRecordsAloneIsEffective() {
        RiskCheckReport r = RiskCheck.check(Fixtures.read(Fixtures.demo(dir)), Optional.empty());
        assertThat(r.gaps())
                .singleElement()
                .satisfies(
                        g -> {
                            assertThat(g.kind()).isEqualTo(GapKind.RESULTS_MISSING);
                            assertThat(g.subject()).isEqualTo("RMF-DEMO-001");
                        });
        // RCM-008 cites signed records only: they are checked without a run.
        assertThat(r.controls())
                .filteredOn(ControlAssessment::effective)
                .extracting(ControlAssessment::id)
                .containsExactly("RCM-008");
        assertThat(r.control("RCM-008").orElseThrow().verification())
                .isEqualTo(ControlVerification.VERIFIED_BY_RECORD);
        assertThat(r.controls().get(0).implementation())
                .allMatch(e -> e.status() == EvidenceStatus.NO_RESULTS);
        for (RiskAssessment a : r.risks()) {
            if (a.id().equals("HAZ-007")) {
                assertThat(a.residual()).as(a.id()).isEqualTo(a.hazard().residual());
            } else {
                assertThat(a.residual()).as(a.id()).isEqualTo(a.hazard().initial());
            }
        }
        assertThat(r.runId()).isEmpty();
        assertThat(r.overall().verdict()).isEqualTo(OverallVerdict.NOT_ACCEPTABLE);
    }

    @Test
    void evidencePinnedToAnotherRunIsAGap() {
        Path register = Fixtures.demo(dir);
        String text =
                Fixtures.demoText("risk-file.yaml")
                        .replace(
                                "        - tag: \"@RCM-007\"\n",
                                "        - tag: \"@RCM-007\"\n          run: run-2024-11\n");
        Fixtures.write(dir, "risk-file.yaml", text);
        RiskCheckReport r =
                Fixtures.check(register, Fixtures.run(dir, "run-2025-06", Fixtures.unchanged()));
        assertThat(r.gaps())
                .containsExactly(
                        new Gap(
                                GapKind.OTHER_RUN,
                                "RCM-007",
                                "RCM-007 effectiveness evidence @RCM-007 in run run-2024-11: must"
                                        + " come from run run-2024-11; the results are of run"
                                        + " run-2025-06"));
        assertThat(r.control("RCM-007").orElseThrow().effective()).isFalse();
        assertThat(r.risk("HAZ-006").orElseThrow().residual().label()).isEqualTo("S2/P4");
    }

    @Test
    void scenarioTaggedWithAnUnknownIdIsReported() {
        RiskCheckReport r =
                Fixtures.check(
                        Fixtures.demo(dir),
                        Fixtures.run(
                                dir,
                                "run-10",
                                report -> {
                                    com.fasterxml.jackson.databind.node.ObjectNode s =
                                            (com.fasterxml.jackson.databind.node.ObjectNode)
                                                    report.get(0).path("elements").get(0);
                                    ((com.fasterxml.jackson.databind.node.ArrayNode) s.get("tags"))
                                            .addObject()
                                            .put("name", "@REQ-PERF-009");
                                }));
        assertThat(r.gaps())
                .containsExactly(
                        new Gap(
                                GapKind.UNKNOWN_TAG,
                                "@REQ-PERF-009",
                                "@REQ-PERF-009 names no requirement, hazard or control of the"
                                        + " file, yet tags features/performance.feature:5"
                                        + " \"Sensitivity at the locked operating point meets the"
                                        + " performance goal\""));
        assertThat(r.overall().verdict()).isEqualTo(OverallVerdict.INCOMPLETE);
        assertThat(r.overall().statement())
                .startsWith("The overall residual risk cannot be judged acceptable yet")
                .endsWith("the risk management file has 1 gap to close.");
    }
}
