package org.clinval.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.clinval.reports.model.RiskReport;
import org.clinval.reports.testing.RiskDemo;
import org.clinval.risk.RiskManagementFile;
import org.clinval.risk.check.OverallVerdict;
import org.clinval.risk.check.RiskCheck;
import org.clinval.risk.check.RiskCheckReport;
import org.clinval.risk.postproduction.Investigation;
import org.clinval.risk.postproduction.PostProductionInformation;
import org.clinval.risk.results.ResultsSource;
import org.clinval.risk.trace.TraceabilityMatrix;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * The risk management report of a passing run with post-production information: an open
 * investigation on RCM-002 puts it under investigation; a closed one is listed as reviewed.
 */
class RiskReportPostProductionTest {

    static final Investigation OPEN =
            new Investigation(
                    "INV-0001",
                    true,
                    List.of("ALM-1"),
                    "cusum",
                    "site=A",
                    "sensitivity",
                    "[2026-03-01, 2026-03-08)",
                    List.of("RCM-002"),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty());

    static final Investigation CLOSED =
            new Investigation(
                    "INV-0002",
                    false,
                    List.of("ALM-2"),
                    "drift",
                    "all",
                    "score",
                    "[2026-02-01, 2026-02-08)",
                    List.of("RCM-003"),
                    Optional.of("no_action"),
                    Optional.of("case mix of a screening week"),
                    Optional.of("2026-02-10T09:00:00Z"));

    private static RiskReport report(Path dir, PostProductionInformation info) throws Exception {
        Path register = RiskDemo.files(dir.resolve("files"), t -> t);
        Path run = RiskDemo.run(dir, "run-2025-06-03", List.of(), List.of(), t -> t);
        RiskManagementFile file = RiskDemo.read(register);
        Optional<ResultsSource> results = Optional.of(RiskDemo.open(run));
        RiskCheckReport check = RiskCheck.check(file, results, info);
        return new RiskReport(
                check,
                TraceabilityMatrix.of(check, results),
                List.of(),
                "clinval 0.1.0-test",
                RiskDemo.GENERATED);
    }

    @Test
    void anOpenInvestigationIsPrintedWithTheControlItQuestions() throws Exception {
        Path dir = Files.createDirectories(RiskReportPdfTest.OUT.resolve("post-production"));
        RiskReport report =
                report(dir, new PostProductionInformation("pms-out", List.of(OPEN, CLOSED)));
        assertThat(report.check().overall().verdict()).isEqualTo(OverallVerdict.INCOMPLETE);
        Path pdf = dir.resolve("risk-management-report.pdf");
        RiskReportPdf.write(report, pdf);
        PdfText text = PdfText.read(pdf, 40);

        String all = text.all().replaceAll("\\s+", " ");
        // The note under the control, read from its own column: the verdict column beside it
        // (effective, verified by study, under investigation) shares its lines.
        StringBuilder notes = new StringBuilder();
        for (int p = 1; p <= text.pages().size(); p++) {
            notes.append(PdfText.strip(pdf, p, 100, 285)).append(' ');
        }
        assertThat(notes.toString().replaceAll("\\s+", " "))
                .contains(
                        "Under investigation: INV-0001 (cusum on sensitivity, stratum site=A,"
                                + " alarm ALM-1, window [2026-03-01, 2026-03-08)).");
        assertThat(all)
                .contains("Under investigation: RCM-002 (INV-0001).")
                .contains("under investigation")
                .contains("control under investigation")
                .contains("Production and post-production information (ISO 14971:2019 §10)")
                .contains("INV-0002, reviewed")
                .contains("decision no_action: case mix of a screening week")
                .contains("INV-0001, open");
        assertThat(text.overflows()).isEmpty();
        assertThat(PdfA.failures(pdf, PDFAFlavour.PDFA_1_B)).isEmpty();
    }

    @Test
    void withoutPostProductionInformationTheReportSaysNothingOfIt() throws Exception {
        Path dir = Files.createDirectories(RiskReportPdfTest.OUT.resolve("no-post-production"));
        RiskReport report = report(dir, PostProductionInformation.none());
        Path pdf = dir.resolve("risk-management-report.pdf");
        RiskReportPdf.write(report, pdf);
        assertThat(PdfText.read(pdf, 40).all())
                .doesNotContain("under investigation", "post-production information");
    }
}
