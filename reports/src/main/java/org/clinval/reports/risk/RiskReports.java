package org.clinval.reports.risk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.clinval.reports.ReportException;
import org.clinval.reports.model.RiskReport;
import org.clinval.reports.model.SignatureRow;
import org.clinval.reports.pdf.RiskReportPdf;
import org.clinval.reports.xlsx.TraceabilityWorkbook;
import org.clinval.risk.RiskManagementFile;
import org.clinval.risk.check.RiskCheckReport;
import org.clinval.risk.trace.TraceabilityMatrix;

/**
 * Writes the risk management report ({@value #PDF}) and the traceability workbook ({@value #XLSX})
 * of a risk check into one folder.
 *
 * <pre>{@code
 * RiskManagementFile file = RiskFileReader.read(registerFile);
 * Optional<ResultsSource> run = Optional.of(RunFolder.open(runDir));
 * RiskCheckReport check = RiskCheck.check(file, run);
 * RiskReports.Written w =
 *         RiskReports.write(file, check, TraceabilityMatrix.of(check, run), List.of(), outDir);
 * }</pre>
 *
 * <p>With the post-production information of a surveillance (ISO 14971:2019 §10), check with {@code
 * RiskCheck.check(file, run, InvestigationsReader.read(pmsOut))}: the report then marks each
 * control an open post-market investigation questions as under investigation (section 3, and the
 * summary), counts it as a gap (section 5) and lists every investigation, closed ones as the
 * information reviewed with their decision (section 6).
 */
public final class RiskReports {

    /** The report's file name. */
    public static final String PDF = "risk-management-report.pdf";

    /** The workbook's file name. */
    public static final String XLSX = "traceability.xlsx";

    /**
     * The files written.
     *
     * @param pdf the risk management report
     * @param xlsx the traceability workbook
     */
    public record Written(Path pdf, Path xlsx) {}

    private static final String VERSION = "org/clinval/reports/version.properties";

    private RiskReports() {}

    /**
     * Writes the report and the workbook of {@code check} into {@code outDir}, creating it if
     * needed, dated now, as written by {@code clinval} with the version of this module.
     *
     * @param file the risk management file checked
     * @param check its risk check
     * @param matrix the traceability matrix of that check
     * @param signatures signatures on the report, possibly none (the report then says "not signed")
     * @throws IllegalArgumentException if the check is not of {@code file}, or the matrix not of
     *     the check
     * @throws ReportException if a document cannot be rendered or written
     */
    public static Written write(
            RiskManagementFile file,
            RiskCheckReport check,
            TraceabilityMatrix matrix,
            List<SignatureRow> signatures,
            Path outDir)
            throws ReportException {
        Objects.requireNonNull(file, "risk management file is missing");
        Objects.requireNonNull(check, "risk check is missing");
        if (!check.file().equals(file)) {
            throw new IllegalArgumentException(
                    "the risk check is of "
                            + check.file().register().id()
                            + " read from "
                            + check.file().sources().register()
                            + ", not of "
                            + file.register().id()
                            + " read from "
                            + file.sources().register());
        }
        return write(
                new RiskReport(check, matrix, signatures, software(), Clock.systemUTC().instant()),
                outDir);
    }

    /**
     * Writes the report and the workbook of {@code report} into {@code outDir}, creating it if
     * needed; existing files of the same names are replaced.
     *
     * @throws ReportException if the folder cannot be created or a document cannot be rendered or
     *     written
     */
    public static Written write(RiskReport report, Path outDir) throws ReportException {
        Objects.requireNonNull(report, "risk report is missing");
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new ReportException("the report folder could not be created: " + outDir, e);
        }
        Path pdf = outDir.resolve(PDF);
        Path xlsx = outDir.resolve(XLSX);
        RiskReportPdf.write(report, pdf);
        TraceabilityWorkbook.write(report, xlsx);
        return new Written(pdf, xlsx);
    }

    /** Returns {@code clinval} and the version of this module, as the build recorded it. */
    static String software() {
        try (InputStream in = RiskReport.class.getResourceAsStream("/" + VERSION)) {
            if (in == null) {
                return "clinval";
            }
            Properties p = new Properties();
            p.load(in);
            String version = p.getProperty("version", "");
            return version.isBlank() || version.startsWith("${") ? "clinval" : "clinval " + version;
        } catch (IOException e) {
            return "clinval";
        }
    }
}
