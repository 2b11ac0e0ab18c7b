package org.clinval.app.study;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.Logs;
import org.clinval.app.cli.Subcommands;
import org.clinval.app.cli.UserError;
import org.clinval.workflows.StudyEngine;
import org.clinval.workflows.StudyStatus;
import org.clinval.workflows.StudyTask;
import org.clinval.workflows.delegate.StudyStepException;
import org.clinval.workflows.signature.Meaning;
import org.clinval.workflows.signature.SignatureRefusedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code clinval task}: the signed user tasks of studies. */
@Subcommands({TaskCommand.ListTasks.class, TaskCommand.Complete.class})
@Command(name = "task", description = "List and complete the signed tasks of studies.")
public final class TaskCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "a subcommand is required, e.g. 'clinval task list'");
    }

    /** {@code clinval task list [--run DIR]}. */
    @Command(
            name = "list",
            description = "List the tasks waiting, in one run folder or all under runs/.")
    public static final class ListTasks implements Callable<Integer> {

        @Option(
                names = "--run",
                paramLabel = "DIR",
                description = "Run folder (default: every one under runs/).")
        Path run;

        @Mixin StudyOptions options;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            ObjectNode o = Json.object();
            ArrayNode tasks = o.putArray("tasks");
            for (Path dir : StudyOptions.runs(run)) {
                try (StudyEngine e =
                        StudyEngine.resume(dir, options.settings(spec.commandLine().getErr()))) {
                    e.tasks().forEach(t -> tasks.add(StudyJson.task(t)));
                }
            }
            spec.commandLine().getOut().println(Json.write(o));
            return 0;
        }
    }

    /** {@code clinval task complete ID --user U --meaning M [--password-file F]}. */
    @Command(
            name = "complete",
            description =
                    "Sign and complete a task. The password is read from --password-file or prompted for.")
    public static final class Complete implements Callable<Integer> {

        @Parameters(paramLabel = "ID", description = "The task id (see 'clinval task list').")
        String id;

        @Option(
                names = "--user",
                required = true,
                paramLabel = "U",
                description = "The signer's user id.")
        String user;

        @Option(
                names = "--meaning",
                required = true,
                paramLabel = "M",
                description = "What the signature means: approved, reviewed or authored.")
        String meaning;

        @Option(
                names = "--password-file",
                paramLabel = "F",
                description =
                        "File whose first line is the password, readable by its owner only"
                                + " (default: prompt).")
        Path passwordFile;

        @Option(
                names = "--reason",
                paramLabel = "TEXT",
                description = "Why; required to record a deviation.")
        String reason;

        @Option(
                names = "--run",
                paramLabel = "DIR",
                description = "Run folder (default: the one under runs/ holding the task).")
        Path run;

        @Mixin StudyOptions options;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Meaning m = Meaning.parse(meaning);
            for (Path dir : StudyOptions.runs(run)) {
                try (StudyEngine e =
                        StudyEngine.resume(dir, options.settings(spec.commandLine().getErr()))) {
                    List<StudyTask> tasks = e.tasks();
                    if (tasks.stream().noneMatch(t -> t.id().equals(id))) {
                        continue;
                    }
                    Logs.toFile(dir);
                    StudyStatus s;
                    try {
                        s = e.complete(id, user, m, password(), reason);
                    } catch (SignatureRefusedException | StudyStepException x) {
                        throw new UserError(x.getMessage(), x);
                    }
                    ObjectNode o = StudyJson.status(s);
                    o.put("completed", id);
                    spec.commandLine().getOut().println(Json.write(o));
                    int code = StudyJson.exitCode(s);
                    if (code != 0) {
                        spec.commandLine()
                                .getErr()
                                .println(
                                        "clinval: the study is in state '"
                                                + s.state().key()
                                                + "'"
                                                + ". Next: "
                                                + StudyJson.next(s));
                    }
                    return code;
                }
            }
            throw new UserError(
                    "no task "
                            + id
                            + " waits in "
                            + (run != null ? run : StudyOptions.RUNS + "/*"));
        }

        private char[] password() {
            return Secrets.fileOrPrompt(
                    passwordFile, "Password of " + user, false, "--password-file F");
        }
    }
}
