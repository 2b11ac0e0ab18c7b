package org.clinval.risk.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.clinval.risk.RecordKind;
import org.clinval.risk.RiskControl;
import org.clinval.risk.ScenarioRef;
import org.clinval.risk.VerificationRecord;
import org.clinval.risk.testing.Fixtures;
import org.clinval.risk.testing.SmallFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verification entries that cite a signed record instead of scenarios. */
class RecordEntriesTest {

    private static final String SHA =
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @TempDir Path dir;

    /** A register of one control RC-1 with {@code verification} (indented as a key of RC-1). */
    private Path register(String verification) {
        return SmallFiles.write(
                dir,
                """
                controls:
                  - id: RC-1
                    kind: information_for_safety
                    description: d
                    requirements: [REQ-A, REQ-B]
                    verification:
                """
                        + verification.indent(6)
                        + """
                        hazards:
                          - id: H-1
                            hazard: h
                            sequence_of_events: [e]
                            hazardous_situation: s
                            harm: x
                            initial: {severity: S2, probability: P3}
                            controls: [{control: RC-1, reduces: {probability: P2}}]
                            residual: {severity: S2, probability: P2}
                        """);
    }

    private InvalidRiskFileException invalid(Path register) {
        InvalidRiskFileException e =
                catchThrowableOfType(
                        InvalidRiskFileException.class, () -> RiskFileReader.read(register));
        assertThat(e).as("expected problems").isNotNull();
        return e;
    }

    private List<String> problems(Path register) {
        String prefix = dir.toString() + "/";
        return invalid(register).problems().stream()
                .map(p -> p.toString().replace(prefix, ""))
                .toList();
    }

