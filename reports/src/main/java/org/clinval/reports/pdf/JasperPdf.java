package org.clinval.reports.pdf;

import java.awt.Color;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JRSimpleTemplate;
import net.sf.jasperreports.engine.JRStyle;
import net.sf.jasperreports.engine.JRTemplate;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.base.JRBoxPen;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.design.JRDesignStyle;
import net.sf.jasperreports.engine.type.HorizontalTextAlignEnum;
import net.sf.jasperreports.engine.type.ModeEnum;
import net.sf.jasperreports.engine.type.VerticalTextAlignEnum;
import net.sf.jasperreports.engine.xml.JRXmlTemplateLoader;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.pdf.type.PdfVersionEnum;
import net.sf.jasperreports.pdf.type.PdfaConformanceEnum;
import org.clinval.reports.ReportException;
import org.clinval.reports.internal.Palette;
import org.clinval.reports.internal.RiskText;
import org.clinval.risk.Acceptability;

/**
 * What every report of the suite shares: the house styles, the compiled templates, and the export
 * as PDF/A-1b (ISO 19005-1, level B) with every font embedded (DejaVu), an sRGB output intent, no
 * transparency and XMP metadata, written so that the file appears complete or not at all.
 *
 * <p>The styles are {@value #STYLES} (a JasperReports style template, passed to each report as
 * parameter {@value #STYLES_PARAMETER}) plus one style per region of the acceptability matrix,
 * {@code Region_acceptable}, {@code Region_investigate} and {@code Region_unacceptable}, built here
 * from {@link Palette} so that the PDF and the workbook colour a region alike. Each report also
 * receives the text of its running header and footer ({@link Running}).
 *
 * <p>PDF/A-1b rather than 2b: the PDF library under JasperReports 7.0.3 writes PDF/A-2b files that
 * fail a validation rule.
 */
final class JasperPdf {

    /** The house style template, beside this class. */
    static final String STYLES = "clinval-styles.jrtx";

    /** The parameter that carries the style template into a report. */
    static final String STYLES_PARAMETER = "STYLES";

    /**
     * The running header (pages after the first) and footer of a report, laid out alike in every
     * template as parameters {@code PAGE_HEADER}, {@code PAGE_HEADER_RIGHT} and {@code
     * PAGE_FOOTER}; the footer ends with "Page X of Y".
     *
     * @param header the header's left part: what the document is
     * @param headerRight the header's right part: what it is of
     * @param footer the footer's left part: identification and software
     */
    record Running(String header, String headerRight, String footer) {}

    /**
     * The document information of a report.
     *
     * @param title the document title, shown by viewers instead of the file name
     * @param author who is responsible for it
     * @param subject what it is about
     * @param keywords comma-separated keywords
     * @param creator the software that wrote it
     */
    record Metadata(String title, String author, String subject, String keywords, String creator) {}

    private static final Map<String, JasperReport> COMPILED = new ConcurrentHashMap<>();
    private static JRTemplate styles;

    private JasperPdf() {}

