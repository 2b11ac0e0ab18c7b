package org.clinval.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MDR clinical evaluation of the demo run: the three MDCG 2020-1 pillars, the GSPR rows with
 * the run's evidence, and every number traced to the records.
 */
class MdrClinicalEvaluationTest {

    @TempDir Path dir;

    @Test
    void itHasTheThreePillarsTheGsprRowsAndEveryNumberIsTheRecords() throws Exception {
        Path run = Files.createDirectories(dir.resolve("run"));
        for (String f :
                List.of("metrics.json", "case-results.csv", "protocol.yaml", "run-seal.json")) {
            try (InputStream in = getClass().getResourceAsStream("/demo-run/" + f)) {
                Files.copy(in, run.resolve(f));
            }
        }
        Path docx = ComplianceDocs.write(run, ComplianceDocs.Kind.MDR_CER, dir.resolve("docs"));
        assertThat(docx.getFileName().toString()).isEqualTo("mdr-clinical-evaluation.docx");
        PerformanceSection510kTest.assertEveryCitedNumberIsTheRecords(docx, run, 100);
        try (XWPFDocument d = new XWPFDocument(Files.newInputStream(docx));
                XWPFWordExtractor x = new XWPFWordExtractor(d)) {
            List<String> headings = new ArrayList<>();
            for (XWPFParagraph p : d.getParagraphs()) {
                if ("Heading1".equals(p.getStyle())) headings.add(p.getText());
            }
            assertThat(headings)
                    .containsSubsequence(
                            "2  Valid clinical association",
                            "3  Technical performance",
                            "4  Clinical performance",
                            "5  General safety and performance requirements supported");
            XWPFTable gspr =
                    d.getTables().stream()
                            .filter(t -> t.getRow(0).getCell(0).getText().equals("GSPR"))
                            .findFirst()
                            .orElseThrow();
            assertThat(gspr.getRows()).hasSize(6);
            assertThat(gspr.getRow(1).getCell(3).getText()).isEqualTo("supported");
            // The demo's endpoints verify these risk controls; the GSPR 8 row names them.
            assertThat(gspr.getRow(2).getCell(2).getText()).contains("RCM-001", "RCM-002");
            String text = x.getText();
            assertThat(text).contains("For the manufacturer to complete: the literature");
            assertThat(text).doesNotContain("NaN").doesNotContain("{Table:");
        }
    }
}
