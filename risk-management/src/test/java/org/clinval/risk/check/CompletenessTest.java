package org.clinval.risk.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import org.clinval.risk.Acceptability;
import org.clinval.risk.results.ScenarioStatus;
import org.clinval.risk.testing.Fixtures;
import org.clinval.risk.testing.SmallFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Completeness gaps, reduction fall-back and the overall criteria on small registers. */
class CompletenessTest {

    @TempDir Path dir;

    private RiskCheckReport check(String requirements, String register, RunBuilder run) {
        Path f = SmallFiles.write(dir, requirements, register);
        return RiskCheck.check(Fixtures.read(f), run.get());
    }

    private interface RunBuilder
            extends java.util.function.Supplier<
                    java.util.Optional<org.clinval.risk.results.ResultsSource>> {}

    private static final String ONE_CONTROL =
            """
            controls:
              - id: RC-1
                kind: protective_measure
                description: d
                requirements: [REQ-A]
                verification:
                  implementation: [{tag: "@REQ-A"}]
                  effectiveness: [{tag: "@RC-1"}]
            """;

    @Test
    void unacceptableInitialRiskWithoutControlIsReported() {
        RiskCheckReport r =
                check(
                        SmallFiles.REQUIREMENTS,
                        ONE_CONTROL
                                + """
                                hazards:
                                  - {id: H-1, hazard: h, sequence_of_events: [e],
                                     hazardous_situation: s, harm: x,
                                     initial: {severity: S3, probability: P2},
                                     residual: {severity: S3, probability: P2},
                                     benefit_risk: benefits outweigh}
                                  - {id: H-2, hazard: h, sequence_of_events: [e],
                                     hazardous_situation: s, harm: x,
                                     initial: {severity: S1, probability: P2},
                                     controls: [{control: RC-1, reduces: {probability: P1}}],
                                     residual: {severity: S1, probability: P1}}
                                """,
                        () ->
                                SmallFiles.results(
                                        "r1",
                                        SmallFiles.passed("a", "@REQ-A"),
                                        SmallFiles.passed("b", "@REQ-B"),
                                        SmallFiles.passed("c", "@RC-1")));
        assertThat(r.gaps())
                .containsExactly(
                        new Gap(
                                GapKind.UNCONTROLLED_RISK,
                                "H-1",
                                "H-1: the initial risk S3/P2 is unacceptable and no risk control"
                                        + " measure is applied"));
        // The benefit-risk analysis lets the plan accept it; only the gap keeps it incomplete.
        assertThat(r.overall().verdict()).isEqualTo(OverallVerdict.INCOMPLETE);
        assertThat(r.overall().reasons()).isEmpty();
    }

    @Test
    void requirementWithoutScenarioIsReported() {
        String requirements = SmallFiles.REQUIREMENTS + "  - {id: REQ-C, text: c, source: s}\n";
        RiskCheckReport r =
                check(
                        requirements,
                        ONE_CONTROL + hazard("H-1", "S1", "P2", "RC-1", "P1", "S1", "P1"),
                        () ->
                                SmallFiles.results(
                                        "r1",
                                        SmallFiles.passed("a", "@REQ-A"),
                                        SmallFiles.passed("b", "@REQ-B"),
                                        SmallFiles.passed("c", "@RC-1")));
        assertThat(r.gaps())
                .containsExactly(
                        new Gap(
                                GapKind.REQUIREMENT_NOT_TRACED,
                                "REQ-C",
                                "REQ-C is traced to no scenario: none is listed under its"
                                        + " verified_by and no scenario of run r1 is tagged"
                                        + " @REQ-C"));
        assertThat(r.requirements())
                .extracting(EvidenceCheck::subject)
                .containsExactly("REQ-A", "REQ-B");
    }

