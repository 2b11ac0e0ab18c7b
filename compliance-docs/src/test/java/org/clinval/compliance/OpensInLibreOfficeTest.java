package org.clinval.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 510(k) section opens in another word processor than the one it was written with: Debian's
 * LibreOffice converts it to PDF headless, and the PDF has the document's pages, its headings and
 * its cross-references resolved to the table numbers.
 */
class OpensInLibreOfficeTest {
    // Each document kind: the 510(k) section in detail below, the others converted and read back.

    static final Path SOFFICE = Path.of("/usr/bin/soffice");

    @TempDir Path dir;

    @Test
    void libreOfficeConvertsTheSectionToPdf() throws Exception {
        assertThat(Files.isExecutable(SOFFICE))
                .as("LibreOffice (Debian libreoffice-writer-nogui; .ci/install-test-tools)")
                .isTrue();
        Path run = Files.createDirectories(dir.resolve("run"));
        for (String f :
                List.of("metrics.json", "case-results.csv", "protocol.yaml", "run-seal.json")) {
            try (InputStream in = getClass().getResourceAsStream("/demo-run/" + f)) {
                Files.copy(in, run.resolve(f));
            }
        }
        Path docx = ComplianceDocs.write(run, ComplianceDocs.Kind.FDA_510K, dir.resolve("docs"));
        // LibreOffice writes its PDF into a folder of its own: the documents' own PDF/A renditions
        // have the same names.
        Path converted = Files.createDirectories(dir.resolve("libreoffice"));
        Path pdf = converted.resolve("510k-performance.pdf");
        for (ComplianceDocs.Kind other :
                List.of(
                        ComplianceDocs.Kind.MODEL_CARD,
                        ComplianceDocs.Kind.MDR_CER,
                        ComplianceDocs.Kind.CLAIM)) {
            Path d = ComplianceDocs.write(run, other, dir.resolve("docs"));
            run(
                    List.of(
                            SOFFICE.toString(),
                            "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                            "--headless",
                            "--norestore",
                            "--convert-to",
                            "pdf",
                            "--outdir",
                            converted.toString(),
                            d.toString()));
            Path p = converted.resolve(d.getFileName().toString().replace(".docx", ".pdf"));
            String text = run(List.of("pdftotext", p.toString(), "-"));
            assertThat(text)
                    .as(other.key())
                    .contains(
                            switch (other) {
                                case MODEL_CARD -> "Model card";
                                case CLAIM -> "CLAIM 2024 checklist";
                                default -> "MDCG 2020-1";
                            })
                    .containsPattern("Appendix");
        }
        String log =
                run(
                        List.of(
                                SOFFICE.toString(),
                                "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                                "--headless",
                                "--norestore",
                                "--convert-to",
                                "pdf",
                                "--outdir",
                                pdf.getParent().toString(),
                                docx.toString()));
        assertThat(pdf).as(log).exists();
        String info = run(List.of("pdfinfo", pdf.toString()));
        int pages = Integer.parseInt(info.replaceAll("(?s).*Pages:\\s+(\\d+).*", "$1"));
        assertThat(pages).as(info).isGreaterThanOrEqualTo(5);
        String text = run(List.of("pdftotext", "-layout", pdf.toString(), "-"));
        assertThat(text)
                .contains("Standalone performance testing", "Conclusion")
                .containsPattern("4\\s+Results")
                .containsPattern("in\\s+Table\\s+6;\\s+the\\s+confusion\\s+matrix")
                .containsPattern("page\\s+1\\s+of\\s+" + pages);
    }

    @Test
    void libreOfficeConvertsThePccpAndToolValidationReports() throws Exception {
        Path record = dir.resolve(PccpReport.RECORD);
        try (InputStream in = getClass().getResourceAsStream("/pccp/" + PccpReport.RECORD)) {
            Files.copy(in, record);
        }
        Path pccp = PccpReport.write(record, dir.resolve("pccp"));
        Path cucumber =
                Files.writeString(
                        dir.resolve("suite-requirements.json"),
                        "[{\"uri\":\"x.feature\",\"name\":\"A locked dataset is immutable\","
                                + "\"description\":\"  The statement.\",\"tags\":[{\"name\":"
                                + "\"@SRS-001\"}],\"elements\":[{\"type\":\"scenario\",\"name\":"
                                + "\"It works\",\"steps\":[{\"name\":\"a step\",\"result\":"
                                + "{\"status\":\"passed\",\"duration\":1}}]}]}]");
        Path tool =
                ToolValidationReport.write(
                        cucumber, "1.2.3", java.util.Map.of(), dir.resolve("tool"));
        Path converted = Files.createDirectories(dir.resolve("libreoffice"));
        for (Path d : List.of(pccp, tool)) {
            run(
                    List.of(
                            SOFFICE.toString(),
                            "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                            "--headless",
                            "--norestore",
                            "--convert-to",
                            "pdf",
                            "--outdir",
                            converted.toString(),
                            d.toString()));
            Path p = converted.resolve(d.getFileName().toString().replace(".docx", ".pdf"));
            String text = run(List.of("pdftotext", p.toString(), "-"));
            assertThat(text)
                    .as(d.getFileName().toString())
                    .contains(d == pccp ? "PCCP conformance report" : "SRS-001")
                    .containsPattern("page\\s+1\\s+of\\s+\\d+");
        }
    }

    private static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).as(String.join(" ", cmd)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + text).isZero();
        return text;
    }
}
