package org.clinval.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool validation report from a requirements run: a requirement is verified only when every
 * step of every scenario passed, and one failed step makes the version not validated.
 */
class ToolValidationReportTest {

    @TempDir Path dir;

    private static String feature(String id, String name, String... statuses) {
        StringBuilder steps = new StringBuilder();
        for (String s : statuses) {
            if (steps.length() > 0) steps.append(',');
            steps.append("{\"name\":\"a step\",\"result\":{\"status\":\"")
                    .append(s)
                    .append("\",\"duration\":2000000}}");
        }
        return "{\"uri\":\"x.feature\",\"name\":\""
                + name
                + "\",\"description\":\"  The statement.\\n  Two lines.\",\"tags\":[{\"name\":\"@"
                + id
                + "\"}],\"elements\":[{\"type\":\"background\",\"name\":\"\",\"steps\":[]},"
                + "{\"type\":\"scenario\",\"name\":\"It works\",\"steps\":["
                + steps
                + "]}]}";
    }

    private Path report(String json) throws Exception {
        Path cucumber = Files.writeString(dir.resolve("suite-requirements.json"), json);
        Path jar = Files.writeString(dir.resolve("clinval-common.jar"), "not really a jar");
        Map<String, Path> components = new LinkedHashMap<>();
        components.put("clinval-common", jar);
        return ToolValidationReport.write(cucumber, "1.2.3", components, dir.resolve("out"));
    }

    @Test
    void everyRequirementPassingValidatesTheVersion() throws Exception {
        Path docx =
                report(
                        "["
                                + feature(
                                        "SRS-001",
                                        "A locked dataset is immutable",
                                        "passed",
                                        "passed")
                                + ","
                                + feature("SRS-004", "Statistics match", "passed")
                                + "]");
        // Its PDF/A-1b rendition beside it.
        assertThat(
                        org.clinval.reports.pdf.PdfA.failures(
                                ComplianceDocs.pdfOf(docx),
                                org.verapdf.pdfa.flavours.PDFAFlavour.PDFA_1_B))
                .isEmpty();
        try (XWPFDocument d = new XWPFDocument(Files.newInputStream(docx));
                XWPFWordExtractor x = new XWPFWordExtractor(d)) {
            XWPFTable reqs = d.getTables().get(0);
            assertThat(reqs.getRow(1).getCell(0).getText()).isEqualTo("SRS-001");
            assertThat(reqs.getRow(1).getCell(2).getText()).isEqualTo("The statement. Two lines.");
            assertThat(reqs.getRow(1).getCell(3).getText()).isEqualTo("1 of 1");
            assertThat(reqs.getRow(1).getCell(4).getText()).isEqualTo("verified");
            assertThat(x.getText())
                    .contains("2 of 2 requirements are verified in this build")
                    .contains("Every requirement of clinval 1.2.3 is verified in this build.")
                    .contains(sha256("not really a jar"));
        }
    }

    @Test
    void oneFailedStepLeavesTheVersionNotValidated() throws Exception {
        Path docx =
                report(
                        "["
                                + feature(
                                        "SRS-001",
                                        "A locked dataset is immutable",
                                        "passed",
                                        "failed")
                                + ","
                                + feature("SRS-004", "Statistics match", "passed")
                                + "]");
        try (XWPFDocument d = new XWPFDocument(Files.newInputStream(docx));
                XWPFWordExtractor x = new XWPFWordExtractor(d)) {
            XWPFTable reqs = d.getTables().get(0);
            assertThat(reqs.getRow(1).getCell(4).getText()).isEqualTo("NOT verified");
            assertThat(d.getTables().get(1).getRow(1).getCell(2).getText()).isEqualTo("failed");
            assertThat(x.getText())
                    .contains("1 of 2 requirements are verified")
                    .contains("this version is not validated");
        }
    }

    /** The SHA-256 of {@code text}, by the JDK, not the suite's helper. */
    private static String sha256(String text) throws Exception {
        byte[] h =
                java.security.MessageDigest.getInstance("SHA-256")
                        .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(h);
    }

    @Test
    void aMissingOrForeignReportIsNamed() throws Exception {
        assertThatThrownBy(
                        () ->
                                ToolValidationReport.write(
                                        dir.resolve("none.json"), "1", Map.of(), dir))
                .hasMessageContaining("no Cucumber report");
        Path other = Files.writeString(dir.resolve("x.json"), "{\"a\": 1}");
        assertThatThrownBy(() -> ToolValidationReport.write(other, "1", Map.of(), dir))
                .hasMessageContaining("is not a Cucumber JSON report");
    }
}
