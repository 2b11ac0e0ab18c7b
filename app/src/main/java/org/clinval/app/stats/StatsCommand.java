package org.clinval.app.stats;

import org.clinval.app.cli.Subcommands;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code clinval stats}: the statistics engine on files, for checking its numbers. */
@Subcommands({
    BinaryCommand.class,
    RocCommand.class,
    FrocCommand.class,
    SampleSizeCommand.class,
    KappaCommand.class,
    CalibrationCommand.class,
    SegCommand.class,
    MrmcCommand.class,
    ExampleCommand.class
})
@Command(
        name = "stats",
        description = "Compute statistics from CSV or mask files and print them as JSON.")
public final class StatsCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "a statistic is required, e.g. 'clinval stats roc'");
    }
}
