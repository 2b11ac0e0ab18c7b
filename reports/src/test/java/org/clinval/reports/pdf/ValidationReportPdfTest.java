package org.clinval.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.clinval.reports.demo.DemoStudy;
import org.clinval.reports.model.AuditRow;
import org.clinval.reports.model.EndpointResult;
import org.clinval.reports.model.QuarantineRow;
import org.clinval.reports.model.SignatureRow;
import org.clinval.reports.model.ValidationReport;
import org.clinval.validation.Interval;
import org.clinval.validation.binary.ConfusionMatrix;
import org.clinval.validation.roc.AucEstimate;
import org.clinval.validation.roc.RocPoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.flavours.PDFAFlavour;

class ValidationReportPdfTest {

    static final Path OUT = Path.of("target", "test-reports");
    static ValidationReport report;
    static Path pdf;
    static PdfText text;

    @BeforeAll
    static void writeDemoReport() throws Exception {
        report = DemoStudy.generate(20250602L).report();
        Files.createDirectories(OUT);
        pdf = OUT.resolve("validation-report.pdf");
        ValidationReportPdf.write(report, pdf);
        text = PdfText.read(pdf, 40);
    }

    /** Independent of the report's own formatting: three decimals, as printed. */
    static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    @Test
    void conformsToPdfA1b() throws Exception {
        List<String> failures = PdfA.failures(pdf, PDFAFlavour.PDFA_1_B);
        assertThat(failures).as("veraPDF PDF/A-1b failed checks").isEmpty();
    }

    @Test
    void printsEveryEndpointWithItsEstimateIntervalAndResult() {
        for (EndpointResult e : report.endpoints()) {
            List<String> lines =
                    text.lines().stream().filter(l -> l.startsWith(e.id() + " ")).toList();
            assertThat(lines).as(e.id()).hasSize(1);
            String line = lines.get(0);
            if (e.estimate().isPresent()) {
                assertThat(line).contains(f3(e.estimate().getAsDouble()));
            } else {
                assertThat(line).contains("undefined");
                assertThat(text.all()).contains(e.undefinedReason().orElseThrow());
            }
            e.ci().ifPresent(
                            ci ->
                                    assertThat(line)
                                            .contains(
                                                    f3(ci.lower()) + " \u2013 " + f3(ci.upper())));
            assertThat(line).endsWith(e.passed() ? "PASS" : "FAIL");
        }
    }

    @Test
    void printsTheConfusionMatrixAndItsMargins() {
        ConfusionMatrix m = report.matrix();
        assertThat(single("Called positive"))
                .contains(m.tp() + " (TP)", m.fp() + " (FP)")
                .endsWith(" " + (m.tp() + m.fp()));
        assertThat(single("Called negative"))
                .contains(m.fn() + " (FN)", m.tn() + " (TN)")
                .endsWith(" " + (m.fn() + m.tn()));
        assertThat(text.all())
                .contains(
                        m.tp()
                                + " / "
                                + m.positives()
                                + " = "
                                + f3((double) m.tp() / m.positives()))
                .contains(
                        m.tn()
                                + " / "
                                + m.negatives()
                                + " = "
                                + f3((double) m.tn() / m.negatives()));
    }

    @Test
    void printsTheAucWithItsDeLongInterval() {
        AucEstimate auc = report.roc().auc();
        Interval ci = auc.ci().orElseThrow();
        List<String> lines = text.lines();
        int label = lines.indexOf("Area under the curve");
        assertThat(label).isNotNegative();
        assertThat(lines.get(label + 1)).isEqualTo(f3(auc.auc()));
        assertThat(lines.get(label + 2)).isEqualTo("95% confidence interval (DeLong)");
        assertThat(lines.get(label + 3)).isEqualTo(f3(ci.lower()) + " \u2013 " + f3(ci.upper()));
        RocPoint op = report.roc().operatingPoint();
        assertThat(text.all()).contains("sensitivity " + f3(op.sensitivity()));
    }

    @Test
    void printsTheIdentificationAndSignedHashesInFull() {
        String all = text.all();
        assertThat(all)
                .contains(report.device().modelSha256())
                .contains(report.device().descriptorSha256())
                .contains(report.dataset().manifestSha256())
                .contains(report.study().protocolSha256())
                .contains(report.study().runId())
                .contains(report.study().softwareVersion())
                .contains("2025-06-02 14:03:11 UTC");
        for (SignatureRow s : report.signatures()) {
            assertThat(all).contains(s.printedName(), s.meaning(), s.signedSha256());
        }
        assertThat(single("OVERALL VERDICT")).isNotEmpty();
        assertThat(text.pages().get(0)).contains(report.verdict().passed() ? "PASS" : "FAIL");
    }

    @Test
    void printsEveryQuarantinedCaseAndAuditEntry() {
        for (QuarantineRow q : report.quarantine()) {
            assertThat(text.linesWith(q.caseId()))
                    .anyMatch(l -> l.startsWith(q.caseId() + " " + q.input()));
        }
        for (AuditRow a : report.auditExcerpt()) {
            assertThat(text.lines())
                    .anyMatch(l -> l.startsWith(a.sequence() + " 20") && l.contains(a.action()));
        }
    }

    @Test
    void flagsSmallSubgroups() {
        assertThat(text.all()).contains("Flagged: 6 positive cases, fewer than the minimum 20");
    }

    private static String single(String start) {
        List<String> lines = text.lines().stream().filter(l -> l.startsWith(start)).toList();
        assertThat(lines).as(start).hasSize(1);
        return lines.get(0);
    }

    @Test
    void neverPrintsNaN() {
        assertThat(text.all()).doesNotContainPattern("(?i)\\bnan\\b").doesNotContain("Infinity");
    }

    @Test
    void keepsEveryGlyphInsideTheMargins() {
        assertThat(text.overflows()).isEmpty();
    }

    @Test
    void numbersEveryPageOfTheTotal() {
        int n = text.pages().size();
        assertThat(n).isGreaterThan(2);
        for (int p = 1; p <= n; p++) {
            assertThat(text.pages().get(p - 1)).contains("Page " + p + " of " + n);
        }
    }
}
