package org.clinval.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clinval.reports.model.RiskReport;
import org.clinval.reports.testing.RiskDemo;
import org.clinval.risk.Level;
import org.clinval.risk.RiskEstimate;
import org.clinval.risk.check.Gap;
import org.clinval.risk.check.GapKind;
import org.clinval.risk.check.RiskAssessment;
import org.clinval.risk.trace.TraceRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * The risk management report of the demo risk file against a run in which the effectiveness
 * scenario of RCM-001 failed and that of RCM-009 is missing: RCM-001 and RCM-009 are not effective,
 * HAZ-001 falls back to its initial S4/P4 and HAZ-002 rises to S3/P3.
 */
class RiskReportPdfTest {

    static final Path OUT = Path.of("target", "test-reports", "risk");

    /** Where the risk column of the hazard table lies on the page: margin + 355, 160 wide. */
    static final float RISK_X = 395;

    static final float RISK_WIDTH = 160;

    static RiskReport report;
    static Path pdf;
    static PdfText text;

    @BeforeAll
    static void writeFailingRunReport() throws Exception {
        Path dir = Files.createDirectories(OUT.resolve("failing"));
        Path register = RiskDemo.files(dir.resolve("files"), t -> t);
        Path run =
                RiskDemo.run(
                        dir,
                        "run-2025-06-02",
                        List.of(RiskDemo.RCM_001_EFFECTIVENESS),
                        List.of(RiskDemo.RCM_009_EFFECTIVENESS),
                        t -> t);
        report = RiskDemo.report(register, Optional.of(run), List.of());
        pdf = dir.resolve("risk-management-report.pdf");
        RiskReportPdf.write(report, pdf);
        text = PdfText.read(pdf, 40);
    }

    /** A risk as the report must print it, e.g. {@code S4 critical / P4 probable}. */
    static String printed(RiskEstimate r) {
        return name(r.severity()) + " / " + name(r.probability());
    }

    static String name(Level l) {
        return l.id() + " " + l.name();
    }

    /** The text with all white space removed, so that wrapped lines compare whole. */
    static String squeezed(String s) {
        return s.replaceAll("\\s+", "");
    }

    @Test
    void conformsToPdfA1b() throws Exception {
        List<String> failures = PdfA.failures(pdf, PDFAFlavour.PDFA_1_B);
        assertThat(failures).as("veraPDF PDF/A-1b failed checks").isEmpty();
    }

    @Test
    void printsEveryHazardWithItsInitialClaimedAndVerifiedRisk() throws Exception {
        List<String[]> chips = riskColumn();
        List<RiskAssessment> risks = report.check().risks();
        assertThat(chips).hasSize(risks.size());
        for (int i = 0; i < risks.size(); i++) {
            RiskAssessment r = risks.get(i);
            String[] c = chips.get(i);
            String id = r.id();
            assertThat(text.lines())
                    .as(id)
                    .anyMatch(l -> l.startsWith(id + " " + r.hazard().hazard().split(" ")[0]));
            assertThat(c[0]).as(id + " initial").isEqualTo(printed(r.hazard().initial()));
            assertThat(c[1]).as(id + " initial region").isEqualTo(r.initialAcceptability().key());
            assertThat(c[2]).as(id + " claimed").isEqualTo(printed(r.hazard().residual()));
            assertThat(c[3]).as(id + " claimed region").isEqualTo(r.claimedAcceptability().key());
            assertThat(c[4]).as(id + " verified").isEqualTo(printed(r.residual()));
            assertThat(c[5]).as(id + " verified region").isEqualTo(r.residualAcceptability().key());
        }
    }

