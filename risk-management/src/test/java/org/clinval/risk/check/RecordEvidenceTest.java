package org.clinval.risk.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.clinval.common.Sha256;
import org.clinval.risk.RiskManagementFile;
import org.clinval.risk.results.ResultsSource;
import org.clinval.risk.testing.Fixtures;
import org.clinval.risk.testing.SmallFiles;
import org.clinval.risk.trace.TraceRow;
import org.clinval.risk.trace.TraceabilityMatrix;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Controls verified by signed records: a record verifies only while its file is there and hashes to
 * the SHA-256 the risk file states.
 */
class RecordEvidenceTest {

    private static final String RECORD =
            "Summative usability evaluation\nAll acceptance criteria met.\nSigned: A. Reviewer\n";

    @TempDir Path dir;

    private Path register;

    /**
     * RC-1 is verified by scenarios only, RC-2 by a scenario (implementation) and the record
     * usability.md (effectiveness). Without them, each hazard stays S2/P3, unacceptable.
     */
    @BeforeEach
    void write() throws Exception {
        Files.writeString(dir.resolve("usability.md"), RECORD);
        register =
                SmallFiles.write(
                        dir,
                        """
                        controls:
                          - id: RC-1
                            kind: protective_measure
                            description: d
                            requirements: [REQ-A]
                            verification:
                              implementation: [{tag: "@REQ-A"}]
                              effectiveness: [{tag: "@RC-1"}]
                          - id: RC-2
                            kind: information_for_safety
                            description: d
                            requirements: [REQ-B]
                            verification:
                              implementation: [{tag: "@REQ-B"}]
                              effectiveness:
                                - record: usability.md
                                  sha256: %s
                                  kind: usability
                                  title: Summative usability evaluation
                                  signed_by: A. Reviewer
                                  signed_on: 2026-11-20
                        hazards:
                          - id: H-1
                            hazard: h
                            sequence_of_events: [e]
                            hazardous_situation: s
                            harm: x
                            initial: {severity: S2, probability: P3}
                            controls: [{control: RC-1, reduces: {probability: P1}}]
                            residual: {severity: S2, probability: P1}
                          - id: H-2
                            hazard: h
                            sequence_of_events: [e]
                            hazardous_situation: s
                            harm: x
                            initial: {severity: S2, probability: P3}
                            controls: [{control: RC-2, reduces: {probability: P1}}]
                            residual: {severity: S2, probability: P1}
                        """
                                .formatted(Sha256.ofText(RECORD)));
    }

    private static Optional<ResultsSource> passing() {
        return SmallFiles.results(
                "r1",
                SmallFiles.passed("a", "@REQ-A"),
                SmallFiles.passed("b", "@RC-1"),
                SmallFiles.passed("c", "@REQ-B"));
    }

    private RiskCheckReport check(Optional<ResultsSource> results) {
        return RiskCheck.check(Fixtures.read(register), results);
    }

