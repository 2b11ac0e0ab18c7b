package org.clinval.reports.pdf;

import java.nio.file.Path;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperPrint;
import org.clinval.reports.ReportException;
import org.clinval.reports.model.ValidationReport;

/**
 * Writes the validation report as a PDF/A-1b document (ISO 19005-1, level B): every font embedded
 * (DejaVu), an sRGB output intent, no transparency, XMP metadata (see {@link JasperPdf}).
 *
 * <p>The layout is {@code validation-report.jrxml} (JasperReports 7 format): a cover page with the
 * identification of study, device, model and test set and the overall verdict, then the endpoints
 * against their criteria, the confusion matrix, the ROC curve, the subgroups, the quarantined
 * inputs, the signatures and an audit-trail excerpt, with study, run and "page X of Y" on every
 * page.
 */
public final class ValidationReportPdf {

    private static final String TEMPLATE = "validation-report.jrxml";

    private ValidationReportPdf() {}

    /**
     * Writes {@code report} to {@code pdf}, replacing it. The file appears complete or not at all:
     * the document is written beside it and moved into place.
     *
     * @throws ReportException if the template, the rendering or the file fails
     */
    public static void write(ValidationReport report, Path pdf) throws ReportException {
        JasperPrint print;
        try {
            print = fill(report);
        } catch (JRException e) {
            throw new ReportException(
                    "the validation report could not be rendered: " + pdf.toAbsolutePath(), e);
        }
        JasperPdf.write(print, metadata(report), pdf, "the validation report");
    }

    /** Returns the filled report: the template with {@code report}'s values, before export. */
    static JasperPrint fill(ValidationReport report) throws JRException {
        String run = "Study " + report.study().id() + " \u00b7 Run " + report.study().runId();
        JasperPdf.Running running =
                new JasperPdf.Running(
                        "Validation report \u00b7 "
                                + report.device().name()
                                + " "
                                + report.device().version(),
                        run,
                        run + " \u00b7 " + report.study().softwareVersion());
        return JasperPdf.fill(
                TEMPLATE, running, ReportParameters.of(report), ReportRows.of(report));
    }

    private static JasperPdf.Metadata metadata(ValidationReport report) {
        return new JasperPdf.Metadata(
                "Validation report " + report.study().id() + ": " + report.study().title(),
                report.study().softwareVersion(),
                report.device().name()
                        + " "
                        + report.device().version()
                        + ", run "
                        + report.study().runId(),
                "clinical validation, " + report.study().id(),
                report.study().softwareVersion());
    }
}
