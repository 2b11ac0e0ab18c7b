package org.clinval.reports.pms;

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
import java.util.Properties;
import java.util.TimeZone;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JRTemplate;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.xml.JRXmlTemplateLoader;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.pdf.type.PdfVersionEnum;
import net.sf.jasperreports.pdf.type.PdfaConformanceEnum;
import org.clinval.reports.ReportException;

/**
 * Fills the surveillance report's template and exports it as the suite's other reports are
 * exported: PDF/A-1b (ISO 19005-1, level B; the PDF library under JasperReports 7.0.3 writes
 * PDF/A-2b files that fail a rule), DejaVu fonts embedded, an sRGB output intent, no transparency,
 * XMP metadata, in the house styles of {@code org/clinval/reports/pdf/clinval-styles.jrtx}; the
 * file appears complete or not at all.
 */
final class PmsPdf {

    static final String TEMPLATE = "pms-report.jrxml";
    private static final String STYLES = "/org/clinval/reports/pdf/clinval-styles.jrtx";
    private static final String VERSION = "/org/clinval/reports/version.properties";
    private static JasperReport compiled;
    private static JRTemplate styles;

    private PmsPdf() {}

    /** Fills the template with {@code parameters} and {@code rows}, in the root locale and UTC. */
    static JasperPrint fill(Map<String, Object> parameters, List<Map<String, Object>> rows)
            throws JRException {
        Map<String, Object> p = new HashMap<>(parameters);
        p.put("STYLES", styles());
        p.put(JRParameter.REPORT_LOCALE, Locale.ROOT);
        p.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone("UTC"));
        List<Map<String, ?>> data = List.copyOf(rows);
        return JasperFillManager.fillReport(compiled(), p, new JRMapCollectionDataSource(data));
    }

    /** Writes {@code print} to {@code pdf} as PDF/A-1b, replacing it. */
    static void write(JasperPrint print, String title, String subject, Path pdf)
            throws ReportException {
        Path target = pdf.toAbsolutePath();
        Path partial = null;
        Path icc = null;
        try {
            icc = Files.createTempFile("clinval-srgb-", ".icc");
            Files.write(icc, ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
            partial = Files.createTempFile(target.getParent(), ".clinval-report-", ".pdf.part");
            try (OutputStream out = Files.newOutputStream(partial)) {
                SimplePdfExporterConfiguration config = new SimplePdfExporterConfiguration();
                config.setPdfaConformance(PdfaConformanceEnum.PDFA_1B);
                config.setPdfVersion(PdfVersionEnum.VERSION_1_4);
                config.setIccProfilePath(icc.toString());
                config.setEmbedIccProfile(true);
                config.setMetadataTitle(title);
                config.setMetadataAuthor(software());
                config.setMetadataSubject(subject);
                config.setMetadataKeywords(
                        "post-market surveillance, PSUR, trend report, CUSUM, drift");
                config.setMetadataCreator(software());
                config.setDisplayMetadataTitle(true);
                JRPdfExporter exporter = new JRPdfExporter();
                exporter.setExporterInput(new SimpleExporterInput(print));
                exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
                exporter.setConfiguration(config);
                exporter.exportReport();
            }
            Files.move(
                    partial,
                    target,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            partial = null;
        } catch (JRException e) {
            throw new ReportException(
                    "the surveillance report could not be rendered: " + target, e);
        } catch (IOException e) {
            throw new ReportException("the surveillance report could not be written: " + target, e);
        } finally {
            deleteQuietly(partial);
            deleteQuietly(icc);
        }
    }

    /** Returns {@code clinval <version>}, the software that writes the report and the workbook. */
    static String software() {
        try (InputStream in = PmsPdf.class.getResourceAsStream(VERSION)) {
            if (in == null) {
                return "clinval";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "");
            return v.isBlank() || v.startsWith("$") ? "clinval" : "clinval " + v;
        } catch (IOException e) {
            return "clinval";
        }
    }

    private static synchronized JasperReport compiled() throws JRException {
        if (compiled == null) {
            try (InputStream in = PmsPdf.class.getResourceAsStream(TEMPLATE)) {
                if (in == null) {
                    throw new JRException("report template not on the class path: " + TEMPLATE);
                }
                compiled = JasperCompileManager.compileReport(in);
            } catch (IOException e) {
                throw new JRException("report template could not be read: " + TEMPLATE, e);
            }
        }
        return compiled;
    }

    private static synchronized JRTemplate styles() throws JRException {
        if (styles == null) {
            try (InputStream in = PmsPdf.class.getResourceAsStream(STYLES)) {
                if (in == null) {
                    throw new JRException("style template not on the class path: " + STYLES);
                }
                styles = JRXmlTemplateLoader.load(in);
            } catch (IOException e) {
                throw new JRException("style template could not be read: " + STYLES, e);
            }
        }
        return styles;
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
