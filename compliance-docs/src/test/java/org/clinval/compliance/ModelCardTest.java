package org.clinval.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model card of the demo run: its sections, and every number traced to the records. */
class ModelCardTest {

    @TempDir Path dir;

    @Test
    void theModelCardHasItsSectionsAndEveryNumberIsTheRecordsNumber() throws Exception {
        Path run = Files.createDirectories(dir.resolve("run"));
        for (String f :
                List.of("metrics.json", "case-results.csv", "protocol.yaml", "run-seal.json")) {
            try (InputStream in = getClass().getResourceAsStream("/demo-run/" + f)) {
                Files.copy(in, run.resolve(f));
            }
        }
        Path docx = ComplianceDocs.write(run, ComplianceDocs.Kind.MODEL_CARD, dir.resolve("docs"));
        assertThat(docx.getFileName().toString()).isEqualTo("model-card.docx");
        PerformanceSection510kTest.assertEveryCitedNumberIsTheRecords(docx, run, 100);
        try (XWPFDocument d = new XWPFDocument(Files.newInputStream(docx))) {
            List<String> headings = new ArrayList<>();
            for (XWPFParagraph p : d.getParagraphs()) {
                if ("Heading1".equals(p.getStyle())) headings.add(p.getText());
            }
            assertThat(headings)
                    .containsExactly(
                            "1  Model",
                            "2  Intended use",
                            "3  Data",
                            "4  Performance",
                            "5  Limitations",
                            "6  Monitoring after release",
                            "7  Appendix: computation records");
            String text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(d).getText();
            // The demo's age band under 40 has 5 positive cases: a limitation the card names.
            assertThat(text).contains("The subgroup age band = <40 has fewer cases of a class");
            assertThat(text)
                    .contains("For the manufacturer to complete: the training and tuning data");
            assertThat(text).doesNotContain("NaN");
        }
    }
}