    /**
     * Returns, per hazard in print order, the six lines of its three risk boxes (risk, region) as
     * read from the risk column of the hazard table.
     */
    private static List<String[]> riskColumn() throws Exception {
        List<String[]> out = new ArrayList<>();
        for (int p = 1; p <= text.pages().size(); p++) {
            List<String> lines =
                    PdfText.strip(pdf, p, RISK_X, RISK_WIDTH).lines().map(String::strip).toList();
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).equals("Initial risk")) continue;
                assertThat(lines.get(i + 3)).isEqualTo("Residual risk as claimed");
                assertThat(lines.get(i + 6)).isEqualTo("Residual risk verified");
                out.add(
                        new String[] {
                            lines.get(i + 1),
                            lines.get(i + 2),
                            lines.get(i + 4),
                            lines.get(i + 5),
                            lines.get(i + 7),
                            lines.get(i + 8)
                        });
            }
        }
        return out;
    }

    @Test
    void aControlWhoseScenarioFailedIsNotEffectiveAndRaisesItsHazard() throws Exception {
        // RCM-001 alone lowers HAZ-001 from P4 to P2: without it the risk stays S4/P4.
        assertThat(text.lines())
                .anyMatch(
                        l ->
                                l.startsWith("RCM-001 inherent safety by design")
                                        && l.endsWith("NOT EFFECTIVE"));
        assertThat(text.lines()).anyMatch(l -> l.startsWith("RCM-002 ") && l.endsWith("effective"));
        assertThat(squeezed(text.all()))
                .contains(
                        squeezed(
                                "Residual risk raised to S4/P4 (unacceptable) from the S4/P2 the"
                                        + " register claims: RCM-001 is not effective."))
                .contains(
                        squeezed(
                                "Residual risk raised to S3/P3 (investigate) from the S3/P2 the"
                                        + " register claims: RCM-009 is not effective."));
        String[] haz001 = riskColumn().get(0);
        assertThat(haz001[4] + " " + haz001[5]).isEqualTo("S4 critical / P4 probable unacceptable");
        // The control table: verdict, and the effectiveness evidence with its run and scenario.
        String verdicts = PdfText.strip(pdf, controlsPage(), 470, 85);
        assertThat(verdicts).contains("NOT EFFECTIVE");
        assertThat(squeezed(text.all()))
                .contains(
                        squeezed(
                                "Run run-2025-06-02: features/performance.feature:25 \u201c"
                                        + RiskDemo.RCM_001_EFFECTIVENESS
                                        + "\u201d failed"));
        assertThat(text.lines()).anyMatch(l -> l.startsWith("effectiveness @RCM-001 FAILED"));
        assertThat(text.lines()).anyMatch(l -> l.startsWith("effectiveness @RCM-009 MISSING"));
    }

    /**
     * The three verification statuses, each where it occurs: RCM-001 (its effectiveness scenario
     * failed) not verified, RCM-002 verified by study, RCM-008 verified by its signed records, each
     * named with its title, file and the start of its SHA-256.
     */
    @Test
    void eachControlShowsHowItIsVerifiedAndARecordIsNamed() throws Exception {
        StringBuilder verdicts = new StringBuilder();
        for (int p = controlsPage(); p <= text.pages().size(); p++) {
            verdicts.append(PdfText.strip(pdf, p, 470, 85)).append('\n');
        }
        assertThat(verdicts.toString())
                .contains("verified by study", "verified by record", "not verified");
        assertThat(squeezed(text.all()))
                .contains(
                        squeezed(
                                "Verified by record: Summative usability evaluation report"
                                        + " UE-DEMO-001 (summary) (usability record):"
                                        + " usability-summative-evaluation.md, SHA-256"
                                        + " e621d1f1f26d\u2026, signed by A. Reviewer, human"
                                        + " factors engineer on 2026-11-20."))
                .contains(
                        squeezed(
                                "Record: labelling-inspection.md, SHA-256 837297dfab56\u2026,"
                                        + " signed by B. Inspector, regulatory affairs on"
                                        + " 2026-11-12"))
                .contains(squeezed("1 verified by record: RCM-008"));
    }

    private static int controlsPage() {
        for (int p = 0; p < text.pages().size(); p++) {
            if (text.pages().get(p).contains("Measure; verification of implementation")) {
                return p + 1;
            }
        }
        throw new AssertionError("no page starts the control section");
    }

    @Test
    void printsEveryGap() {
        List<Gap> gaps = report.check().gaps();
        assertThat(gaps)
                .extracting(Gap::kind)
                .containsExactly(GapKind.SCENARIO_NOT_PASSED, GapKind.SCENARIO_NOT_FOUND);
        String all = squeezed(text.all());
        for (Gap g : gaps) {
            assertThat(all).contains(squeezed(g.message()));
            assertThat(text.lines())
                    .anyMatch(
                            l ->
                                    l.startsWith(
                                            g.kind().key().replace('_', ' ')
                                                    + " "
                                                    + g.subject()
                                                    + " "));
        }
        assertThat(text.all()).contains("2 gaps: what the risk management file");
    }

    @Test
    void printsOneNumberedRowPerRowOfTheTraceabilityMatrix() {
        List<TraceRow> rows = report.matrix().rows();
        assertThat(rows).hasSizeGreaterThan(50);
        for (int i = 0; i < rows.size(); i++) {
            TraceRow t = rows.get(i);
            String start =
                    (i + 1)
                            + " "
                            + t.requirement().orElse("\u2014")
                            + " "
                            + t.hazard().orElse("\u2014")
                            + " "
                            + t.control().orElse("\u2014")
                            + " "
                            + t.purpose().map(p -> p.key()).orElse("\u2014")
                            + " ";
            List<String> hits = text.lines().stream().filter(l -> l.startsWith(start)).toList();
            assertThat(hits).as("row " + (i + 1)).hasSize(1);
            String result =
                    t.scenario().map(s -> s.passed() ? "PASSED" : "FAILED").orElse("MISSING");
            if (t.requirement().isEmpty() && t.control().isEmpty()) result = "\u2014";
            if (t.record().isPresent()) result = t.record().get().passed() ? "PASSED" : "CHANGED";
            assertThat(hits.get(0)).as("row " + (i + 1)).contains(" " + result);
        }
        String next = (rows.size() + 1) + " ";
        assertThat(text.lines())
                .noneMatch(l -> l.startsWith(next) && l.matches("\\d+ (REQ-|\u2014).*"));
    }

    @Test
    void printsThePlanMatrixAsAGrid() {
        // Reference: the plan's matrix row by row (plan.yaml, acceptability.matrix).
        assertThat(text.lines())
                .contains(
                        "S5 catastrophic investigate investigate unacceptable unacceptable"
                                + " unacceptable",
                        "S1 negligible acceptable acceptable acceptable acceptable investigate");
    }

    @Test
    void saysWhenItIsNotSignedAndStatesTheOverallResidualRisk() throws Exception {
        assertThat(text.all()).contains(RiskReportRows.NOT_SIGNED);
        assertThat(text.pages().get(0))
                .contains("OVERALL RESIDUAL RISK", "NOT ACCEPTABLE", "Signatures not signed");
        // The statement beside its verdict, read from its own column on the first page.
        assertThat(squeezed(PdfText.strip(pdf, 1, 245, 300)))
                .contains(squeezed(report.check().overall().statement()));
        for (String reason : report.check().overall().reasons()) {
            assertThat(squeezed(text.all())).contains(squeezed(reason));
        }
    }

    @Test
    void neverPrintsNaNOrNull() {
        assertThat(text.all())
                .doesNotContainPattern("(?i)\\bnan\\b")
                .doesNotContain("Infinity")
                .doesNotContainPattern("\\bnull\\b");
    }

    @Test
    void keepsEveryGlyphInsideTheMargins() {
        assertThat(text.overflows()).isEmpty();
    }

    @Test
    void numbersEveryPageOfTheTotal() {
        int n = text.pages().size();
        assertThat(n).isGreaterThan(5);
        for (int p = 1; p <= n; p++) {
            assertThat(text.pages().get(p - 1))
                    .contains("Page " + p + " of " + n)
                    .contains("Risk file RMF-DEMO-001 \u00b7 Run run-2025-06-02");
        }
    }
}
