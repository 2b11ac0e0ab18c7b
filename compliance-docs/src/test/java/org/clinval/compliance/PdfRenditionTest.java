package org.clinval.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.clinval.reports.pdf.PdfA;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * Each document kind is written as DOCX and, beside it, as PDF/A-1b: veraPDF finds no failed rule,
 * and the PDF says what the Word document says — its headings (also as the PDF's outline), every
 * computation reference, its cross-references resolved to table numbers, and "page X of Y".
 */
class PdfRenditionTest {

    @TempDir Path dir;
    Path run;

    @BeforeEach
    void copyRun() throws Exception {
        run = Files.createDirectories(dir.resolve("run"));
        for (String f :
                List.of("metrics.json", "case-results.csv", "protocol.yaml", "run-seal.json")) {
            try (InputStream in = getClass().getResourceAsStream("/demo-run/" + f)) {
                Files.copy(in, run.resolve(f));
            }
        }
    }

    @Test
    void everyKindIsWrittenAsPdfA1bSayingWhatTheWordDocumentSays() throws Exception {
        for (ComplianceDocs.Kind kind : ComplianceDocs.Kind.values()) {
            Path docx = ComplianceDocs.write(run, kind, dir.resolve("docs"));
            Path pdf = ComplianceDocs.pdfOf(docx);
            assertThat(pdf).as(kind.key()).exists();
            assertThat(PdfA.failures(pdf, PDFAFlavour.PDFA_1_B)).as(kind.key()).isEmpty();

            String word;
            try (XWPFDocument d = new XWPFDocument(Files.newInputStream(docx));
                    XWPFWordExtractor x = new XWPFWordExtractor(d)) {
                word = x.getText();
            }
            try (PDDocument p = Loader.loadPDF(pdf.toFile())) {
                String text = new PDFTextStripper().getText(p);
                String flat = text.replaceAll("\\s+", " ");
                assertThat(refs(flat))
                        .as(kind.key() + ": computation references")
                        .isEqualTo(refs(word));
                assertThat(refs(flat)).as(kind.key()).isNotEmpty();
                int pages = p.getNumberOfPages();
                assertThat(flat).as(kind.key()).contains("page 1 of " + pages);
                assertThat(flat)
                        .doesNotContain("{Table:")
                        .doesNotContain("&lt;")
                        .doesNotContain("&amp;");
                assertThat(p.getDocumentInformation().getTitle()).isNotBlank();
                // The outline lists the numbered headings, in order.
                List<String> outline = new java.util.ArrayList<>();
                for (PDOutlineItem item : p.getDocumentCatalog().getDocumentOutline().children()) {
                    outline.add(item.getTitle());
                }
                assertThat(outline).as(kind.key()).isNotEmpty();
                assertThat(outline.get(0)).startsWith("1  ");
                for (String heading : outline) {
                    assertThat(flat).contains(heading.replaceAll("\\s+", " "));
                }
            }
        }
    }

    @Test
    void crossReferencesNameTheTableNumbers() throws Exception {
        Path docx = ComplianceDocs.write(run, ComplianceDocs.Kind.FDA_510K, dir.resolve("docs"));
        try (PDDocument p = Loader.loadPDF(ComplianceDocs.pdfOf(docx).toFile())) {
            String flat = new PDFTextStripper().getText(p).replaceAll("\\s+", " ");
            // The same sentence the LibreOffice rendering of the Word document shows.
            assertThat(flat).containsPattern("in Table 6; the confusion matrix");
            assertThat(flat).contains("Table 6. ");
        }
    }

    @Test
    void textThatLooksLikeMarkupIsShownAsWritten() throws Exception {
        // A value that starts with markup is text too (it once passed as styled markup).
        Doc doc = new Doc("A <b>title</b> & more", "<b>sub</b> <sup>x</sup>");
        doc.h1("Results & <limits>")
                .p("AUC < 0.9 & > 0.8 [R1] in {Table:t}")
                .table("t", "Caption <i>", List.of("a<b", "c&d"), List.of(List.of("<x>", "1 [R2]")))
                .toComplete("Say <why> & how");
        Path pdf = dir.resolve("markup.pdf");
        PdfWriter.write(doc, pdf, Optional.empty());
        assertThat(PdfA.failures(pdf, PDFAFlavour.PDFA_1_B)).isEmpty();
        try (PDDocument p = Loader.loadPDF(pdf.toFile())) {
            String flat = new PDFTextStripper().getText(p).replaceAll("\\s+", " ");
            assertThat(flat)
                    .contains("A <b>title</b> & more")
                    .contains("<b>sub</b> <sup>x</sup>")
                    .contains("1 Results & <limits>")
                    .contains("AUC < 0.9 & > 0.8 [R1] in Table 1")
                    .contains("Table 1. Caption <i>")
                    .contains("a<b", "c&d", "<x>")
                    .contains("Say <why> & how");
        }
    }

    private static Set<String> refs(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = DocxWriter.REF.matcher(text);
        while (m.find()) out.add(m.group());
        return out;
    }
}