    @Test
    void requirementTracedByTagAloneCountsAndItsFailureIsAGap() {
        String requirements = SmallFiles.REQUIREMENTS + "  - {id: REQ-C, text: c, source: s}\n";
        RiskCheckReport r =
                check(
                        requirements,
                        ONE_CONTROL + hazard("H-1", "S1", "P2", "RC-1", "P1", "S1", "P1"),
                        () ->
                                SmallFiles.results(
                                        "r1",
                                        SmallFiles.passed("a", "@REQ-A"),
                                        SmallFiles.passed("b", "@REQ-B"),
                                        SmallFiles.passed("c", "@RC-1"),
                                        SmallFiles.passed("c1", "@REQ-C"),
                                        SmallFiles.scenario(
                                                "c2", ScenarioStatus.UNDEFINED, "@REQ-C")));
        assertThat(r.gaps())
                .extracting(Gap::kind, Gap::subject)
                .containsExactly(tuple(GapKind.SCENARIO_NOT_PASSED, "REQ-C"));
        EvidenceCheck c = r.requirements().get(2);
        assertThat(c.declared()).isFalse();
        assertThat(c.reference().describe()).isEqualTo("@REQ-C");
        assertThat(c.scenarios()).extracting(s -> s.name()).containsExactly("c1", "c2");
        assertThat(c.detail())
                .isEqualTo(
                        "1 of 2 scenarios did not pass in run r1: features/t.feature:3 \"c2\""
                                + " undefined");
    }

    @Test
    void controlWithoutVerificationIsReportedAndNotEffective() {
        RiskCheckReport r =
                check(
                        SmallFiles.REQUIREMENTS,
                        """
                        controls:
                          - {id: RC-1, kind: information_for_safety, description: d,
                             requirements: [REQ-A]}
                          - {id: RC-2, kind: protective_measure, description: d,
                             requirements: [REQ-B],
                             verification: {implementation: [{tag: "@REQ-B"}]}}
                        """
                                + hazard("H-1", "S2", "P2", "RC-1", "P1", "S2", "P1")
                                + "    reduction_rationale: r\n"
                                + hazard("H-2", "S2", "P3", "RC-2", "P1", "S2", "P1"),
                        () ->
                                SmallFiles.results(
                                        "r1",
                                        SmallFiles.passed("a", "@REQ-A"),
                                        SmallFiles.passed("b", "@REQ-B")));
        assertThat(r.gaps())
                .extracting(Gap::kind, Gap::subject)
                .containsExactly(
                        tuple(GapKind.NO_IMPLEMENTATION_VERIFICATION, "RC-1"),
                        tuple(GapKind.NO_EFFECTIVENESS_VERIFICATION, "RC-1"),
                        tuple(GapKind.NO_EFFECTIVENESS_VERIFICATION, "RC-2"));
        assertThat(r.control("RC-1").orElseThrow().reasons())
                .containsExactly(
                        "no verification of implementation", "no verification of effectiveness");
        assertThat(r.control("RC-2").orElseThrow().effective()).isFalse();
        // H-1 back to S2/P2 (investigate, covered by its rationale), H-2 to S2/P3 (unacceptable,
        // with no benefit-risk analysis): not acceptable.
        assertThat(r.risk("H-1").orElseThrow().residualAcceptability())
                .isEqualTo(Acceptability.INVESTIGATE);
        assertThat(r.risk("H-2").orElseThrow().residualAcceptability())
                .isEqualTo(Acceptability.UNACCEPTABLE);
        assertThat(r.overall().reasons())
                .containsExactly(
                        "H-1: the residual risk S2/P2 with RC-1 not effective is above the S2/P1"
                                + " its reduction rationale was written for",
                        "H-2: the residual risk S2/P3 with RC-2 not effective is unacceptable and"
                                + " no benefit-risk analysis covers it");
    }