    @Test
    void aRecordEntryIsReadBesideScenarioReferences() {
        RiskControl c =
                Fixtures.read(
                                register(
                                        """
                                        implementation:
                                          - tag: "@REQ-A"
                                          - record: records/inspection.md
                                            sha256: %s
                                            kind: inspection
                                            title: Inspection of the label
                                            signed_by: B. Inspector
                                            signed_on: 2026-11-12
                                        effectiveness:
                                          - record: usability.md
                                            sha256: "%s"
                                            kind: usability
                                            title: Summative usability evaluation
                                            signed_by: A. Reviewer, human factors engineer
                                            signed_on: "2026-11-20"
                                        """
                                                .formatted(SHA.toUpperCase(), SHA)))
                        .register()
                        .controls()
                        .get(0);
        assertThat(c.implementation()).containsExactly(ScenarioRef.ofTag("@REQ-A"));
        assertThat(c.effectiveness()).isEmpty();
        assertThat(c.implementationRecords())
                .containsExactly(
                        new VerificationRecord(
                                "records/inspection.md",
                                SHA,
                                RecordKind.INSPECTION,
                                "Inspection of the label",
                                "B. Inspector",
                                LocalDate.of(2026, 11, 12)));
        VerificationRecord r = c.effectivenessRecords().get(0);
        assertThat(r.kind()).isEqualTo(RecordKind.USABILITY);
        assertThat(r.signedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(r.describe())
                .isEqualTo(
                        "usability record \"Summative usability evaluation\" (usability.md,"
                                + " SHA-256 9f86d081884c\u2026)");
        assertThat(c.records()).hasSize(2);
    }

    @Test
    void badRecordEntriesAreRefusedEachAtItsKey() {
        Path register =
                register(
                        """
                        implementation:
                          - record: a.md
                            sha256: 12ab
                            kind: report
                            title: t
                            signed_by: s
                            signed_on: 12.11.2026
                          - record: b.md
                            tag: "@REQ-A"
                            sha256: %s
                            kind: test
                            title: t
                            signed_by: s
                            signed_on: 2026-13-40
                        effectiveness:
                          - record: c.md
                            kind: analysis
                            title: t
                            signed_on: 2026-11-20
                            signer: s
                          - tag: "@REQ-B"
                            sha256: %s
                        """
                                .formatted(SHA, SHA));
        assertThat(problems(register))
                .containsExactly(
                        "risk-file.yaml: controls[0].verification.implementation[0].sha256:"
                                + " '12ab' is not a SHA-256: 64 hexadecimal digits, as"
                                + " sha256sum prints them",
                        "risk-file.yaml: controls[0].verification.implementation[0].kind:"
                                + " 'report' is not one of inspection, analysis, test,"
                                + " usability",
                        "risk-file.yaml: controls[0].verification.implementation[0].signed_on:"
                                + " '12.11.2026' is not a date written as year-month-day, e.g."
                                + " 2026-11-20",
                        "risk-file.yaml: controls[0].verification.implementation[1].tag: does"
                                + " not belong to a record entry: a record is cited by its file"
                                + " and SHA-256; give the scenario in an entry of its own",
                        "risk-file.yaml: controls[0].verification.implementation[1].signed_on:"
                                + " '2026-13-40' is not a date written as year-month-day, e.g."
                                + " 2026-11-20",
                        "risk-file.yaml: controls[0].verification.effectiveness[0].sha256: is"
                                + " required",
                        "risk-file.yaml: controls[0].verification.effectiveness[0].signed_by: is"
                                + " required",
                        "risk-file.yaml: controls[0].verification.effectiveness[0].signer: is"
                                + " not a known key (known: tag, feature, scenario, run, record,"
                                + " sha256, kind, title, signed_by, signed_on)",
                        "risk-file.yaml: controls[0].verification.effectiveness[1].sha256:"
                                + " belongs to a record entry, and this entry names no record:"
                                + " add record (the file) or leave sha256 out");
    }

    @Test
    void aProblemOfARecordEntryNamesItsLineAndColumn() {
        Path register =
                register(
                        """
                        effectiveness:
                          - record: usability.md
                            sha256: %s
                            kind: survey
                            title: t
                            signed_by: s
                            signed_on: 2026-11-20
                        """
                                .formatted(SHA));
        Problem p = invalid(register).problems().get(0);
        assertThat(p.where())
                .isEqualTo(
                        register
                                + " line 11, column 17,"
                                + " controls[0].verification.effectiveness[0].kind");
        assertThat(p.what())
                .isEqualTo("'survey' is not one of inspection, analysis, test, usability");
    }

    @Test
    void aRequirementCitesRecordsInItsVerifiedByWithTheSameRules() {
        String register =
                """
                controls:
                  - {id: RC-1, kind: protective_measure, description: d, requirements: [REQ-A, REQ-B]}
                hazards:
                  - id: H-1
                    hazard: h
                    sequence_of_events: [e]
                    hazardous_situation: s
                    harm: x
                    initial: {severity: S2, probability: P3}
                    controls: [{control: RC-1, reduces: {probability: P2}}]
                    residual: {severity: S2, probability: P2}
                """;
        String good =
                """
                requirements:
                  - id: REQ-A
                    text: a
                    source: s
                    verified_by:
                      - tag: "@REQ-A"
                      - {record: usability.md, sha256: %s, kind: usability, title: t, signed_by: s, signed_on: 2026-11-20}
                  - {id: REQ-B, text: b, source: s}
                """
                        .formatted(SHA);
        var req = Fixtures.read(SmallFiles.write(dir, good, register)).requirement("REQ-A");
        assertThat(req.orElseThrow().verifiedBy()).containsExactly(ScenarioRef.ofTag("@REQ-A"));
        assertThat(req.orElseThrow().records())
                .extracting(VerificationRecord::file)
                .containsExactly("usability.md");

        String bad =
                good.replace("kind: usability", "kind: survey")
                        .replace("sha256: ", "run: r1, sha256: ");
        assertThat(problems(SmallFiles.write(dir, bad, register)))
                .containsExactly(
                        "requirements.yaml: requirements[0].verified_by[1].run: does not belong to"
                                + " a record entry: a record is cited by its file and SHA-256;"
                                + " give the scenario in an entry of its own",
                        "requirements.yaml: requirements[0].verified_by[1].kind: 'survey' is not"
                                + " one of inspection, analysis, test, usability");
    }
}