    /**
     * Fills template {@code template} (beside this class) with {@code parameters} and {@code rows};
     * the styles, the running header and footer, the locale (root) and the time zone (UTC) are
     * added.
     */
    static JasperPrint fill(
            String template,
            Running running,
            Map<String, Object> parameters,
            List<Map<String, Object>> rows)
            throws JRException {
        Map<String, Object> p = new HashMap<>(parameters);
        p.put(STYLES_PARAMETER, styles());
        p.put("PAGE_HEADER", running.header());
        p.put("PAGE_HEADER_RIGHT", running.headerRight());
        p.put("PAGE_FOOTER", running.footer());
        p.put(JRParameter.REPORT_LOCALE, Locale.ROOT);
        p.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone("UTC"));
        List<Map<String, ?>> data = List.copyOf(rows);
        return JasperFillManager.fillReport(
                compiled(template), p, new JRMapCollectionDataSource(data));
    }

    /**
     * Writes {@code print} to {@code pdf} as PDF/A-1b, replacing it. The document is written beside
     * it and moved into place.
     *
     * @param what the document, for messages, e.g. {@code the validation report}
     * @throws ReportException if the export or the file fails
     */
    static void write(JasperPrint print, Metadata metadata, Path pdf, String what)
            throws ReportException {
        Path target = pdf.toAbsolutePath();
        Path partial = null;
        Path icc = null;
        try {
            icc = Files.createTempFile("clinval-srgb-", ".icc");
            Files.write(icc, ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
            partial = Files.createTempFile(target.getParent(), ".clinval-report-", ".pdf.part");
            try (OutputStream out = Files.newOutputStream(partial)) {
                export(print, metadata, icc, out);
            }
            Files.move(
                    partial,
                    target,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            partial = null;
        } catch (JRException e) {
            throw new ReportException(what + " could not be rendered: " + target, e);
        } catch (IOException e) {
            throw new ReportException(what + " could not be written: " + target, e);
        } finally {
            deleteQuietly(partial);
            deleteQuietly(icc);
        }
    }

    private static void export(JasperPrint print, Metadata m, Path icc, OutputStream out)
            throws JRException {
        SimplePdfExporterConfiguration config = new SimplePdfExporterConfiguration();
        config.setPdfaConformance(PdfaConformanceEnum.PDFA_1B);
        config.setPdfVersion(PdfVersionEnum.VERSION_1_4);
        config.setIccProfilePath(icc.toString());
        config.setEmbedIccProfile(true);
        config.setMetadataTitle(m.title());
        config.setMetadataAuthor(m.author());
        config.setMetadataSubject(m.subject());
        config.setMetadataKeywords(m.keywords());
        config.setMetadataCreator(m.creator());
        config.setDisplayMetadataTitle(true);
        JRPdfExporter exporter = new JRPdfExporter();
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        exporter.setConfiguration(config);
        exporter.exportReport();
    }

    /** Compiles each template once per class loader; compiling takes about a second. */
    private static JasperReport compiled(String template) throws JRException {
        JasperReport r = COMPILED.get(template);
        if (r != null) {
            return r;
        }
        synchronized (COMPILED) {
            r = COMPILED.get(template);
            if (r == null) {
                try (InputStream in = JasperPdf.class.getResourceAsStream(template)) {
                    if (in == null) {
                        throw new JRException("report template not on the class path: " + template);
                    }
                    r = JasperCompileManager.compileReport(in);
                } catch (IOException e) {
                    throw new JRException("report template could not be read: " + template, e);
                }
                COMPILED.put(template, r);
            }
            return r;
        }
    }

    /** Returns the house styles with the region styles, loaded once. */
    static synchronized JRTemplate styles() throws JRException {
        if (styles == null) {
            JRSimpleTemplate t = new JRSimpleTemplate();
            try (InputStream in = JasperPdf.class.getResourceAsStream(STYLES)) {
                if (in == null) {
                    throw new JRException("style template not on the class path: " + STYLES);
                }
                for (JRStyle s : JRXmlTemplateLoader.load(in).getStyles()) {
                    t.addStyle(s);
                }
            } catch (IOException e) {
                throw new JRException("style template could not be read: " + STYLES, e);
            }
            for (Acceptability a : Acceptability.values()) {
                t.addStyle(region(a));
            }
            styles = t;
        }
        return styles;
    }

    /** A matrix cell of region {@code a}: its fill, its ink, centred, white grid lines. */
    private static JRStyle region(Acceptability a) {
        Palette.Swatch s = Palette.region(a);
        JRDesignStyle style = new JRDesignStyle();
        style.setName("Region_" + RiskText.region(a));
        style.setFontName("DejaVu Sans");
        style.setFontSize(7.5f);
        style.setMode(ModeEnum.OPAQUE);
        style.setBackcolor(new Color(s.fill()));
        style.setForecolor(new Color(s.ink()));
        style.setHorizontalTextAlign(HorizontalTextAlignEnum.CENTER);
        style.setVerticalTextAlign(VerticalTextAlignEnum.MIDDLE);
        JRBoxPen pen = style.getLineBox().getPen();
        pen.setLineWidth(1.5f);
        pen.setLineColor(Color.WHITE);
        style.getLineBox().setTopPadding(2);
        style.getLineBox().setBottomPadding(2);
        style.getLineBox().setLeftPadding(2);
        style.getLineBox().setRightPadding(2);
        return style;
    }

    private static void deleteQuietly(Path path) {
        if (path == null) return;
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // A leftover temporary file does not affect the report.
        }
    }
}
