package org.clinval.reports.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.pdf.type.PdfVersionEnum;
import net.sf.jasperreports.pdf.type.PdfaConformanceEnum;
import org.clinval.reports.ReportException;
import org.clinval.reports.model.ValidationReport;

/**
 * Writes the validation report as a PDF/A-1b document (ISO 19005-1, level B): every font embedded
 * (DejaVu), an sRGB output intent, no transparency, XMP metadata.
 *
 * <p>The layout is {@code validation-report.jrxml} (JasperReports 7 format): a cover page with the
 * identification of study, device, model and test set and the overall verdict, then the endpoints
 * against their criteria, the confusion matrix, the ROC curve, the subgroups, the quarantined
 * inputs, the signatures and an audit-trail excerpt, with study, run and "page X of Y" on every
 * page. PDF/A-1b rather than 2b: the PDF library under JasperReports 7.0.3 writes PDF/A-2b files
 * that fail a validation rule.
 */
public final class ValidationReportPdf {

    private static final String TEMPLATE = "validation-report.jrxml";
    private static JasperReport compiled;

    private ValidationReportPdf() {}

    /**
     * Writes {@code report} to {@code pdf}, replacing it. The file appears complete or not at all:
     * the document is written beside it and moved into place.
     *
     * @throws ReportException if the template, the rendering or the file fails
     */
    public static void write(ValidationReport report, Path pdf) throws ReportException {
        Path target = pdf.toAbsolutePath();
        Path partial = null;
        Path icc = null;
        try {
            JasperPrint print = fill(report);
            icc = Files.createTempFile("clinval-srgb-", ".icc");
            Files.write(icc, ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
            partial = Files.createTempFile(target.getParent(), ".clinval-report-", ".pdf.part");
            try (OutputStream out = Files.newOutputStream(partial)) {
                export(print, report, icc, out);
            }
            Files.move(
                    partial,
                    target,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            partial = null;
        } catch (JRException e) {
            throw new ReportException("the validation report could not be rendered: " + target, e);
        } catch (IOException e) {
            throw new ReportException("the validation report could not be written: " + target, e);
        } finally {
            deleteQuietly(partial);
            deleteQuietly(icc);
        }
    }

    /** Returns the filled report: the template with {@code report}'s values, before export. */
    static JasperPrint fill(ValidationReport report) throws JRException {
        Map<String, Object> parameters = ReportParameters.of(report);
        parameters.put(JRParameter.REPORT_LOCALE, Locale.ROOT);
        parameters.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone("UTC"));
        List<Map<String, ?>> rows = List.copyOf(ReportRows.of(report));
        return JasperFillManager.fillReport(
                template(), parameters, new JRMapCollectionDataSource(rows));
    }

    private static void export(
            JasperPrint print, ValidationReport report, Path icc, OutputStream out)
            throws JRException {
        SimplePdfExporterConfiguration config = new SimplePdfExporterConfiguration();
        config.setPdfaConformance(PdfaConformanceEnum.PDFA_1B);
        config.setPdfVersion(PdfVersionEnum.VERSION_1_4);
        config.setIccProfilePath(icc.toString());
        config.setEmbedIccProfile(true);
        config.setMetadataTitle(
                "Validation report " + report.study().id() + ": " + report.study().title());
        config.setMetadataAuthor(report.study().softwareVersion());
        config.setMetadataSubject(
                report.device().name()
                        + " "
                        + report.device().version()
                        + ", run "
                        + report.study().runId());
        config.setMetadataKeywords("clinical validation, " + report.study().id());
        config.setMetadataCreator(report.study().softwareVersion());
        config.setDisplayMetadataTitle(true);
        JRPdfExporter exporter = new JRPdfExporter();
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        exporter.setConfiguration(config);
        exporter.exportReport();
    }

    /** Compiles the template once per class loader; compiling takes about a second. */
    private static synchronized JasperReport template() throws JRException {
        if (compiled == null) {
            try (InputStream in = ValidationReportPdf.class.getResourceAsStream(TEMPLATE)) {
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

    private static void deleteQuietly(Path path) {
        if (path == null) return;
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // A leftover temporary file does not affect the report.
        }
    }
}
