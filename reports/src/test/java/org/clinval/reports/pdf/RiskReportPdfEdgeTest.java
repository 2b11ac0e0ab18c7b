package org.clinval.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.clinval.reports.model.RiskReport;
import org.clinval.reports.model.SignatureRow;
import org.clinval.reports.testing.RiskDemo;
import org.clinval.risk.check.GapKind;
import org.clinval.risk.check.OverallVerdict;
import org.junit.jupiter.api.Test;

/** The risk management report of a passing, signed run; of no run; and of very long ids. */
class RiskReportPdfEdgeTest {

    static final Path OUT = RiskReportPdfTest.OUT;

    private static PdfText write(String name, RiskReport report) throws Exception {
        Path pdf = OUT.resolve(name).resolve("risk-management-report.pdf");
        Files.createDirectories(pdf.getParent());
        RiskReportPdf.write(report, pdf);
        return PdfText.read(pdf, 40);
    }

    private static String squeezed(CharSequence s) {
        return s.toString().replaceAll("\\s+", "");
    }

    @Test
    void aPassingSignedRunIsAcceptableAndListsItsSignatures() throws Exception {
        Path dir = Files.createDirectories(OUT.resolve("passing"));
        Path register = RiskDemo.files(dir.resolve("files"), t -> t);
        Path run = RiskDemo.run(dir, "run-2025-06-03", List.of(), List.of(), t -> t);
        RiskReport report = RiskDemo.report(register, Optional.of(run), RiskDemo.signatures());
        assertThat(report.check().overall().verdict()).isEqualTo(OverallVerdict.ACCEPTABLE);
        PdfText text = write("passing", report);

        assertThat(text.pages().get(0)).contains("OVERALL RESIDUAL RISK", "ACCEPTABLE");
        assertThat(text.pages().get(0)).doesNotContain("NOT ACCEPTABLE", "not signed");
        for (SignatureRow s : report.signatures()) {
            assertThat(text.all()).contains(s.printedName(), s.meaning(), s.signedSha256());
            assertThat(text.pages().get(0)).contains(s.printedName());
        }
        assertThat(text.all())
                .contains("No gaps: every unacceptable risk is controlled")
                .doesNotContain(RiskReportRows.NOT_SIGNED, "NOT EFFECTIVE", "MISSING");
        assertThat(text.overflows()).isEmpty();
    }

    @Test
    void withoutARunNoScenarioIsVerifiedAndOnlyTheControlVerifiedByRecordsIsEffective()
            throws Exception {
        Path dir = Files.createDirectories(OUT.resolve("no-run"));
        Path register = RiskDemo.files(dir.resolve("files"), t -> t);
        RiskReport report = RiskDemo.report(register, Optional.empty(), List.of());
        PdfText text = write("no-run", report);

        assertThat(report.check().gaps())
                .extracting(g -> g.kind())
                .contains(GapKind.RESULTS_MISSING);
        assertThat(text.pages().get(0))
                .contains("No study run")
                .contains("none given: no scenario is confirmed");
        // RCM-008 cites signed records only, which are checked without a run.
        long controls = report.file().register().controls().size() - 1;
        assertThat(text.lines().stream().filter(l -> l.endsWith("NOT EFFECTIVE")))
                .as("each control but RCM-008 in sections 2 and 3")
                .hasSizeGreaterThanOrEqualTo((int) controls);
        assertThat(text.all().replaceAll("\\s+", " "))
                .contains("No study run was given: no scenario is verified;")
                .contains(
                        "1 of 12 risk control measures effective (0 verified by study, 1"
                                + " verified by record: RCM-008)")
                .doesNotContainPattern("\\bnull\\b");
        assertThat(text.lines().stream().filter(l -> l.contains("PASSED")))
                .as("only the records pass")
                .isNotEmpty()
                .allMatch(
                        l -> l.contains("Inspection record") || l.contains("Summative usability"));
        for (int p = 1; p <= text.pages().size(); p++) {
            assertThat(text.pages().get(p - 1))
                    .contains("Risk file RMF-DEMO-001 \u00b7 No study run");
        }
        assertThat(text.overflows()).isEmpty();
    }

