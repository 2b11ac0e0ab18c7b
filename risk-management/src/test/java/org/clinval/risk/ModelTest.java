package org.clinval.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The invariants the records keep when built in code rather than read from YAML. */
class ModelTest {

    private static Scale scale(Factor f, String prefix) {
        return new Scale(
                f,
                List.of(
                        new Level(f, prefix + "1", 1, "low", "d"),
                        new Level(f, prefix + "2", 2, "high", "d")));
    }

    private static final Scale S = scale(Factor.SEVERITY, "S");
    private static final Scale P = scale(Factor.PROBABILITY, "P");

    @Test
    void matrixMustBeMonotoneAndComplete() {
        Acceptability a = Acceptability.ACCEPTABLE;
        Acceptability i = Acceptability.INVESTIGATE;
        Acceptability u = Acceptability.UNACCEPTABLE;
        AcceptabilityMatrix m =
                new AcceptabilityMatrix(S, P, List.of(List.of(a, i), List.of(i, u)));
        assertThat(m.of(new RiskEstimate(S.level("S2"), P.level("P1")))).isEqualTo(i);
        assertThat(m.of(new RiskEstimate(S.level("S2"), P.level("P2")))).isEqualTo(u);
        assertThatThrownBy(
                        () -> new AcceptabilityMatrix(S, P, List.of(List.of(a, i), List.of(u, i))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("matrix is not monotone at S2/P2");
        assertThatThrownBy(() -> new AcceptabilityMatrix(S, P, List.of(List.of(a, i))))
                .hasMessage("matrix has 1 rows for 2 severities");
        assertThatThrownBy(() -> new AcceptabilityMatrix(P, S, List.of()))
                .hasMessage("matrix rows are severity, columns probability");
    }

    @Test
    void levelsOfDifferentScalesDoNotCompare() {
        assertThatThrownBy(() -> S.level("S1").isAbove(P.level("P1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot compare severity S1 with probability P1");
        assertThatThrownBy(() -> new RiskEstimate(P.level("P1"), P.level("P1")))
                .hasMessage("not a severity level: P1");
        assertThatThrownBy(() -> S.level("S9")).hasMessage("not a severity level (S1, S2): S9");
        assertThat(S.level("S2").min(S.level("S1"))).isEqualTo(S.level("S1"));
    }

    @Test
    void scenarioReferencesNormaliseTheirTag() {
        assertThat(ScenarioRef.ofTag("RCM-001").tag()).contains("@RCM-001");
        assertThat(ScenarioRef.ofTag("@RCM-001")).isEqualTo(ScenarioRef.ofTag("RCM-001"));
        assertThat(ScenarioRef.ofScenario("a.feature", "Sensitivity").inRun("r1").describe())
                .isEqualTo("a.feature: \"Sensitivity\" in run r1");
        assertThatThrownBy(
                        () ->
                                new ScenarioRef(
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.of("r1")))
                .hasMessage("a scenario reference needs a tag, a feature or a scenario name");
        assertThatThrownBy(() -> ScenarioRef.ofTag("two words"))
                .hasMessage("not a Cucumber tag: '@two words'");
    }

    @Test
    void reductionsTakeTheLowestLevelOfTheEffectiveControls() {
        Hazard h =
                new Hazard(
                        "H",
                        "h",
                        List.of("e"),
                        "s",
                        "x",
                        new RiskEstimate(S.level("S2"), P.level("P2")),
                        List.of(
                                new HazardControl(
                                        "A", Optional.empty(), Optional.of(P.level("P1"))),
                                new HazardControl(
                                        "B", Optional.of(S.level("S1")), Optional.empty())),
                        new RiskEstimate(S.level("S1"), P.level("P1")),
                        Optional.empty(),
                        Optional.empty());
        assertThat(h.riskWithAllControls().label()).isEqualTo("S1/P1");
        assertThat(h.riskWith(c -> c.equals("A")).label()).isEqualTo("S2/P1");
        assertThat(h.riskWith(c -> c.equals("B")).label()).isEqualTo("S1/P2");
        assertThat(h.riskWith(c -> false)).isEqualTo(h.initial());
    }

    @Test
    void controlsNeedARequirementAndParsingNamesTheBadValue() {
        assertThatThrownBy(
                        () ->
                                new RiskControl(
                                        "RC",
                                        ControlKind.PROTECTIVE_MEASURE,
                                        "d",
                                        List.of(),
                                        List.of(),
                                        List.of(),
                                        List.of()))
                .hasMessage("risk control RC is implemented by no requirement");
        assertThat(ControlKind.parse(" Information_For_Safety "))
                .isEqualTo(ControlKind.INFORMATION_FOR_SAFETY);
        assertThatThrownBy(() -> Acceptability.parse("ALARP"))
                .hasMessage("not one of acceptable, investigate, unacceptable: 'ALARP'");
    }
}
