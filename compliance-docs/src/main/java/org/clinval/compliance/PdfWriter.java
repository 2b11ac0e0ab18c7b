package org.clinval.compliance;

import java.awt.Color;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.regex.Matcher;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.design.JRDesignBand;
import net.sf.jasperreports.engine.design.JRDesignBreak;
import net.sf.jasperreports.engine.design.JRDesignExpression;
import net.sf.jasperreports.engine.design.JRDesignField;
import net.sf.jasperreports.engine.design.JRDesignParameter;
import net.sf.jasperreports.engine.design.JRDesignSection;
import net.sf.jasperreports.engine.design.JRDesignStyle;
import net.sf.jasperreports.engine.design.JRDesignSubreport;
import net.sf.jasperreports.engine.design.JRDesignSubreportParameter;
import net.sf.jasperreports.engine.design.JRDesignTextField;
import net.sf.jasperreports.engine.design.JasperDesign;
import net.sf.jasperreports.engine.type.EvaluationTimeEnum;
import net.sf.jasperreports.engine.type.ExpressionTypeEnum;
import net.sf.jasperreports.engine.type.HorizontalTextAlignEnum;
import net.sf.jasperreports.engine.type.ModeEnum;
import net.sf.jasperreports.engine.type.PositionTypeEnum;
import net.sf.jasperreports.engine.type.SplitTypeEnum;
import net.sf.jasperreports.engine.type.StretchTypeEnum;
import net.sf.jasperreports.engine.type.TextAdjustEnum;
import net.sf.jasperreports.engine.type.WhenNoDataTypeEnum;
import net.sf.jasperreports.engine.util.JRStringUtil;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.pdf.type.PdfVersionEnum;
import net.sf.jasperreports.pdf.type.PdfaConformanceEnum;

/**
 * Writes a {@link Doc} as the PDF/A-1b rendition of its Word document (JasperReports): the same
 * title, numbered headings (also the PDF's outline), contents, numbered table captions and
 * cross-references, computation references set small and raised, notes for the manufacturer shaded,
 * US Letter pages with "page X of Y". Fonts (DejaVu) are embedded, the output intent is sRGB, and
 * the file appears complete or not at all.
 *
 * <p>The report is laid out here rather than in a template because a document's tables differ in
 * their columns: each block is a band of the detail section, filled once. Texts reach the report as
 * parameters, so that no text of the study becomes part of an expression.
 */
public final class PdfWriter {

    private static final int PAGE_WIDTH = 612; // US Letter, points
    private static final int PAGE_HEIGHT = 792;
    private static final int MARGIN = 72;
    private static final int WIDTH = PAGE_WIDTH - 2 * MARGIN;
    private static final Color ACCENT = new Color(0x1F4E79);
    private static final Color GREY = new Color(0x595959);
    private static final Color RULE = new Color(0xBFBFBF);
    private static final String FONT = "DejaVu Sans";

    private PdfWriter() {}

