package org.clinval.app.pms;

import org.clinval.app.cli.Subcommands;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code clinval pms}: post-market surveillance of a deployed device. */
@Subcommands({
    PmsRunCommand.class,
    PmsDesignCusumCommand.class,
    org.clinval.app.demo.PmsDemoCommand.class,
    PmsReportCommand.class,
    org.clinval.app.pms.investigation.InvestigationCommand.class
})
@Command(
        name = "pms",
        description =
                "Post-market surveillance: stream real-world cases through the validated"
                        + " statistics, test drift against the validated baseline, run CUSUM"
                        + " charts, raise alarms that open investigations, and report.")
public final class PmsCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "a pms command is required, e.g. 'clinval pms demo'");
    }
}
