package org.clinval.risk.postproduction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.clinval.risk.check.ControlAssessment;
import org.clinval.risk.check.Gap;
import org.clinval.risk.check.GapKind;
import org.clinval.risk.check.OverallVerdict;
import org.clinval.risk.check.RiskCheck;
import org.clinval.risk.check.RiskCheckReport;
import org.clinval.risk.results.ResultsReadException;
import org.clinval.risk.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The risk check with post-production information: the investigations of a surveillance output
 * folder ({@code investigations/investigations.json} as the investigation service writes it).
 */
class PostProductionTest {

    private static final String OPEN_ON_RCM_002 =
            """
            {"investigation_id": "INV-0001", "alarm_ids": ["ALM-1", "ALM-2"], "kind": "cusum",
             "stratum": "site=A", "metric": "sensitivity", "window_start": "2026-03-01",
             "window_end": "2026-03-15", "requirements": ["REQ-001"], "risk_controls": ["RCM-002"],
             "state": "open", "opened": "2026-03-15T08:00:00Z", "closed": null,
             "triage": {"priority": "high", "notes": "n"}, "root_cause": null, "decision": null,
             "rationale": null, "signatures": []}
            """;

    private static final String CLOSED_ON_RCM_003 =
            """
            {"investigation_id": "INV-0002", "alarm_ids": ["ALM-3"], "kind": "drift",
             "stratum": "all", "metric": "score", "window_start": "2026-03-01",
             "window_end": "2026-03-08", "requirements": [], "risk_controls": ["RCM-003"],
             "state": "closed", "opened": "2026-03-08T08:00:00Z",
             "closed": "2026-03-09T10:00:00Z", "triage": {"priority": "low", "notes": "n"},
             "root_cause": {"findings": "f"}, "decision": "no_action",
             "rationale": "case mix of a screening week", "signatures": []}
            """;

    @TempDir Path dir;

    private Path surveillance(String... investigations) throws Exception {
        Path out = dir.resolve("pms");
        Files.createDirectories(out.resolve("investigations"));
        Files.writeString(
                out.resolve(InvestigationsReader.FILE),
                "[" + String.join(",", investigations) + "]");
        return out;
    }

    private RiskCheckReport check(PostProductionInformation info) {
        Path register = Fixtures.demo(dir.resolve("risk"));
        Path run = Fixtures.run(dir, "run-7", Fixtures.unchanged());
        return RiskCheck.check(Fixtures.read(register), Optional.of(Fixtures.open(run)), info);
    }

    @Test
    void anOpenInvestigationPutsItsControlUnderInvestigation() throws Exception {
        PostProductionInformation info =
                InvestigationsReader.read(surveillance(OPEN_ON_RCM_002, CLOSED_ON_RCM_003));
        RiskCheckReport r = check(info);

        ControlAssessment c = r.control("RCM-002").orElseThrow();
        assertThat(c.underInvestigation()).containsExactly("INV-0001");
        assertThat(c.isUnderInvestigation()).isTrue();
        assertThat(c.effective()).as("the study's evidence still stands").isTrue();
        assertThat(r.gaps())
                .containsExactly(
                        new Gap(
                                GapKind.CONTROL_UNDER_INVESTIGATION,
                                "RCM-002",
                                "RCM-002 is under investigation INV-0001 (cusum on sensitivity,"
                                        + " stratum site=A, alarms ALM-1, ALM-2, window"
                                        + " [2026-03-01, 2026-03-15)): post-production"
                                        + " information questions its effectiveness until the"
                                        + " investigation is closed"));
        assertThat(r.overall().verdict()).isEqualTo(OverallVerdict.INCOMPLETE);
        assertThat(r.postProduction().closed())
                .singleElement()
                .satisfies(
                        i ->
                                assertThat(i.outcome())
                                        .isEqualTo(
                                                "INV-0002 (drift on score, stratum all, alarm"
                                                        + " ALM-3, window [2026-03-01,"
                                                        + " 2026-03-08)): closed"
                                                        + " 2026-03-09T10:00:00Z, decision"
                                                        + " no_action: case mix of a screening"
                                                        + " week"));
    }

    @Test
    void aClosedInvestigationPutsNoControlUnderInvestigation() throws Exception {
        RiskCheckReport r = check(InvestigationsReader.read(surveillance(CLOSED_ON_RCM_003)));

        assertThat(r.controls()).noneMatch(ControlAssessment::isUnderInvestigation);
        assertThat(r.control("RCM-003").orElseThrow().underInvestigation()).isEmpty();
        assertThat(r.gaps()).isEmpty();
        assertThat(r.overall().verdict()).isEqualTo(OverallVerdict.ACCEPTABLE);
        assertThat(r.postProduction().closed())
                .extracting(Investigation::id)
                .containsExactly("INV-0002");
        assertThat(r.postProduction().open()).isEmpty();
    }

    @Test
    void withoutPostProductionInformationNothingChanges() {
        RiskCheckReport r = check(PostProductionInformation.none());
        assertThat(r.gaps()).isEmpty();
        assertThat(r.postProduction().given()).isFalse();
    }

    @Test
    void theControlsOfAnInvestigationWithoutThemAreThoseOfItsAlarms() throws Exception {
        Path out = surveillance(OPEN_ON_RCM_002.replace("\"risk_controls\": [\"RCM-002\"],", ""));
        Files.writeString(
                out.resolve("alarms.jsonl"),
                "{\"alarm_id\": \"ALM-1\", \"risk_controls\": [\"RCM-004\"]}\n"
                        + "{\"alarm_id\": \"ALM-2\", \"risk_controls\": [\"RCM-004\", \"RCM-005\"]}\n"
                        + "{\"alarm_id\": \"ALM-9\", \"risk_controls\": [\"RCM-001\"]}\n");
        PostProductionInformation info = InvestigationsReader.read(out.resolve("investigations"));
        assertThat(info.investigations())
                .singleElement()
                .satisfies(i -> assertThat(i.riskControls()).containsExactly("RCM-004", "RCM-005"));
    }

    @Test
    void aFolderWithoutInvestigationsHasNone() throws Exception {
        Files.createDirectories(dir.resolve("pms"));
        PostProductionInformation info = InvestigationsReader.read(dir.resolve("pms"));
        assertThat(info.investigations()).isEmpty();
        assertThat(info.given()).isTrue();
    }

    @Test
    void aBadFileIsNamed() throws Exception {
        Path out = surveillance(OPEN_ON_RCM_002.replace("\"open\"", "\"paused\""));
        assertThatThrownBy(() -> InvestigationsReader.read(out))
                .isInstanceOf(ResultsReadException.class)
                .hasMessageEndingWith(
                        "investigations.json: investigation 1 (INV-0001): state is not open or"
                                + " closed: paused");
        assertThatThrownBy(() -> InvestigationsReader.read(dir.resolve("absent.json")))
                .isInstanceOf(ResultsReadException.class)
                .hasMessageContaining("not a surveillance output folder");
    }
}