    /**
     * Writes {@code doc} to {@code file} as PDF/A-1b; {@code created} is the document's creation
     * date (the run's seal), shown in its information.
     */
    public static void write(Doc doc, Path file, Optional<Instant> created) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Layout layout = new Layout(doc);
        JasperPrint print;
        try {
            Map<String, Object> p = new HashMap<>(layout.texts);
            p.put(JRParameter.REPORT_LOCALE, Locale.ROOT);
            p.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone("UTC"));
            print =
                    JasperFillManager.fillReport(
                            JasperCompileManager.compileReport(layout.design),
                            p,
                            new JREmptyDataSource(1));
        } catch (JRException e) {
            throw new IOException("the PDF of " + doc.title() + " could not be laid out", e);
        }
        Path partial = null;
        Path icc = null;
        try {
            icc = Files.createTempFile("clinval-srgb-", ".icc");
            Files.write(icc, ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
            // Beside the target, with the permissions of any new file (a temporary file's are
            // the owner's only).
            partial = target.resolveSibling("." + target.getFileName() + ".part");
            try (OutputStream out = Files.newOutputStream(partial)) {
                export(print, doc, icc, out);
            }
            Files.move(
                    partial,
                    target,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            partial = null;
        } catch (JRException e) {
            throw new IOException("the PDF could not be rendered: " + target, e);
        } finally {
            if (partial != null) Files.deleteIfExists(partial);
            if (icc != null) Files.deleteIfExists(icc);
        }
    }

    private static void export(JasperPrint print, Doc doc, Path icc, OutputStream out)
            throws JRException {
        SimplePdfExporterConfiguration config = new SimplePdfExporterConfiguration();
        // PDF/A-1b rather than 2b: the PDF library under JasperReports 7.0.3 writes PDF/A-2b
        // files that fail a validation rule.
        config.setPdfaConformance(PdfaConformanceEnum.PDFA_1B);
        config.setPdfVersion(PdfVersionEnum.VERSION_1_4);
        config.setIccProfilePath(icc.toString());
        config.setEmbedIccProfile(true);
        config.setMetadataTitle(doc.title());
        config.setMetadataSubject(doc.subtitle());
        config.setMetadataAuthor("clinval");
        config.setMetadataCreator("clinval");
        config.setDisplayMetadataTitle(true);
        JRPdfExporter exporter = new JRPdfExporter();
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        exporter.setConfiguration(config);
        exporter.exportReport();
    }

    /** The report design of one document and the texts it shows. */
    private static final class Layout {
        final JasperDesign design = new JasperDesign();
        final Map<String, Object> texts = new LinkedHashMap<>();
        private final JRDesignSection detail;
        private final Map<String, Integer> tableNumbers = new LinkedHashMap<>();

        Layout(Doc doc) {
            design.setName("clinval-document");
            design.setPageWidth(PAGE_WIDTH);
            design.setPageHeight(PAGE_HEIGHT);
            design.setColumnWidth(WIDTH);
            design.setLeftMargin(MARGIN);
            design.setRightMargin(MARGIN);
            design.setTopMargin(MARGIN);
            design.setBottomMargin(54);
            design.setWhenNoDataType(WhenNoDataTypeEnum.ALL_SECTIONS_NO_DETAIL);
            detail = (JRDesignSection) design.getDetailSection();
            JRDesignStyle base = style(10.5f, false, null);
            base.setDefault(true);
            int n = 0;
            for (Doc.Block b : doc.blocks()) {
                if (b instanceof Doc.Table t) tableNumbers.put(t.id(), ++n);
            }

            band(text(doc.title(), 24, true, ACCENT, Markup.PLAIN), 0, 6);
            band(text(doc.subtitle(), 13, false, GREY, Markup.PLAIN), 0, 18);
            contents(doc);
            int h1 = 0;
            int h2 = 0;
            for (Doc.Block b : doc.blocks()) {
                if (b instanceof Doc.Heading h) {
                    String num = h.level() == 1 ? (++h1) + "" : h1 + "." + (++h2);
                    if (h.level() == 1) h2 = 0;
                    JRDesignTextField f =
                            text(
                                    num + "  " + h.text(),
                                    h.level() == 1 ? 16 : 13,
                                    true,
                                    ACCENT,
                                    Markup.PLAIN);
                    // The anchor's name is the outline entry: the numbered heading, as plain text.
                    f.setAnchorNameExpression(
                            expression("$P{" + param(num + "  " + h.text()) + "}"));
                    f.setBookmarkLevel(h.level());
                    JRDesignBand band = band(f, h.level() == 1 ? 14 : 8, 4);
                    band.setSplitType(SplitTypeEnum.PREVENT);
                } else if (b instanceof Doc.Para para) {
                    band(text(para.text(), 10.5f, false, null, Markup.REFERENCES), 0, 6);
                } else if (b instanceof Doc.ToComplete tc) {
                    JRDesignTextField f =
                            text(
                                    "<b>For the manufacturer to complete: </b>" + styled(tc.text()),
                                    10.5f,
                                    false,
                                    new Color(0x7F3F00),
                                    Markup.STYLED);
                    f.setMode(ModeEnum.OPAQUE);
                    f.setBackcolor(new Color(0xFFF4E5));
                    f.getLineBox().setPadding(4);
                    band(f, 2, 6);
                } else if (b instanceof Doc.Table t) {
                    table(t);
                }
            }
            footer(doc.title());
        }

        private void contents(Doc doc) {
            band(text("Contents", 14, true, ACCENT, Markup.PLAIN), 6, 4);
            int h1 = 0;
            int h2 = 0;
            for (Doc.Block b : doc.blocks()) {
                if (b instanceof Doc.Heading h) {
                    String entry;
                    if (h.level() == 1) {
                        entry = (++h1) + "  " + h.text();
                        h2 = 0;
                    } else {
                        entry = h1 + "." + (++h2) + "  " + h.text();
                    }
                    JRDesignTextField f = text(entry, 10.5f, h.level() == 1, null, Markup.PLAIN);
                    if (h.level() == 2) {
                        f.setX(18);
                        f.setWidth(WIDTH - 18);
                    }
                    band(f, h.level() == 1 ? 3 : 0, 0);
                }
            }
            JRDesignBand breakBand = new JRDesignBand();
            breakBand.setHeight(1);
            JRDesignBreak br = new JRDesignBreak();
            br.setWidth(WIDTH);
            br.setHeight(1);
            breakBand.addElement(br);
            detail.addBand(breakBand);
        }

        /**
         * A table as a subreport of its own, so that its caption and header row are printed again
         * on each page the table continues on.
         */
        private void table(Doc.Table t) {
            int[] widths = ColumnWidths.of(t, WIDTH);
            int cols = widths.length;
            JasperDesign sub = new JasperDesign();
            sub.setName("table-" + tableNumbers.get(t.id()));
            sub.setPageWidth(WIDTH);
            sub.setColumnWidth(WIDTH);
            sub.setLeftMargin(0);
            sub.setRightMargin(0);
            sub.setTopMargin(0);
            sub.setBottomMargin(0);
            Map<String, JRDesignStyle> subStyles = new HashMap<>();
            try {
                for (int c = 0; c < cols; c++) {
                    JRDesignField field = new JRDesignField();
                    field.setName("c" + c);
                    field.setValueClass(String.class);
                    sub.addField(field);
                }
                for (int c = 0; c < cols; c++) {
                    JRDesignParameter h = new JRDesignParameter();
                    h.setName("H" + c);
                    h.setValueClass(String.class);
                    sub.addParameter(h);
                }
                JRDesignParameter captionParam = new JRDesignParameter();
                captionParam.setName("CAPTION");
                captionParam.setValueClass(String.class);
                sub.addParameter(captionParam);
            } catch (JRException e) {
                throw new IllegalStateException(e);
            }
            JRDesignStyle base = styleIn(sub, subStyles, 8.5f, false, null);
            base.setDefault(true);

            Map<String, String> headers = new LinkedHashMap<>();
            JRDesignBand head = new JRDesignBand();
            JRDesignTextField caption = new JRDesignTextField();
            caption.setStyle(styleIn(sub, subStyles, 9.5f, true, new Color(0x404040)));
            caption.setMarkup("styled");
            caption.setTextAdjust(TextAdjustEnum.STRETCH_HEIGHT);
            caption.setX(0);
            caption.setY(8);
            caption.setWidth(WIDTH);
            caption.setHeight(14);
            caption.setExpression(expression("$P{CAPTION}"));
            head.addElement(caption);
            int x = 0;
            for (int c = 0; c < cols; c++) {
                JRDesignTextField f = cell(sub, subStyles, true, x, widths[c]);
                f.setY(25);
                f.setPositionType(PositionTypeEnum.FLOAT);
                String name = c < t.header().size() ? t.header().get(c) : "";
                f.setExpression(simpleText("$P{H" + c + "}"));
                headers.put("H" + c, styled(name));
                head.addElement(f);
                x += widths[c];
            }
            head.setHeight(39);
            sub.setColumnHeader(head);

            JRDesignBand row = new JRDesignBand();
            row.setSplitType(SplitTypeEnum.PREVENT);
            row.setHeight(14);
            x = 0;
            for (int c = 0; c < cols; c++) {
                JRDesignTextField f = cell(sub, subStyles, false, x, widths[c]);
                f.setExpression(expression("$F{c" + c + "}"));
                row.addElement(f);
                x += widths[c];
            }
            ((JRDesignSection) sub.getDetailSection()).addBand(row);

            List<Map<String, ?>> rows = new ArrayList<>();
            for (List<String> r : t.rows()) {
                Map<String, Object> values = new HashMap<>();
                for (int c = 0; c < cols; c++) {
                    values.put("c" + c, references(c < r.size() ? r.get(c) : ""));
                }
                rows.add(values);
            }
            JasperReport compiled;
            try {
                compiled = JasperCompileManager.compileReport(sub);
            } catch (JRException e) {
                throw new IllegalStateException("table " + t.id() + " could not be laid out", e);
            }
            String report = param(JasperReport.class, compiled);
            String data = param(JRDataSource.class, new JRMapCollectionDataSource(rows));
            String captionText =
                    param(styled("Table " + tableNumbers.get(t.id()) + ". " + t.caption()));

            JRDesignSubreport element = new JRDesignSubreport(design);
            element.setX(0);
            element.setY(0);
            element.setWidth(WIDTH);
            element.setHeight(20);
            element.setExpression(expression("$P{" + report + "}"));
            element.setDataSourceExpression(expression("$P{" + data + "}"));
            JRDesignSubreportParameter cp = new JRDesignSubreportParameter();
            cp.setName("CAPTION");
            cp.setExpression(expression("$P{" + captionText + "}"));
            try {
                for (Map.Entry<String, String> h : headers.entrySet()) {
                    JRDesignSubreportParameter hp = new JRDesignSubreportParameter();
                    hp.setName(h.getKey());
                    hp.setExpression(expression("$P{" + param(h.getValue()) + "}"));
                    element.addParameter(hp);
                }
                element.addParameter(cp);
            } catch (JRException e) {
                throw new IllegalStateException(e);
            }
            JRDesignBand band = new JRDesignBand();
            band.setHeight(28);
            band.addElement(element);
            detail.addBand(band);
        }

        /** A table cell: ruled, padded, as tall as its row, shaded in the header. */
        private JRDesignTextField cell(
                JasperDesign sub,
                Map<String, JRDesignStyle> subStyles,
                boolean header,
                int x,
                int w) {
            JRDesignTextField f = new JRDesignTextField();
            f.setStyle(styleIn(sub, subStyles, 8.5f, header, header ? ACCENT : null));
            f.setMarkup("styled");
            f.setTextAdjust(TextAdjustEnum.STRETCH_HEIGHT);
            f.setX(x);
            f.setY(0);
            f.setWidth(w);
            f.setHeight(14);
            f.setStretchType(StretchTypeEnum.CONTAINER_HEIGHT);
            f.getLineBox().setTopPadding(2);
            f.getLineBox().setBottomPadding(2);
            f.getLineBox().setLeftPadding(3);
            f.getLineBox().setRightPadding(3);
            f.getLineBox().getPen().setLineWidth(0.5f);
            f.getLineBox().getPen().setLineColor(RULE);
            if (header) {
                f.setMode(ModeEnum.OPAQUE);
                f.setBackcolor(new Color(0xDCE6F0));
            }
            return f;
        }

        private void footer(String title) {
            JRDesignBand footer = new JRDesignBand();
            footer.setHeight(18);
            JRDesignTextField left = new JRDesignTextField();
            left.setX(0);
            left.setY(4);
            left.setWidth(WIDTH / 2 + 60);
            left.setHeight(12);
            left.setExpression(
                    simpleText("$P{" + param(title + " — page") + "} $V{PAGE_NUMBER} of"));
            left.setStyle(style(8, false, GREY));
            left.setHorizontalTextAlign(HorizontalTextAlignEnum.RIGHT);
            footer.addElement(left);
            JRDesignTextField total = new JRDesignTextField();
            total.setX(WIDTH / 2 + 63);
            total.setY(4);
            total.setWidth(WIDTH / 2 - 63);
            total.setHeight(12);
            total.setExpression(simpleText("$V{PAGE_NUMBER}"));
            total.setEvaluationTime(EvaluationTimeEnum.REPORT);
            total.setStyle(style(8, false, GREY));
            footer.addElement(total);
            design.setPageFooter(footer);
        }

        /** A band holding {@code f} across the width, with space before and after. */
        private JRDesignBand band(JRDesignTextField f, int before, int after) {
            JRDesignBand band = new JRDesignBand();
            f.setY(before);
            if (f.getWidth() == 0) f.setWidth(WIDTH);
            int padding =
                    f.getLineBox().getTopPadding() == null ? 0 : f.getLineBox().getTopPadding();
            f.setHeight(f.getHeight() + 2 * padding);
            band.setHeight(before + f.getHeight() + after);
            band.addElement(f);
            detail.addBand(band);
            return band;
        }

        /** A text field showing {@code value} as {@code markup} says. */
        private JRDesignTextField text(
                String value, float size, boolean bold, Color color, Markup markup) {
            JRDesignTextField f = new JRDesignTextField();
            f.setStyle(style(size, bold, color));
            f.setMarkup("styled");
            f.setTextAdjust(TextAdjustEnum.STRETCH_HEIGHT);
            f.setPositionType(PositionTypeEnum.FLOAT);
            f.setHeight(Math.round(size * 1.45f));
            f.setExpression(
                    expression(
                            "$P{"
                                    + param(
                                            switch (markup) {
                                                case PLAIN -> styled(value);
                                                case REFERENCES -> references(value);
                                                case STYLED -> value;
                                            })
                                    + "}"));
            return f;
        }

        /** How a text field's value becomes Jasper's styled markup. */
        private enum Markup {
            /** A document's text, escaped: markup in it is shown as written. */
            PLAIN,
            /** As PLAIN, with computation references raised and table references numbered. */
            REFERENCES,
            /** Built here from escaped parts and markup of this writer's own. */
            STYLED
        }

        private String references(String value) {
            Matcher m = DocxWriter.XREF.matcher(value);
            StringBuilder out = new StringBuilder();
            int at = 0;
            while (m.find()) {
                out.append(value, at, m.start());
                Integer number = tableNumbers.get(m.group(1));
                if (number == null) throw new IllegalArgumentException("no table " + m.group(1));
                out.append("Table ").append(number);
                at = m.end();
            }
            out.append(value.substring(at));
            String escaped = styled(out.toString());
            return DocxWriter.REF
                    .matcher(escaped)
                    .replaceAll("<sup><font color=\"#5F5F5F\">$0</font></sup>");
        }

        private String param(String value) {
            return param(String.class, value);
        }

        private String param(Class<?> type, Object value) {
            String name = "T" + texts.size();
            JRDesignParameter p = new JRDesignParameter();
            p.setName(name);
            p.setValueClass(type);
            try {
                design.addParameter(p);
            } catch (JRException e) {
                throw new IllegalStateException(e);
            }
            texts.put(name, value);
            return name;
        }

        private final Map<String, JRDesignStyle> styles = new HashMap<>();

        private JRDesignStyle style(float size, boolean bold, Color color) {
            return styleIn(design, styles, size, bold, color);
        }
    }

    /** The style of {@code size}, weight and colour in {@code design}, added once. */
    private static JRDesignStyle styleIn(
            JasperDesign design,
            Map<String, JRDesignStyle> styles,
            float size,
            boolean bold,
            Color color) {
        String key = size + "/" + bold + "/" + (color == null ? "" : color.getRGB());
        return styles.computeIfAbsent(
                key,
                k -> {
                    JRDesignStyle s = new JRDesignStyle();
                    s.setName("S" + styles.size());
                    s.setFontName(FONT);
                    s.setFontSize(size);
                    s.setBold(bold);
                    s.setForecolor(color == null ? new Color(0x1A1A1A) : color);
                    try {
                        design.addStyle(s);
                    } catch (JRException e) {
                        throw new IllegalStateException(e);
                    }
                    return s;
                });
    }

    private static String styled(String text) {
        return JRStringUtil.xmlEncode(text);
    }

    private static JRDesignExpression expression(String text) {
        return new JRDesignExpression(text);
    }

    /**
     * An expression of text and references ({@code $P{…}}, {@code $V{…}}) that the report evaluates
     * itself: no Java is compiled for it.
     */
    private static JRDesignExpression simpleText(String text) {
        JRDesignExpression e = new JRDesignExpression(text);
        e.setType(ExpressionTypeEnum.SIMPLE_TEXT);
        return e;
    }
}