    @Test
    void aRecordWithItsStatedHashVerifiesTheControlByRecord() {
        RiskCheckReport r = check(passing());
        assertThat(r.gaps()).isEmpty();
        ControlAssessment rc1 = r.control("RC-1").orElseThrow();
        ControlAssessment rc2 = r.control("RC-2").orElseThrow();
        assertThat(rc1.verification()).isEqualTo(ControlVerification.VERIFIED_BY_STUDY);
        assertThat(rc1.verifyingRecords()).isEmpty();
        assertThat(rc2.verification()).isEqualTo(ControlVerification.VERIFIED_BY_RECORD);
        assertThat(rc2.effective()).isTrue();
        assertThat(rc2.effectivenessRecords())
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c.status()).isEqualTo(RecordStatus.MATCHES);
                            assertThat(c.actualSha256()).contains(Sha256.ofText(RECORD));
                            assertThat(c.purpose()).isEqualTo(Purpose.EFFECTIVENESS);
                        });
        assertThat(r.risk("H-2").orElseThrow().raised()).isFalse();
        assertThat(r.overall().verdict()).isEqualTo(OverallVerdict.ACCEPTABLE);
        assertThat(r.overall().statement())
                .endsWith(
                        "every risk control is verified as implemented and effective: RC-2 by"
                                + " signed record, the others by the study in run r1.");
    }

    @Test
    void aRecordEditedAfterItWasCitedVerifiesNothing() throws Exception {
        Files.writeString(dir.resolve("usability.md"), RECORD.replace("All", "Most"));
        String actual = Sha256.of(dir.resolve("usability.md"));
        RiskCheckReport r = check(passing());
        ControlAssessment rc2 = r.control("RC-2").orElseThrow();
        assertThat(rc2.verification()).isEqualTo(ControlVerification.NOT_VERIFIED);
        assertThat(rc2.effective()).isFalse();
        assertThat(rc2.effectivenessRecords().get(0).status()).isEqualTo(RecordStatus.DIFFERS);
        assertThat(rc2.reasons())
                .containsExactly(
                        "effectiveness record usability.md: SHA-256 differs: file has "
                                + actual
                                + ", risk file states "
                                + Sha256.ofText(RECORD));
        assertThat(r.gaps())
                .containsExactly(
                        new Gap(
                                GapKind.RECORD_CHANGED,
                                "RC-2",
                                "RC-2 effectiveness record usability.md (\"Summative usability"
                                        + " evaluation\"): SHA-256 differs: file has "
                                        + actual
                                        + ", risk file states "
                                        + Sha256.ofText(RECORD)
                                        + "; it verifies nothing until the record is restored or"
                                        + " cited anew"));
        // Without RC-2's reduction H-2 stays unacceptable, and nothing justifies it.
        RiskAssessment h2 = r.risk("H-2").orElseThrow();
        assertThat(h2.raised()).isTrue();
        assertThat(h2.notEffective()).containsExactly("RC-2");
        assertThat(r.overall().verdict()).isEqualTo(OverallVerdict.NOT_ACCEPTABLE);
        assertThat(r.overall().statement())
                .doesNotContain("every risk control is verified")
                .endsWith(
                        " Not verified, so their reductions are not credited: RC-2 (cited record"
                                + " usability.md changed since it was cited).");
    }

    @Test
    void aMissingRecordVerifiesNothing() throws Exception {
        Files.delete(dir.resolve("usability.md"));
        RiskCheckReport r = check(passing());
        ControlAssessment rc2 = r.control("RC-2").orElseThrow();
        assertThat(rc2.verification()).isEqualTo(ControlVerification.NOT_VERIFIED);
        assertThat(rc2.effectivenessRecords().get(0).status()).isEqualTo(RecordStatus.NOT_FOUND);
        assertThat(rc2.effectivenessRecords().get(0).actualSha256()).isEmpty();
        assertThat(r.gaps())
                .singleElement()
                .satisfies(
                        g -> {
                            assertThat(g.kind()).isEqualTo(GapKind.RECORD_NOT_FOUND);
                            assertThat(g.message())
                                    .startsWith(
                                            "RC-2 effectiveness record usability.md (\"Summative"
                                                    + " usability evaluation\"): not found");
                        });
        assertThat(r.overall().verdict()).isEqualTo(OverallVerdict.NOT_ACCEPTABLE);
        assertThat(r.overall().statement()).endsWith("RC-2 (cited record usability.md not found).");
    }

    @Test
    void aFolderInPlaceOfTheRecordVerifiesNothing() throws Exception {
        Files.delete(dir.resolve("usability.md"));
        Files.createDirectory(dir.resolve("usability.md"));
        RiskCheckReport r = check(passing());
        assertThat(r.control("RC-2").orElseThrow().verification())
                .isEqualTo(ControlVerification.NOT_VERIFIED);
        assertThat(r.gaps()).extracting(Gap::kind).containsExactly(GapKind.RECORD_UNREADABLE);
    }

    @Test
    void aRecordIsResolvedAgainstTheRiskFilesFolderNotTheWorkingDirectory() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        for (String f : new String[] {"plan.yaml", "requirements.yaml", "risk-file.yaml"}) {
            Files.move(dir.resolve(f), elsewhere.resolve(f));
        }
        register = elsewhere.resolve("risk-file.yaml");
        assertThat(check(passing()).control("RC-2").orElseThrow().verification())
                .isEqualTo(ControlVerification.NOT_VERIFIED);
        Files.move(dir.resolve("usability.md"), elsewhere.resolve("usability.md"));
        assertThat(check(passing()).control("RC-2").orElseThrow().verification())
                .isEqualTo(ControlVerification.VERIFIED_BY_RECORD);
    }

    @Test
    void aScenarioThatDidNotPassLeavesAControlWithAGoodRecordNotVerified() {
        RiskCheckReport r =
                check(
                        SmallFiles.results(
                                "r1",
                                SmallFiles.passed("a", "@REQ-A"),
                                SmallFiles.passed("b", "@RC-1")));
        ControlAssessment rc2 = r.control("RC-2").orElseThrow();
        assertThat(rc2.verification()).isEqualTo(ControlVerification.NOT_VERIFIED);
        assertThat(rc2.effectivenessRecords().get(0).passed()).isTrue();
        assertThat(rc2.verifyingRecords()).isEmpty();
        assertThat(r.overall().statement()).endsWith("not credited: RC-2.");
    }

    @Test
    void theTraceabilityMatrixHasARowPerCitedRecord() throws Exception {
        RiskManagementFile f = Fixtures.read(register);
        RiskCheckReport r = RiskCheck.check(f, passing());
        TraceabilityMatrix m = TraceabilityMatrix.of(r, passing());
        TraceRow row =
                m.rows().stream().filter(t -> t.record().isPresent()).findFirst().orElseThrow();
        assertThat(row.requirement()).contains("REQ-B");
        assertThat(row.hazard()).contains("H-2");
        assertThat(row.control()).contains("RC-2");
        assertThat(row.purpose()).contains(Purpose.EFFECTIVENESS);
        assertThat(row.reference()).isEmpty();
        assertThat(row.record().get().status()).isEqualTo(RecordStatus.MATCHES);
        assertThat(m.rows().stream().filter(t -> t.record().isPresent())).hasSize(1);
    }

    /**
     * REQ-A cites the record alone (relative to the requirements file): it is traced to it, and a
     * changed record is a gap of the requirement.
     */
    @Test
    void aRequirementMayCiteARecordInPlaceOfScenarios() throws Exception {
        register =
                SmallFiles.write(
                        dir,
                        """
                        requirements:
                          - id: REQ-A
                            text: a
                            source: s
                            verified_by:
                              - record: usability.md
                                sha256: %s
                                kind: usability
                                title: Summative usability evaluation
                                signed_by: A. Reviewer
                                signed_on: 2026-11-20
                          - {id: REQ-B, text: b, source: s, verified_by: [{tag: "@REQ-B"}]}
                        """
                                .formatted(Sha256.ofText(RECORD)),
                        Files.readString(register)
                                .substring(Files.readString(register).indexOf("\n") + 1));
        Optional<ResultsSource> results =
                SmallFiles.results(
                        "r1", SmallFiles.passed("b", "@RC-1"), SmallFiles.passed("c", "@REQ-B"));
        RiskCheckReport r = check(results);
        // No scenario of the run is tagged @REQ-A (RC-1 misses it), yet REQ-A is traced.
        assertThat(r.gaps()).noneMatch(g -> g.subject().equals("REQ-A"));
        assertThat(r.requirementRecords())
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c.subject()).isEqualTo("REQ-A");
                            assertThat(c.purpose()).isEqualTo(Purpose.REQUIREMENT);
                            assertThat(c.passed()).isTrue();
                        });
        assertThat(TraceabilityMatrix.of(r, results).rows())
                .filteredOn(t -> t.control().isEmpty() && t.record().isPresent())
                .singleElement()
                .satisfies(t -> assertThat(t.requirement()).contains("REQ-A"));

        Files.writeString(dir.resolve("usability.md"), "rewritten\n");
        RiskCheckReport changed = check(results);
        assertThat(changed.gaps())
                .extracting(Gap::kind, Gap::subject)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(GapKind.RECORD_CHANGED, "REQ-A"),
                        org.assertj.core.groups.Tuple.tuple(GapKind.RECORD_CHANGED, "RC-2"));
        assertThat(changed.gaps())
                .filteredOn(g -> g.subject().equals("REQ-A"))
                .singleElement()
                .satisfies(
                        g ->
                                assertThat(g.message())
                                        .startsWith(
                                                "REQ-A record usability.md (\"Summative usability"
                                                        + " evaluation\"): SHA-256 differs:"));
        Files.delete(dir.resolve("usability.md"));
        assertThat(check(results).gaps())
                .extracting(Gap::kind, Gap::subject)
                .contains(org.assertj.core.groups.Tuple.tuple(GapKind.RECORD_NOT_FOUND, "REQ-A"))
                .doesNotContain(
                        org.assertj.core.groups.Tuple.tuple(
                                GapKind.REQUIREMENT_NOT_TRACED, "REQ-A"));
    }
}
