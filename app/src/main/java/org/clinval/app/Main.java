package org.clinval.app;

import java.io.PrintWriter;
import org.clinval.app.cli.UserError;
import org.clinval.app.dicom.DicomCommand;
import org.clinval.app.model.ModelCommand;
import org.clinval.app.risk.RiskCommand;
import org.clinval.app.stats.StatsCommand;
import org.clinval.app.study.AuditCommand;
import org.clinval.app.study.StudyCommand;
import org.clinval.app.study.TaskCommand;
import org.clinval.app.study.UserCommand;
import org.clinval.imaging.ImagingException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code clinval} command. */
@Command(
        name = "clinval",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Clinical validation of medical-imaging AI.",
        subcommands = {
            StatsCommand.class,
            DicomCommand.class,
            RiskCommand.class,
            org.clinval.app.demo.DemoCommand.class,
            org.clinval.app.phantom.PhantomsCommand.class,
            org.clinval.app.init.InitCommand.class,
            StudyCommand.class,
            TaskCommand.class,
            AuditCommand.class,
            UserCommand.class,
            org.clinval.app.verify.VerifyCommand.class,
            ModelCommand.class,
            org.clinval.app.model.PredictCommand.class,
            org.clinval.app.model.ExplainCommand.class
        })
public final class Main implements Runnable {

    @Option(
            names = "--debug",
            scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of errors.")
    boolean debug;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static void main(String[] args) {
        System.exit(
                run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Gives every command {@code --help} and {@code --version}, checked before required options.
     */
    private static void withHelp(CommandLine command) {
        command.getCommandSpec().mixinStandardHelpOptions(true);
        command.getSubcommands().values().forEach(Main::withHelp);
    }

    /** Runs the command line and returns the exit code: 0 success, 1 error, 2 usage. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        withHelp(cli);
        cli.setOut(out);
        cli.setErr(err);
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        cli.setExecutionExceptionHandler(
                (e, commandLine, parseResult) -> {
                    if (debug) {
                        e.printStackTrace(err);
                    }
                    if (e instanceof UserError
                            || e instanceof IllegalArgumentException
                            || e instanceof ImagingException) {
                        err.println("clinval: " + e.getMessage());
                        return 1;
                    }
                    err.println(
                            "clinval: internal error: "
                                    + e
                                    + (debug ? "" : " (run with --debug for the stack trace)"));
                    return 1;
                });
        cli.setParameterExceptionHandler(
                (e, a) -> {
                    err.println("clinval: " + e.getMessage());
                    CommandLine c = e.getCommandLine();
                    err.println(
                            "Run '"
                                    + c.getCommandSpec().qualifiedName()
                                    + " --help' for its options.");
                    return 2;
                });
        return cli.execute(args);
    }
}
