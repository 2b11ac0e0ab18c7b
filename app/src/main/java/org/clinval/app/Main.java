package org.clinval.app;

import java.io.PrintWriter;
import java.util.List;
import org.clinval.app.cli.CommandTree;
import org.clinval.app.cli.Errors;
import org.clinval.app.cli.Logs;
import org.clinval.app.cli.Redaction;
import org.clinval.app.cli.Subcommands;
import org.clinval.app.cli.UsageMessages;
import org.clinval.app.dicom.DicomCommand;
import org.clinval.app.model.ModelCommand;
import org.clinval.app.risk.RiskCommand;
import org.clinval.app.stats.StatsCommand;
import org.clinval.app.study.AuditCommand;
import org.clinval.app.study.KeysCommand;
import org.clinval.app.study.StudyCommand;
import org.clinval.app.study.TaskCommand;
import org.clinval.app.study.UserCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code clinval} command. */
@Subcommands({
    StatsCommand.class,
    DicomCommand.class,
    RiskCommand.class,
    org.clinval.app.demo.DemoCommand.class,
    org.clinval.app.phantom.PhantomsCommand.class,
    org.clinval.app.init.InitCommand.class,
    StudyCommand.class,
    TaskCommand.class,
    AuditCommand.class,
    org.clinval.app.study.DatasetCommand.class,
    UserCommand.class,
    KeysCommand.class,
    org.clinval.app.verify.VerifyCommand.class,
    ModelCommand.class,
    org.clinval.app.model.PredictCommand.class,
    org.clinval.app.model.ExplainCommand.class,
    org.clinval.app.pms.PmsCommand.class,
    org.clinval.app.cluster.ClusterCommand.class,
    org.clinval.app.serve.ServeCommand.class,
    org.clinval.app.docs.DocsCommand.class
})
@Command(
        name = "clinval",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Clinical validation of medical-imaging AI.")
public final class Main implements Runnable {

    /**
     * The commands, in the order the help lists them. Only the one a command line names is built
     * (its options, its subcommands and the classes they load; see {@link CommandTree}): building
     * all of them took most of a short command's start-up.
     */
    static final List<Class<?>> COMMANDS = CommandTree.subcommands(Main.class);

    @Option(
            names = "--debug",
            scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of errors, and echo library logs to stderr.")
    boolean debug;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static void main(String[] args) {
        Logs.configureJulLazily();
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

    /**
     * Runs the command line and returns the exit code: 0 success, 1 error (bad input, or a failure
     * of the work), 2 usage (a missing, unknown or out-of-range option). Library logs go to a log
     * file (see {@link Logs}); a command that logged warnings or errors ends with one line saying
     * where.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return version(out);
        }
        // PixelMed asks AWT for a screen unless told it is headless, and logs a HeadlessException
        // with its stack trace for every compressed image; no command of clinval draws on a screen.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        // picocli probes for Groovy's closures with Class.forName; the miss made the JVM open every
        // one of the release's ~250 jars, about a third of a short command's start-up. clinval's
        // annotations hold no closures.
        if (System.getProperty("picocli.disable.closures") == null) {
            System.setProperty("picocli.disable.closures", "true");
        }
        CommandLine cli = new CommandLine(new Main());
        List<Class<?>> commands = commands(args);
        if (!commands.isEmpty()) CommandTree.addSubcommands(cli, args, 0);
        withHelp(cli);
        cli.setOut(out);
        cli.setErr(err);
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        Redaction redaction = Redaction.of(args);
        Errors errors = new Errors(err, debug, redaction);
        cli.setExecutionExceptionHandler(
                (e, commandLine, parseResult) -> errors.report(e, commandLine));
        cli.setParameterExceptionHandler(
                (e, a) -> errors.usage(UsageMessages.of(e), e.getCommandLine()));
        // --version runs no library that logs: the logging set-up (about half a second) is skipped.
        boolean logging = !commands.isEmpty();
        if (logging) Logs.start(commandName(cli, args), debug, err);
        int exit;
        try {
            exit = cli.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            exit = errors.fatal(e);
        } finally {
            if (logging) Logs.finish().ifPresent(line -> err.println("clinval: " + line));
            err.flush();
        }
        return exit;
    }

    /**
     * Prints the version lines as picocli's {@code --version} does, without building the command
     * line: picocli's classes cannot go in a class-data archive (they are Java 5 bytecode), and
     * building even the bare {@code clinval} command took most of {@code --version}'s time.
     */
    private static int version(PrintWriter out) {
        for (String line : new Version().getVersion()) out.println(line);
        out.flush();
        return 0;
    }

    /**
     * The commands to build for {@code args}: the one its first word names, or every one (for the
     * help, a missing or a mistyped command, whose message lists them all).
     */
    static List<Class<?>> commands(String[] args) {
        for (String a : args) {
            if (a.startsWith("-")) {
                if (a.equals("--debug")) continue;
                if (a.equals("--version") || a.equals("-V")) return List.of();
                break; // an option of clinval itself, e.g. --help
            }
            Class<?> named = CommandTree.named(COMMANDS, a);
            if (named != null) return List.of(named);
            break;
        }
        return COMMANDS;
    }

    /**
     * Returns the (sub)command names among {@code args}, e.g. {@code stats roc}, for the log; never
     * an argument value, which may be a password or a patient's file name.
     */
    static String commandName(CommandLine cli, String[] args) {
        StringBuilder s = new StringBuilder();
        CommandLine c = cli;
        for (String a : args) {
            CommandLine sub = c.getSubcommands().get(a);
            if (sub == null) {
                if (a.startsWith("-")) continue;
                break;
            }
            s.append(s.length() == 0 ? "" : " ").append(a);
            c = sub;
        }
        return s.toString();
    }
}
