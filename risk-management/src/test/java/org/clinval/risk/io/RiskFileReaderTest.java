package org.clinval.risk.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.clinval.risk.Factor;
import org.clinval.risk.HazardControl;
import org.clinval.risk.RiskManagementFile;
import org.clinval.risk.testing.Fixtures;
import org.clinval.risk.testing.SmallFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RiskFileReaderTest {

    @TempDir Path dir;

    private List<String> problems(Path register) {
        InvalidRiskFileException e =
                catchThrowableOfType(
                        InvalidRiskFileException.class, () -> RiskFileReader.read(register));
        assertThat(e).as("expected problems").isNotNull();
        String prefix = dir.toString() + "/";
        return e.problems().stream().map(p -> p.toString().replace(prefix, "")).toList();
    }

    @Test
    void everyProblemOfTheThreeFilesIsListedWithItsPath() {
        Fixtures.write(
                dir,
                "plan.yaml",
                """
                plan: {id: RMP-T, title: Test plan, owner: QA}
                severity:
                  - {id: S1, name: minor, description: a}
                  - {id: S2, name: serious, description: b}
                probability:
                  - {id: P1, name: rare, description: a}
                  - {id: P2, name: frequent, description: b}
                acceptability:
                  definitions: {acceptable: a, investigate: b}
                  matrix:
                    S1: [acceptable, unacceptable]
                    S2: [acceptable, alarp, acceptable]
                    S3: [acceptable, acceptable]
                overall_residual_risk:
                  method: m
                  max_investigate: -1
                  accept_unacceptable_with_benefit_risk: yes please
                """);
        Fixtures.write(
                dir,
                "requirements.yaml",
                """
                requirements:
                  - {id: REQ-A, text: a, source: s}
                  - {id: REQ-A, text: again, source: s}
                  - {id: REQ B, text: b, source: s, verified_by: [{run: r1}]}
                  - {id: REQ-C, source: s, verified_by: [{tag: "@two words"}]}
                """);
        Path register =
                Fixtures.write(
                        dir,
                        "risk-file.yaml",
                        """
                        risk_file: {id: RMF-T, title: T, plan: plan.yaml, requirements: requirements.yaml}
                        controls:
                          - {id: RC-1, kind: protective, description: d, requirements: [REQ-A, REQ-Z]}
                          - {id: RC-1, kind: protective_measure, description: d, requirements: []}
                          - {id: RC-3, kind: information_for_safety, description: d,
                             requirements: [REQ-A], introduces: [HAZ-9]}
                        hazards:
                          - id: HAZ-1
                            hazard: h
                            sequence_of_events: [e]
                            hazardous_situation: s
                            harm: x
                            initial: {severity: P2, probability: P9}
                            controls:
                              - {control: RC-7, reduces: {probability: P1}}
                            residual: {severity: S2, probability: P1}
                          - id: HAZ-2
                            hazard: h
                            sequence_of_events: []
                            hazardous_situation: s
                            harm: x
                            initial: {severity: S2, probability: P1}
                            controls:
                              - {control: RC-1, reduces: {probability: P1}}
                            residual: {severity: S1, probability: P1}
                            severty: S1
                        """);
        assertThat(problems(register))
                .containsExactly(
                        "plan.yaml: plan.owner: is not a known key (known: id, title, version)",
                        "plan.yaml: acceptability.definitions.unacceptable: is required",
                        "plan.yaml: acceptability.matrix.S2: has 3 cells; it needs one per"
                                + " probability level (P1, P2)",
                        "plan.yaml: acceptability.matrix.S2[1]: 'alarp' is not one of acceptable,"
                                + " investigate, unacceptable",
                        "plan.yaml: acceptability.matrix.S3: is not a severity level (S1, S2)",
                        "plan.yaml: overall_residual_risk.max_investigate: -1 is negative",
                        "plan.yaml: overall_residual_risk.accept_unacceptable_with_benefit_risk:"
                                + " 'yes please' is not true or false",
                        "requirements.yaml: requirements[1].id: 'REQ-A' is a requirement already",
                        "requirements.yaml: requirements[2].id: 'REQ B' is not an identifier"
                                + " (letters, digits, '.', '_', '-'; no spaces; starting with a"
                                + " letter or digit)",
                        "requirements.yaml: requirements[2].verified_by[0]: names no scenario:"
                                + " give a tag, a feature, a scenario or several",
                        "requirements.yaml: requirements[3].text: is required",
                        "requirements.yaml: requirements[3].verified_by[0].tag: '@two words' is"
                                + " not a Cucumber tag (no spaces, one leading '@')",
                        "risk-file.yaml: controls[0].kind: 'protective' is not one of"
                                + " inherent_safety_by_design, protective_measure,"
                                + " information_for_safety",
                        "risk-file.yaml: controls[0].requirements[1]: 'REQ-Z' is not a"
                                + " requirement of the requirements file",
                        "risk-file.yaml: controls[1].id: 'RC-1' is a risk control already",
                        "risk-file.yaml: controls[1].requirements: lists no requirement: a risk"
                                + " control is implemented by at least one",
                        "risk-file.yaml: controls[2]: risk control RC-3 is applied to no hazard:"
                                + " list it under the controls of the hazards it reduces, or"
                                + " remove it",
                        "risk-file.yaml: controls[2].introduces[0]: 'HAZ-9' is not a hazard of"
                                + " the register",
                        "risk-file.yaml: hazards[0].initial.severity: 'P2' is a probability"
                                + " level, not a severity level of the plan (S1, S2)",
                        "risk-file.yaml: hazards[0].initial.probability: 'P9' is not a"
                                + " probability level of the plan (P1, P2)",
                        "risk-file.yaml: hazards[0].controls[0].control: 'RC-7' is not a risk"
                                + " control of the register (RC-1, RC-3)",
                        "risk-file.yaml: hazards[1].sequence_of_events: lists no event",
                        "risk-file.yaml: hazards[1].controls[0].reduces.probability: 'P1' is no"
                                + " reduction of the initial probability P1",
                        "risk-file.yaml: hazards[1].severty: is not a known key (known: id,"
                                + " hazard, sequence_of_events, hazardous_situation, harm,"
                                + " initial, controls, residual, reduction_rationale,"
                                + " benefit_risk)");
    }

    @Test
    void levelsAreCheckedAgainstAValidPlanAndResidualRisksAgainstTheReductions() {
        Path register =
                SmallFiles.write(
                        dir,
                        """
                        controls:
                          - {id: RC-1, kind: protective_measure, description: d, requirements: [REQ-A]}
                          - {id: RC-2, kind: protective_measure, description: d, requirements: [REQ-B]}
                          - {id: RC-3, kind: protective_measure, description: d, requirements: [REQ-B]}
                        hazards:
                          - id: H-1
                            hazard: h
                            sequence_of_events: [e]
                            hazardous_situation: s
                            harm: x
                            initial: {severity: S3, probability: P3}
                            controls:
                              - {control: RC-1, reduces: {probability: P2}}
                              - {control: RC-2, reduces: {severity: S2, probability: P1}}
                              - {control: RC-1}
                            residual: {severity: S3, probability: P2}
                          - id: H-1
                            hazard: h
                            sequence_of_events: [e]
                            hazardous_situation: s
                            harm: x
                            initial: {severity: S1, probability: S1}
                            controls:
                              - {control: RC-2, reduces: {}}
                            residual: {severity: S1, probability: P1}
                        """);
        assertThat(problems(register))
                .containsExactly(
                        "risk-file.yaml: controls[2]: risk control RC-3 is applied to no hazard:"
                                + " list it under the controls of the hazards it reduces, or"
                                + " remove it",
                        "risk-file.yaml: hazards[0].controls[2].control: 'RC-1' is applied to"
                                + " this hazard twice",
                        "risk-file.yaml: hazards[1].id: 'H-1' is a hazard already",
                        "risk-file.yaml: hazards[1].initial.probability: 'S1' is a severity"
                                + " level, not a probability level of the plan (P1, P2, P3)",
                        "risk-file.yaml: hazards[1].controls[0].reduces: names neither severity"
                                + " nor probability (leave 'reduces' out for a control credited"
                                + " with no reduction)");
    }

    @Test
    void statedResidualRiskMustFollowFromTheReductions() {
        Path register =
                SmallFiles.write(
                        dir,
                        """
                        controls:
                          - {id: RC-1, kind: protective_measure, description: d, requirements: [REQ-A]}
                          - {id: RC-2, kind: protective_measure, description: d, requirements: [REQ-B]}
                        hazards:
                          - id: H-1
                            hazard: h
                            sequence_of_events: [e]
                            hazardous_situation: s
                            harm: x
                            initial: {severity: S3, probability: P3}
                            controls:
                              - {control: RC-1, reduces: {probability: P2}}
                              - {control: RC-2, reduces: {probability: P1}}
                            residual: {severity: S2, probability: P2}
                        """);
        assertThat(problems(register))
                .containsExactly(
                        "risk-file.yaml: hazards[0].residual.severity: 'S2' does not follow from"
                                + " the controls: with every control effective the severity is S3"
                                + " (initial S3; no control reduces it)",
                        "risk-file.yaml: hazards[0].residual.probability: 'P2' does not follow"
                                + " from the controls: with every control effective the"
                                + " probability is P1 (initial P3; RC-1 reduces it to P2; RC-2"
                                + " reduces it to P1)");
    }

    @Test
    void nonMonotoneMatrixIsNamedCellByCell() {
        Fixtures.write(
                dir,
                "plan.yaml",
                SmallFiles.PLAN.replace(
                        "S2: [acceptable, investigate, unacceptable]",
                        "S2: [acceptable, unacceptable, investigate]"));
        Fixtures.write(dir, "requirements.yaml", SmallFiles.REQUIREMENTS);
        Path register =
                Fixtures.write(
                        dir,
                        "risk-file.yaml",
                        """
                        risk_file: {id: RMF-T, title: T, plan: plan.yaml, requirements: requirements.yaml}
                        controls: []
                        hazards:
                          - {id: H-1, hazard: h, sequence_of_events: [e], hazardous_situation: s,
                             harm: x, initial: {severity: S1, probability: P1},
                             residual: {severity: S1, probability: P1}}
                        """);
        assertThat(problems(register))
                .containsExactly(
                        "plan.yaml: acceptability.matrix.S2[2]: 'investigate' is more acceptable"
                                + " than the less probable S2/P2 ('unacceptable')");
    }

    @Test
    void missingAndMalformedFilesAreProblemsToo() {
        Fixtures.write(dir, "plan.yaml", "plan: {id: RMP-T\n  title: [unclosed\n");
        Path register =
                Fixtures.write(
                        dir,
                        "risk-file.yaml",
                        "risk_file: {id: RMF-T, title: T, plan: plan.yaml, requirements:"
                                + " reqs.yaml}\ncontrols: []\nhazards: []\n");
        List<String> p = problems(register);
        assertThat(p).hasSize(3);
        assertThat(p.get(0))
                .isEqualTo(
                        "plan.yaml: is not valid YAML at line 2, column 8: expected ',' or"
                                + " '}', but got :");
        assertThat(p.get(1)).isEqualTo("reqs.yaml: no such file");
        assertThat(p.get(2)).isEqualTo("risk-file.yaml: hazards: lists no hazard");
    }

    @Test
    void duplicateKeyIsAnErrorAndAnUnreadableRegisterNamesNothingElse() {
        Path register =
                Fixtures.write(
                        dir,
                        "risk-file.yaml",
                        "risk_file: {id: RMF-T, title: T}\nrisk_file: {id: again}\n");
        List<String> p = problems(register);
        assertThat(p)
                .singleElement()
                .asString()
                .isEqualTo(
                        "risk-file.yaml: risk_file: is a duplicate key; the first is at line 1,"
                                + " column 1");
        assertThat(problems(dir.resolve("nothing.yaml")))
                .containsExactly("nothing.yaml: no such file");
    }

    @Test
    void registerWithoutPlanOrRequirementsNamesThem() {
        Path register =
                Fixtures.write(
                        dir,
                        "risk-file.yaml",
                        "risk_file: {id: RMF-T, title: T}\ncontrols: []\nhazards: []\n");
        assertThat(problems(register))
                .containsExactly(
                        "risk-file.yaml: risk_file.plan: names no risk management plan and none"
                                + " was given: name the plan file here",
                        "risk-file.yaml: risk_file.requirements: names no requirements file and"
                                + " none was given: name the requirements file here",
                        "risk-file.yaml: hazards: lists no hazard");
    }

    @Test
    void explicitPlanAndRequirementsOverrideTheNamedOnes() throws Exception {
        Path register = Fixtures.demo(dir.resolve("a"));
        Path other = dir.resolve("b");
        Fixtures.write(
                other,
                "plan.yaml",
                Fixtures.demoText("plan.yaml").replace("id: RMP-DEMO-001", "id: RMP-OTHER"));
        RiskManagementFile f =
                RiskFileReader.read(
                        register,
                        java.util.Optional.of(other.resolve("plan.yaml")),
                        java.util.Optional.empty());
        assertThat(f.plan().id()).isEqualTo("RMP-OTHER");
        assertThat(f.sources().plan()).isEqualTo(other.resolve("plan.yaml").toString());
        HazardControl c = f.register().hazards().get(0).controls().get(0);
        assertThat(c.control()).isEqualTo("RCM-001");
        assertThat(c.probability().orElseThrow().id()).isEqualTo("P2");
        assertThat(c.probability().orElseThrow().factor()).isEqualTo(Factor.PROBABILITY);
        assertThat(c.severity()).isEmpty();
        assertThat(c.describeReduction()).isEqualTo("probability to P2");
        assertThat(f.register().hazards().get(0).controls().get(1).describeReduction())
                .isEqualTo("none");
    }
}
