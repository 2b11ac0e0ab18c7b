package org.clinval.app.risk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.clinval.app.Version;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.UserError;
import org.clinval.reports.ReportException;
import org.clinval.reports.model.RiskReport;
import org.clinval.reports.risk.RiskReports;
import org.clinval.risk.RiskManagementFile;
import org.clinval.risk.check.RiskCheck;
import org.clinval.risk.check.RiskCheckReport;
import org.clinval.risk.results.ResultsSource;
import org.clinval.risk.trace.TraceabilityMatrix;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code clinval risk report}: checks a risk register against its plan, requirements and a study
 * run as {@code clinval risk check} does, then writes the ISO 14971 risk management report ({@value
 * RiskReports#PDF}, PDF/A-1b) and the traceability workbook ({@value RiskReports#XLSX}) into {@code
 * --out}, and prints their paths with the overall residual risk as JSON.
 *
 * <p>The report is written unsigned: signatures are applied to it afterwards. Exit codes: 0 when
 * the documents were written, whatever the check found; 1 when an input is invalid or a document
 * cannot be written; 2 on a usage error.
 */
@Command(
        name = "report",
        description = {
            "Check a risk register against its plan, its requirements and the results of a study"
                    + " run, and write the ISO 14971 risk management report ("
                    + RiskReports.PDF
                    + ", PDF/A-1b) and the traceability workbook ("
                    + RiskReports.XLSX
                    + ") into --out; print their paths as JSON.",
            "Exit 0 when both were written (gaps are reported in them, not errors), 1 on invalid"
                    + " input or when a file cannot be written, 2 on a usage error."
        })
public final class RiskReportCommand implements Callable<Integer> {

    @Mixin RiskInputs inputs;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description =
                    "The folder to write the report and the workbook into; created if needed.")
    Path out;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserError(out + ": --out is a file, not a folder");
        }
        RiskManagementFile file = inputs.read();
        Optional<ResultsSource> run = inputs.run();
        RiskCheckReport check = RiskCheck.check(file, run, inputs.postProduction());
        TraceabilityMatrix matrix = TraceabilityMatrix.of(check, run);
        RiskReport report =
                new RiskReport(
                        check,
                        matrix,
                        List.of(),
                        "clinval " + Version.current(),
                        Clock.systemUTC().instant());
        RiskReports.Written written;
        try {
            written = RiskReports.write(report, out);
        } catch (ReportException e) {
            throw new UserError(
                    e.getMessage() + (e.getCause() == null ? "" : ": " + e.getCause().getMessage()),
                    e);
        }
        ObjectNode o = Json.object();
        o.put("report", written.pdf().toString());
        o.put("workbook", written.xlsx().toString());
        o.put("risk_file", file.register().id());
        if (check.runId().isPresent()) {
            o.put("run", check.runId().get());
        } else {
            o.putNull("run");
        }
        o.put("overall_residual_risk", check.overall().verdict().key());
        o.put("gaps", check.gaps().size());
        o.put(
                "not_effective_controls",
                check.controls().stream().filter(c -> !c.effective()).count());
        o.put("traceability_rows", matrix.rows().size());
        o.put("signed", false);
        spec.commandLine().getOut().println(Json.write(o));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
