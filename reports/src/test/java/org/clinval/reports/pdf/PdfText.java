package org.clinval.reports.pdf;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.apache.pdfbox.text.TextPosition;

/**
 * The text of a PDF as PDFBox reads it, page by page in reading order, with the horizontal extent
 * of every glyph so tests can check nothing runs off the page.
 */
final class PdfText {

    /** A glyph that lies outside the horizontal margins. */
    record Overflow(int page, String text, float left, float right) {}

    private final List<String> pages;
    private final List<Overflow> overflows;

    private PdfText(List<String> pages, List<Overflow> overflows) {
        this.pages = List.copyOf(pages);
        this.overflows = List.copyOf(overflows);
    }

    /** Reads {@code pdf}; glyphs outside {@code [margin, width − margin]} are overflows. */
    static PdfText read(Path pdf, float margin) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            List<String> pages = new ArrayList<>();
            List<Overflow> overflows = new ArrayList<>();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                int page = p;
                float width = doc.getPage(p - 1).getMediaBox().getWidth();
                PDFTextStripper stripper =
                        new PDFTextStripper() {
                            @Override
                            protected void writeString(String text, List<TextPosition> glyphs)
                                    throws IOException {
                                for (TextPosition g : glyphs) {
                                    float left = g.getXDirAdj();
                                    float right = left + g.getWidthDirAdj();
                                    if (left < margin - 0.5f || right > width - margin + 0.5f) {
                                        overflows.add(new Overflow(page, text, left, right));
                                        break;
                                    }
                                }
                                super.writeString(text, glyphs);
                            }
                        };
                stripper.setSortByPosition(true);
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                pages.add(stripper.getText(doc));
            }
            return new PdfText(pages, overflows);
        }
    }

    /**
     * Returns the text of page {@code page} (from 1) inside the vertical strip from {@code x} to
     * {@code x + width} points, in reading order.
     */
    static String strip(Path pdf, int page, float x, float width) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDPage p = doc.getPage(page - 1);
            PDFTextStripperByArea area = new PDFTextStripperByArea();
            area.setSortByPosition(true);
            area.addRegion(
                    "strip", new Rectangle2D.Float(x, 0, width, p.getMediaBox().getHeight()));
            area.extractRegions(p);
            return area.getTextForRegion("strip");
        }
    }

    /** Returns the text of each page. */
    List<String> pages() {
        return pages;
    }

    /** Returns the whole text. */
    String all() {
        return String.join("\n", pages);
    }

    /** Returns every line of the document. */
    List<String> lines() {
        return all().lines().toList();
    }

    /** Returns the lines that contain {@code text}. */
    List<String> linesWith(String text) {
        return lines().stream().filter(l -> l.contains(text)).toList();
    }

    /** Returns the glyph runs outside the margins. */
    List<Overflow> overflows() {
        return overflows;
    }
}
