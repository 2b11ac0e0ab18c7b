package org.clinval.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PCCP conformance report of a comparison of the demo study's two runs (the record clinval
 * study compare wrote for them): every number is the comparison record's, and the verdict is the
 * record's.
 */
class PccpReportTest {

    @TempDir Path dir;

    @Test
    void theReportSaysWhatTheComparisonRecordSays() throws Exception {
        Path record = dir.resolve(PccpReport.RECORD);
        try (InputStream in = getClass().getResourceAsStream("/pccp/" + PccpReport.RECORD)) {
            Files.copy(in, record);
        }
        Path docx = PccpReport.write(record, dir.resolve("out"));
        assertThat(docx.getFileName().toString()).isEqualTo("pccp-report.docx");
        // Its PDF/A-1b rendition beside it.
        assertThat(
                        org.clinval.reports.pdf.PdfA.failures(
                                ComplianceDocs.pdfOf(docx),
                                org.verapdf.pdfa.flavours.PDFAFlavour.PDFA_1_B))
                .isEmpty();
        PerformanceSection510kTest.assertEveryCitedNumberIsTheRecords(docx, dir, 40);
        try (XWPFDocument d = new XWPFDocument(Files.newInputStream(docx));
                XWPFWordExtractor x = new XWPFWordExtractor(d)) {
            String text = x.getText();
            assertThat(text)
                    .contains("PCCP conformance report", "PCCP-001")
                    .contains("The modification is within plan of PCCP-001")
                    .doesNotContain("runs/baseline")
                    .doesNotContain("NaN");
        }
    }

    @Test
    void aFileThatIsNotAComparisonRecordIsNamed() throws Exception {
        Path other = Files.writeString(dir.resolve("x.json"), "{\"format\": \"something\"}");
        assertThatThrownBy(() -> PccpReport.write(other, dir))
                .hasMessageContaining("is not a comparison record of clinval study compare");
    }
}
