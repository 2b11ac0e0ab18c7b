package org.clinval.app.risk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.clinval.app.cli.Json;
import org.clinval.risk.RiskManagementFile;
import org.clinval.risk.check.OverallVerdict;
import org.clinval.risk.check.RiskCheck;
import org.clinval.risk.check.RiskCheckReport;
import org.clinval.risk.results.ResultsSource;
import org.clinval.risk.trace.TraceabilityMatrix;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code clinval risk check}: reads the plan, requirements and risk register, checks them against a
 * study run and prints the gaps, every risk's acceptability before and after control, each
 * control's effectiveness and the overall residual risk as JSON.
 *
 * <p>Exit codes: 0 when the check ran, whatever it found (gaps are findings, listed in the output);
 * 1 when an input is invalid (every problem of the YAML files is listed on one line); 2 on a usage
 * error; with {@code --fail-on-gaps}, 3 when the check ran and found a gap or an overall residual
 * risk that is not acceptable, for use as a gate in a pipeline.
 */
@Command(
        name = "check",
        description = {
            "Check a risk register against its plan, its requirements and the results of a study"
                    + " run, and print the gaps, the acceptability of each risk before and after"
                    + " control and the overall residual risk as JSON.",
            "Exit 0 when the check ran (gaps are listed, not errors), 1 on invalid input, 2 on a"
                    + " usage error; with --fail-on-gaps, 3 when the file has gaps or its overall"
                    + " residual risk is not acceptable."
        })
public final class RiskCheckCommand implements Callable<Integer> {

    /** The exit code of {@code --fail-on-gaps} when the check finds the file wanting. */
    public static final int EXIT_GAPS = 3;

    @Mixin RiskInputs inputs;

    @Option(
            names = "--trace",
            description =
                    "Add the traceability matrix (requirement, hazard, control, scenario,"
                            + " result) to the output.")
    boolean trace;

    @Option(
            names = "--fail-on-gaps",
            description =
                    "Exit with 3 when there is a gap or the overall residual risk is not"
                            + " acceptable.")
    boolean failOnGaps;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        RiskManagementFile file = inputs.read();
        Optional<ResultsSource> run = inputs.run();
        RiskCheckReport report = RiskCheck.check(file, run, inputs.postProduction());
        ObjectNode o = RiskJson.report(report);
        if (trace) {
            o.set("traceability", RiskJson.traceability(TraceabilityMatrix.of(report, run)));
        }
        spec.commandLine().getOut().println(Json.write(o));
        spec.commandLine().getOut().flush();
        boolean wanting =
                !report.gaps().isEmpty() || report.overall().verdict() != OverallVerdict.ACCEPTABLE;
        return failOnGaps && wanting ? EXIT_GAPS : 0;
    }
}