    /** The usability record was edited after the risk file cited it: RCM-008 is not verified. */
    @Test
    void aRecordChangedAfterItWasCitedIsShownAndLeavesItsControlNotVerified() throws Exception {
        Path dir = Files.createDirectories(OUT.resolve("changed-record"));
        Path register = RiskDemo.files(dir.resolve("files"), t -> t);
        Files.writeString(
                register.resolveSibling("usability-summative-evaluation.md"),
                "Both acceptance criteria are met by a wide margin.\n",
                java.nio.file.StandardOpenOption.APPEND);
        Path run = RiskDemo.run(dir, "run-2025-06-03", List.of(), List.of(), t -> t);
        RiskReport report = RiskDemo.report(register, Optional.of(run), List.of());
        assertThat(report.check().overall().verdict()).isEqualTo(OverallVerdict.NOT_ACCEPTABLE);
        PdfText text = write("changed-record", report);

        String all = squeezed(text.all());
        assertThat(all)
                .contains(
                        squeezed(
                                "11 of 12 risk control measures effective; not effective:"
                                        + " RCM-008."))
                .contains(
                        squeezed(
                                "Not verified, so their reductions are not credited: RCM-008"
                                        + " (cited record usability-summative-evaluation.md"
                                        + " changed since it was cited)."))
                .contains(squeezed("SHA-256 differs: file has "))
                .contains(squeezed("record changed"))
                .doesNotContain(squeezed("Verified by record:"));
        assertThat(text.lines()).anyMatch(l -> l.contains("CHANGED"));
        assertThat(text.overflows()).isEmpty();
    }

    @Test
    void longIdsWrapInsideTheirColumns() throws Exception {
        // One id breaks at its hyphens, the other has none and must break inside the word.
        String control = "RCM-003-STRATIFIED-SITE-AND-SCANNER-VERIFICATION-BEFORE-RELEASE";
        String requirement = "REQ_SUB_001_SENSITIVITY_AT_EVERY_SITE_AND_SCANNER_MANUFACTURER";
        Path dir = Files.createDirectories(OUT.resolve("long-ids"));
        Path register =
                RiskDemo.files(
                        dir.resolve("files"),
                        t -> t.replace("RCM-003", control).replace("REQ-SUB-001", requirement));
        Path run =
                RiskDemo.run(
                        dir,
                        "run-with-a-rather-long-name-2025-06-02-site-b-second-attempt",
                        List.of(),
                        List.of(),
                        t -> t.replace("RCM-003", control).replace("REQ-SUB-001", requirement));
        RiskReport report = RiskDemo.report(register, Optional.of(run), List.of());
        assertThat(report.check().gaps()).isEmpty();
        PdfText text = write("long-ids", report);
        Path pdf = OUT.resolve("long-ids").resolve("risk-management-report.pdf");

        assertThat(text.overflows()).isEmpty();
        assertThat(text.all()).doesNotContainPattern("\\bnull\\b");
        // The traceability matrix: requirement at 60-130 pt, control at 180-230 pt.
        StringBuilder requirements = new StringBuilder();
        StringBuilder controls = new StringBuilder();
        for (int p = 1; p <= text.pages().size(); p++) {
            if (!text.pages().get(p - 1).contains("# Requirement Hazard Control")) continue;
            requirements.append(PdfText.strip(pdf, p, 60, 70));
            controls.append(PdfText.strip(pdf, p, 180, 50));
        }
        assertThat(squeezed(requirements).contains(requirement))
                .as("the requirement id, wrapped in its column")
                .isTrue();
        assertThat(squeezed(controls).contains(control))
                .as("the control id, wrapped in its column")
                .isTrue();
    }
}
