package org.clinval.app.model;

import org.clinval.app.cli.Subcommands;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code clinval model}: the imaging models from the command line. */
@Subcommands({
    TrainCommand.class,
    PhantomModelEvaluateCommand.class,
    EvaluateCommand.class,
    PredictCommand.class,
    ExplainCommand.class
})
@Command(name = "model", description = "Train, evaluate, run and explain the imaging models.")
public final class ModelCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "a subcommand is required, e.g. 'clinval model evaluate'");
    }
}
