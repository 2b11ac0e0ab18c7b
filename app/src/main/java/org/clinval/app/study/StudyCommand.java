package org.clinval.app.study;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.Logs;
import org.clinval.app.cli.UserError;
import org.clinval.workflows.StudyEngine;
import org.clinval.workflows.delegate.StudyStepException;
import org.clinval.workflows.protocol.InvalidProtocolException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code clinval study}: validation studies. */
@Command(
        name = "study",
        description = "Run validation studies under their approved protocol.",
        subcommands = {StudyCommand.Run.class})
public final class StudyCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "a subcommand is required, e.g. 'clinval study run'");
    }

    /** {@code clinval study run PROTOCOL [--out DIR]}. */
    @Command(
            name = "run",
            description =
                    "Check the protocol, register its inputs and start the study; it then waits for"
                            + " ApproveProtocol (see 'clinval task list').")
    public static final class Run implements Callable<Integer> {

        @Parameters(paramLabel = "PROTOCOL", description = "The study protocol (YAML).")
        Path protocol;

        @Option(
                names = "--out",
                paramLabel = "DIR",
                description = "Run folder (default: runs/<study id>).")
        Path out;

        @Mixin StudyOptions options;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path dir = out;
            try {
                if (dir == null) {
                    dir =
                            StudyOptions.RUNS.resolve(
                                    org.clinval.workflows.protocol.ProtocolReader.read(protocol)
                                            .id());
                }
                Logs.toFile(dir);
                try (StudyEngine e =
                        StudyEngine.start(
                                protocol, dir, options.settings(spec.commandLine().getErr()))) {
                    spec.commandLine().getOut().println(Json.write(StudyJson.status(e.status())));
                }
            } catch (InvalidProtocolException | StudyStepException e) {
                throw new UserError(e.getMessage(), e);
            } catch (java.nio.file.NoSuchFileException e) {
                throw new UserError("no such file: " + e.getFile(), e);
            }
            return 0;
        }
    }
}
