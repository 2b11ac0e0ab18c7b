package org.clinval.compliance;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBookmark;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFldChar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTShd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STShd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * Writes a {@link Doc} as a Word document a regulatory writer can work in: real Heading 1/2, Title,
 * Caption and Note styles (a blank document has none), a table of contents field (its entries
 * written in, and refreshed by Word when the document opens), numbered table captions ({@code SEQ
 * Table} fields) with bookmarks, cross-references ({@code {Table:id}} in the text becomes a {@code
 * REF} field to the caption), a footer with page X of Y, US Letter pages. The document's creation
 * date is the run's, so writing it again from the same run gives the same content.
 */
public final class DocxWriter {

    static final Pattern XREF = Pattern.compile("\\{Table:([A-Za-z0-9_-]+)}");
    static final Pattern REF = Pattern.compile("\\[R\\d+]");
    private static final String ACCENT = "1F4E79";

    /** The width between the margins of a US Letter page with 1-inch margins, in twips. */
    private static final int TEXT_WIDTH = 12240 - 2 * 1440;

    private DocxWriter() {}

    /** Writes {@code doc} to {@code file}; {@code created} is the document's creation date. */
    public static void write(Doc doc, Path file, Optional<Instant> created) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (XWPFDocument d = new XWPFDocument();
                OutputStream out = Files.newOutputStream(file)) {
            var core = d.getProperties().getCoreProperties();
            core.setTitle(doc.title());
            core.setCreator("clinval");
            created.ifPresent(c -> core.setCreated(Optional.of(Date.from(c))));
            core.setModified(created.map(Date::from));
            d.getProperties().getExtendedProperties().setApplication("clinval");
            styles(d);
            page(d, doc.title());
            // An on/off element without a value is on: the reader refreshes the fields on opening.
            d.getSettings().getCTSettings().addNewUpdateFields();

            XWPFParagraph t = d.createParagraph();
            t.setStyle("Title");
            t.createRun().setText(doc.title());
            XWPFParagraph st = d.createParagraph();
            st.setStyle("Subtitle");
            st.createRun().setText(doc.subtitle());

            Map<String, Integer> tableNumbers = new LinkedHashMap<>();
            int n = 0;
            for (Doc.Block b : doc.blocks()) {
                if (b instanceof Doc.Table tb) tableNumbers.put(tb.id(), ++n);
            }
            toc(d, doc);

            int h1 = 0;
            int h2 = 0;
            for (Doc.Block b : doc.blocks()) {
                if (b instanceof Doc.Heading h) {
                    XWPFParagraph p = d.createParagraph();
                    p.setStyle(h.level() == 1 ? "Heading1" : "Heading2");
                    String num = h.level() == 1 ? (++h1) + "" : h1 + "." + (++h2);
                    if (h.level() == 1) h2 = 0;
                    p.createRun().setText(num + "  " + h.text());
                } else if (b instanceof Doc.Para para) {
                    text(d.createParagraph(), para.text(), tableNumbers);
                } else if (b instanceof Doc.ToComplete tc) {
                    XWPFParagraph p = d.createParagraph();
                    p.setStyle("Note");
                    XWPFRun r = p.createRun();
                    r.setBold(true);
                    r.setText("For the manufacturer to complete: ");
                    p.createRun().setText(tc.text());
                } else if (b instanceof Doc.Table tb) {
                    table(d, tb, tableNumbers.get(tb.id()), tableNumbers);
                }
            }
            d.write(out);
        }
    }

    /** Plain text in which computation references ([R12]) are set small and raised. */
    private static void runs(XWPFParagraph p, String text) {
        Matcher m = REF.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) p.createRun().setText(text.substring(at, m.start()));
            XWPFRun r = p.createRun();
            r.setVerticalAlignment("superscript");
            r.setColor("5F5F5F");
            r.setText(m.group());
            at = m.end();
        }
        if (at < text.length()) p.createRun().setText(text.substring(at));
    }

    /** Text with {@code {Table:id}} cross-references as REF fields to the captions. */
    private static void text(XWPFParagraph p, String text, Map<String, Integer> tables) {
        Matcher m = XREF.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) runs(p, text.substring(at, m.start()));
            Integer number = tables.get(m.group(1));
            if (number == null) throw new IllegalArgumentException("no table " + m.group(1));
            CTSimpleField f = p.getCTP().addNewFldSimple();
            f.setInstr(" REF " + bookmark(m.group(1)) + " \\h ");
            f.addNewR().addNewT().setStringValue("Table " + number);
            at = m.end();
        }
        if (at < text.length()) runs(p, text.substring(at));
    }

    private static String bookmark(String id) {
        return "_Ref_" + id.replaceAll("[^A-Za-z0-9_]", "_");
    }

    private static void table(
            XWPFDocument d, Doc.Table tb, int number, Map<String, Integer> tables) {
        XWPFParagraph cap = d.createParagraph();
        cap.setStyle("Caption");
        cap.setKeepNext(true);
        CTBookmark start = cap.getCTP().addNewBookmarkStart();
        BigInteger id = BigInteger.valueOf(number);
        start.setId(id);
        start.setName(bookmark(tb.id()));
        cap.createRun().setText("Table ");
        CTSimpleField seq = cap.getCTP().addNewFldSimple();
        seq.setInstr(" SEQ Table \\* ARABIC ");
        seq.addNewR().addNewT().setStringValue(String.valueOf(number));
        cap.getCTP().addNewBookmarkEnd().setId(id);
        cap.createRun().setText(". " + tb.caption());

        XWPFTable t = d.createTable(tb.rows().size() + 1, tb.header().size());
        t.setWidth("100%");
        var border = XWPFTable.XWPFBorderType.SINGLE;
        t.setTopBorder(border, 4, 0, "808080");
        t.setBottomBorder(border, 4, 0, "808080");
        t.setLeftBorder(border, 4, 0, "808080");
        t.setRightBorder(border, 4, 0, "808080");
        t.setInsideHBorder(border, 2, 0, "BFBFBF");
        t.setInsideVBorder(border, 2, 0, "BFBFBF");
        t.setCellMargins(40, 80, 40, 80);
        int cols = tb.header().size();
        int[] twips = ColumnWidths.of(tb, TEXT_WIDTH);
        var grid = t.getCTTbl().getTblGrid();
        if (grid == null) grid = t.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) grid.removeGridCol(0);
        for (int w : twips) grid.addNewGridCol().setW(BigInteger.valueOf(w));
        t.setWidth(String.valueOf(TEXT_WIDTH));
        var pr = t.getCTTbl().getTblPr();
        (pr.isSetTblLayout() ? pr.getTblLayout() : pr.addNewTblLayout())
                .setType(
                        org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType
                                .FIXED);
        for (XWPFTableRow row : t.getRows()) {
            for (int c = 0; c < cols; c++) {
                row.getCell(c).setWidthType(org.apache.poi.xwpf.usermodel.TableWidthType.DXA);
                row.getCell(c).setWidth(String.valueOf(twips[c]));
            }
        }
        XWPFTableRow head = t.getRow(0);
        head.setRepeatHeader(true);
        for (int c = 0; c < tb.header().size(); c++) {
            XWPFTableCell cell = head.getCell(c);
            CTShd shd = cell.getCTTc().addNewTcPr().addNewShd();
            shd.setVal(STShd.CLEAR);
            shd.setFill("DCE6F0");
            cellText(cell, tb.header().get(c), true, tables);
        }
        for (int r = 0; r < tb.rows().size(); r++) {
            XWPFTableRow row = t.getRow(r + 1);
            row.setCantSplitRow(true);
            List<String> values = tb.rows().get(r);
            for (int c = 0; c < tb.header().size(); c++) {
                cellText(row.getCell(c), c < values.size() ? values.get(c) : "", false, tables);
            }
        }
        d.createParagraph().setSpacingAfter(120);
    }

    private static void cellText(
            XWPFTableCell cell, String text, boolean bold, Map<String, Integer> tables) {
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setStyle("TableText");
        if (bold) {
            XWPFRun r = p.createRun();
            r.setBold(true);
            r.setText(text);
        } else {
            text(p, text, tables);
        }
    }

    /** The table of contents: a TOC field over Heading 1–2 with its entries written in. */
    private static void toc(XWPFDocument d, Doc doc) {
        XWPFParagraph title = d.createParagraph();
        title.setStyle("TOCHeading");
        title.createRun().setText("Contents");
        List<String> entries = new ArrayList<>();
        int h1 = 0;
        int h2 = 0;
        for (Doc.Block b : doc.blocks()) {
            if (b instanceof Doc.Heading h) {
                if (h.level() == 1) {
                    entries.add("1|" + (++h1) + "  " + h.text());
                    h2 = 0;
                } else {
                    entries.add("2|" + h1 + "." + (++h2) + "  " + h.text());
                }
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            String[] e = entries.get(i).split("\\|", 2);
            XWPFParagraph p = d.createParagraph();
            p.setStyle(e[0].equals("1") ? "TOC1" : "TOC2");
            if (i == 0) {
                fldChar(p, STFldCharType.BEGIN);
                CTR instr = p.getCTP().addNewR();
                CTText it = instr.addNewInstrText();
                it.setStringValue(" TOC \\o \"1-2\" \\h \\z \\u ");
                it.setSpace(org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute.Space.PRESERVE);
                fldChar(p, STFldCharType.SEPARATE);
            }
            p.createRun().setText(e[1]);
            if (i == entries.size() - 1) fldChar(p, STFldCharType.END);
        }
        d.createParagraph().setPageBreak(true);
    }

    private static void fldChar(XWPFParagraph p, STFldCharType.Enum type) {
        CTFldChar f = p.getCTP().addNewR().addNewFldChar();
        f.setFldCharType(type);
    }

    private static void page(XWPFDocument d, String title) {
        CTSectPr sect = d.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(12240)); // US Letter, twentieths of a point
        size.setH(BigInteger.valueOf(15840));
        CTPageMar mar = sect.addNewPgMar();
        for (var side : List.of("top", "bottom", "left", "right")) {
            BigInteger inch = BigInteger.valueOf(1440);
            switch (side) {
                case "top" -> mar.setTop(inch);
                case "bottom" -> mar.setBottom(inch);
                case "left" -> mar.setLeft(inch);
                default -> mar.setRight(inch);
            }
        }
        mar.setHeader(BigInteger.valueOf(708));
        mar.setFooter(BigInteger.valueOf(708));
        XWPFHeaderFooterPolicy policy = new XWPFHeaderFooterPolicy(d, sect);
        XWPFFooter footer = policy.createFooter(XWPFHeaderFooterPolicy.DEFAULT);
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setStyle("Footer");
        p.createRun().setText(title + " — page ");
        field(p, " PAGE ", "1");
        p.createRun().setText(" of ");
        field(p, " NUMPAGES ", "1");
    }

    private static void field(XWPFParagraph p, String instr, String shown) {
        CTSimpleField f = p.getCTP().addNewFldSimple();
        f.setInstr(instr);
        f.addNewR().addNewT().setStringValue(shown);
    }

    // ---- styles: a blank document has no Heading styles ----

    private static void styles(XWPFDocument d) {
        XWPFStyles s = d.createStyles();
        s.setSpellingLanguage("en-US");
        style(s, "Normal", "Normal", null, 0, 21, false, null, 0, 120);
        style(s, "Title", "Title", "Normal", 0, 44, true, ACCENT, 0, 120);
        style(s, "Subtitle", "Subtitle", "Normal", 0, 26, false, "595959", 0, 360);
        style(s, "Heading1", "heading 1", "Normal", 1, 32, true, ACCENT, 360, 120);
        style(s, "Heading2", "heading 2", "Normal", 2, 26, true, ACCENT, 240, 80);
        style(s, "TOCHeading", "TOC Heading", "Normal", 0, 28, true, ACCENT, 240, 120);
        style(s, "TOC1", "toc 1", "Normal", 0, 21, true, null, 60, 0);
        style(s, "TOC2", "toc 2", "Normal", 0, 21, false, null, 0, 0);
        style(s, "Caption", "caption", "Normal", 0, 19, true, "404040", 160, 60);
        style(s, "TableText", "Table Text", "Normal", 0, 18, false, null, 0, 0);
        style(s, "Note", "Note", "Normal", 0, 21, false, "7F3F00", 60, 120);
        style(s, "Footer", "footer", "Normal", 0, 16, false, "595959", 0, 0);
    }

    private static void style(
            XWPFStyles styles,
            String id,
            String name,
            String basedOn,
            int outline,
            int halfPoints,
            boolean bold,
            String color,
            int before,
            int after) {
        CTStyle st = CTStyle.Factory.newInstance();
        st.setStyleId(id);
        st.setType(STStyleType.PARAGRAPH);
        st.addNewName().setVal(name);
        if (basedOn != null) st.addNewBasedOn().setVal(basedOn);
        st.addNewNext().setVal("Normal");
        st.addNewQFormat();
        CTPPrGeneral ppr = st.addNewPPr();
        var sp = ppr.addNewSpacing();
        sp.setBefore(BigInteger.valueOf(before));
        sp.setAfter(BigInteger.valueOf(after));
        if (outline > 0) {
            ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(outline - 1));
            ppr.addNewKeepNext();
        }
        if (id.equals("TOC2")) ppr.addNewInd().setLeft(BigInteger.valueOf(360));
        CTRPr rpr = st.addNewRPr();
        var fonts = rpr.addNewRFonts();
        fonts.setAscii("Liberation Sans");
        fonts.setHAnsi("Liberation Sans");
        fonts.setCs("Liberation Sans");
        rpr.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        if (bold) rpr.addNewB();
        if (color != null) rpr.addNewColor().setVal(color);
        styles.addStyle(new XWPFStyle(st));
    }
}
