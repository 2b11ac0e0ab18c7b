package org.clinval.reports.pms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.clinval.reports.pdf.PdfA;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/** A period without data, and a folder without design or investigations, still make a report. */
class PmsReportEdgeTest {

    static final Path OUT = Path.of("target", "test-reports", "pms-edge");

    @Test
    void aPeriodWithoutDataSaysSo() throws Exception {
        Path folder = OUT.resolve("out");
        SurveillanceFolder.write(folder);
        Files.delete(folder.resolve("cusum-design.json"));
        Files.delete(folder.resolve("investigations").resolve("investigations.json"));
        PmsReportInputs in =
                PmsOutputFolder.read(folder, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 31));
        assertThat(in.windows()).isEmpty();
        assertThat(in.alarms()).isEmpty();
        Path pdf = OUT.resolve("empty-period.pdf");
        PmsReportWriter.write(in, pdf);
        PmsWorkbookWriter.write(in, OUT.resolve("empty-period.xlsx"));
        assertThat(PdfA.failures(pdf, PDFAFlavour.PDFA_1_B)).isEmpty();
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        assertThat(text)
                .contains("Reporting period 2027-01-01 to 2027-03-31")
                .contains("No alarm in the period")
                .contains("No window of the period in windows.csv.")
                .contains("No alarm was raised in the period.")
                .contains("cusum-design.json is absent")
                .contains("No investigation is recorded")
                .doesNotContain("NaN");
    }
}