    /** Two controls reduce the probability of one hazard; losing the stronger keeps the other's. */
    @Test
    void notEffectiveControlFallsBackToTheRemainingReduction() {
        String register =
                """
                controls:
                  - {id: RC-1, kind: protective_measure, description: d, requirements: [REQ-A],
                     verification: {implementation: [{tag: "@REQ-A"}], effectiveness: [{tag: "@RC-1"}]}}
                  - {id: RC-2, kind: information_for_safety, description: d, requirements: [REQ-B],
                     verification: {implementation: [{tag: "@REQ-B"}], effectiveness: [{tag: "@RC-2"}]}}
                hazards:
                  - id: H-1
                    hazard: h
                    sequence_of_events: [e]
                    hazardous_situation: s
                    harm: x
                    initial: {severity: S3, probability: P3}
                    controls:
                      - {control: RC-1, reduces: {probability: P1}}
                      - {control: RC-2, reduces: {probability: P2, severity: S2}}
                    residual: {severity: S2, probability: P1}
                """;
        RiskCheckReport all =
                check(
                        SmallFiles.REQUIREMENTS,
                        register,
                        () ->
                                SmallFiles.results(
                                        "r1",
                                        SmallFiles.passed("a", "@REQ-A"),
                                        SmallFiles.passed("b", "@REQ-B"),
                                        SmallFiles.passed("c", "@RC-1"),
                                        SmallFiles.passed("d", "@RC-2")));
        assertThat(all.risk("H-1").orElseThrow().residual().label()).isEqualTo("S2/P1");
        assertThat(all.overall().verdict()).isEqualTo(OverallVerdict.ACCEPTABLE);

        RiskCheckReport noRc1 =
                check(
                        SmallFiles.REQUIREMENTS,
                        register,
                        () ->
                                SmallFiles.results(
                                        "r1",
                                        SmallFiles.passed("a", "@REQ-A"),
                                        SmallFiles.passed("b", "@REQ-B"),
                                        SmallFiles.scenario("c", ScenarioStatus.FAILED, "@RC-1"),
                                        SmallFiles.passed("d", "@RC-2")));
        RiskAssessment h = noRc1.risk("H-1").orElseThrow();
        assertThat(h.residual().label()).isEqualTo("S2/P2");
        assertThat(h.residualAcceptability()).isEqualTo(Acceptability.INVESTIGATE);

        RiskCheckReport noRc2 =
                check(
                        SmallFiles.REQUIREMENTS,
                        register,
                        () ->
                                SmallFiles.results(
                                        "r1",
                                        SmallFiles.passed("a", "@REQ-A"),
                                        SmallFiles.passed("b", "@REQ-B"),
                                        SmallFiles.passed("c", "@RC-1"),
                                        SmallFiles.scenario("d", ScenarioStatus.SKIPPED, "@RC-2")));
        assertThat(noRc2.risk("H-1").orElseThrow().residual().label()).isEqualTo("S3/P1");
        assertThat(noRc2.risk("H-1").orElseThrow().residualAcceptability())
                .isEqualTo(Acceptability.INVESTIGATE);
    }

    @Test
    void residualRisksNeedTheirJustificationAndThePlanLimitsTheInvestigateRegion() {
        RiskCheckReport r =
                check(
                        SmallFiles.REQUIREMENTS,
                        ONE_CONTROL
                                + hazard("H-1", "S2", "P3", "RC-1", "P2", "S2", "P2")
                                + hazard("H-2", "S3", "P3", "RC-1", "P2", "S3", "P2")
                                + "  - {id: H-3, hazard: h, sequence_of_events: [e],"
                                + " hazardous_situation: s, harm: x,"
                                + " initial: {severity: S1, probability: P3},"
                                + " residual: {severity: S1, probability: P3},"
                                + " reduction_rationale: none practicable}\n",
                        () ->
                                SmallFiles.results(
                                        "r1",
                                        SmallFiles.passed("a", "@REQ-A"),
                                        SmallFiles.passed("b", "@REQ-B"),
                                        SmallFiles.passed("c", "@RC-1")));
        assertThat(r.gaps())
                .extracting(Gap::kind, Gap::subject)
                .containsExactly(
                        tuple(GapKind.NO_REDUCTION_RATIONALE, "H-1"),
                        tuple(GapKind.NO_BENEFIT_RISK, "H-2"));
        assertThat(r.overall().reasons())
                .containsExactly(
                        "H-1: the residual risk S2/P2 calls for further risk reduction and no"
                                + " reduction rationale covers it",
                        "H-2: the residual risk S3/P2 is unacceptable and no benefit-risk"
                                + " analysis covers it",
                        "2 residual risks call for further risk reduction; the plan allows at"
                                + " most 1");
        assertThat(r.overall().verdict()).isEqualTo(OverallVerdict.NOT_ACCEPTABLE);
    }

    private static String hazard(
            String id,
            String s,
            String p,
            String control,
            String to,
            String residualS,
            String residualP) {
        return (id.equals("H-1") ? "hazards:\n" : "")
                + "  - id: "
                + id
                + "\n    hazard: h\n    sequence_of_events: [e]\n    hazardous_situation: s\n"
                + "    harm: x\n    initial: {severity: "
                + s
                + ", probability: "
                + p
                + "}\n    controls: [{control: "
                + control
                + ", reduces: {probability: "
                + to
                + "}}]\n    residual: {severity: "
                + residualS
                + ", probability: "
                + residualP
                + "}\n";
    }
}
