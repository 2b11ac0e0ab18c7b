package org.clinval.reports.pdf;

import java.nio.file.Path;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperPrint;
import org.clinval.reports.ReportException;
import org.clinval.reports.model.RiskReport;
import org.clinval.risk.RiskManagementFile;

/**
 * Writes the ISO 14971 risk management report as a PDF/A-1b document, in the house style of the
 * validation report (see {@link JasperPdf}).
 *
 * <p>The layout is {@code risk-management-report.jrxml} (JasperReports 7 format): a cover page with
 * the identification of the risk file, plan, requirements and study run, the overall residual risk
 * and a summary; then the plan's scales, acceptability matrix (a grid coloured by region) and
 * overall criteria; every hazard with its sequence of events, hazardous situation and harm and its
 * initial, claimed and verified residual risk coloured by region; every control with its kind,
 * requirements and the verification of its implementation and effectiveness with their results in
 * the run; the traceability matrix; the gaps; the overall residual risk; the signatures. Risk file,
 * run and "page X of Y" are on every page.
 */
public final class RiskReportPdf {

    private static final String TEMPLATE = "risk-management-report.jrxml";

    private RiskReportPdf() {}

    /**
     * Writes {@code report} to {@code pdf}, replacing it. The file appears complete or not at all.
     *
     * @throws ReportException if the template, the rendering or the file fails
     */
    public static void write(RiskReport report, Path pdf) throws ReportException {
        JasperPrint print;
        try {
            print = fill(report);
        } catch (JRException e) {
            throw new ReportException(
                    "the risk management report could not be rendered: " + pdf.toAbsolutePath(), e);
        }
        JasperPdf.write(print, metadata(report), pdf, "the risk management report");
    }

    static JasperPrint fill(RiskReport report) throws JRException {
        RiskManagementFile file = report.file();
        String run = report.check().runId().map(id -> "Run " + id).orElse("No study run");
        String ids = "Risk file " + file.register().id() + " \u00b7 " + run;
        JasperPdf.Running running =
                new JasperPdf.Running(
                        "Risk management report \u00b7 " + file.register().title(),
                        ids,
                        ids + " \u00b7 " + report.software());
        return JasperPdf.fill(
                TEMPLATE, running, RiskReportParameters.of(report), RiskReportRows.of(report));
    }

    private static JasperPdf.Metadata metadata(RiskReport report) {
        RiskManagementFile file = report.file();
        return new JasperPdf.Metadata(
                "Risk management report " + file.register().id() + ": " + file.register().title(),
                report.software(),
                "ISO 14971 risk management report of "
                        + file.register().id()
                        + " under plan "
                        + file.plan().id()
                        + report.check().runId().map(id -> ", run " + id).orElse(""),
                "risk management, ISO 14971, traceability, " + file.register().id(),
                report.software());
    }
}
