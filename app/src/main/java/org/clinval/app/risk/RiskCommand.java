package org.clinval.app.risk;

import org.clinval.app.cli.Subcommands;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code clinval risk}: ISO 14971 risk management files. */
@Subcommands({RiskCheckCommand.class, RiskReportCommand.class})
@Command(
        name = "risk",
        description =
                "Check an ISO 14971 risk management file against a study run and write its"
                        + " report and traceability workbook.")
public final class RiskCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "a risk command is required, e.g. 'clinval risk check'");
    }
}
