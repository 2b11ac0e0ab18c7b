package org.clinval.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.clinval.reports.demo.DemoStudy;
import org.clinval.reports.model.EndpointResult;
import org.clinval.reports.model.ValidationReport;
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
