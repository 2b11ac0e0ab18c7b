package org.clinval.app.study;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.Logs;
import org.clinval.app.cli.Progress;
import org.clinval.app.cli.Subcommands;
import org.clinval.app.cli.UserError;
import org.clinval.common.Problem;
import org.clinval.workflows.InvalidStudyInputsException;
import org.clinval.workflows.StudyCheckReport;
import org.clinval.workflows.StudyEngine;
import org.clinval.workflows.StudyStatus;
import org.clinval.workflows.delegate.StudyStepException;
import org.clinval.workflows.protocol.InvalidProtocolException;
import org.clinval.workflows.protocol.ProtocolReader;
import org.clinval.workflows.service.CaseFinding;
import org.clinval.workflows.service.InputCheck;
import org.clinval.workflows.signature.SignatureRefusedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code clinval study}: validation studies. */
@Subcommands({
    StudyCommand.Check.class,
    StudyCommand.Run.class,
    StudyCommand.Resume.class,
    StudyCommand.Retry.class,
    StudyCommand.Cancel.class,
    CompareCommand.class
})
@Command(
        name = "study",
        description =
                "Check, run, resume, retry and cancel validation studies; compare a modified"
                        + " model's run with its baseline under a change control plan.")
public final class StudyCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "a subcommand is required, e.g. 'clinval study check'");
    }

    /** Runs every check of a study with progress on stderr. */
    static StudyCheckReport check(Path protocol, StudyOptions options, PrintWriter err)
            throws IOException {
        if (!Files.isRegularFile(protocol)) {
            throw new UserError("no such file: " + protocol);
        }
        long files = 0;
        try {
            Path dicom = ProtocolReader.read(protocol).dataset().dicom();
            try (Stream<Path> s = Files.walk(dicom)) {
                files = s.filter(Files::isRegularFile).count();
            }
        } catch (InvalidProtocolException | IOException e) {
            // The check reports what is wrong with the protocol or the folder.
        }
        try (Progress p = new Progress("check: image files", files, err)) {
            // Checking needs no site key, user or database: only the input checks.
            return StudyEngine.check(
                    protocol,
                    Studies.services(err, java.time.Clock.systemUTC()).inputs(),
                    p::update);
        }
    }

    /** The JSON of a check: every problem and every case that will be quarantined. */
    static ObjectNode json(Path protocol, StudyCheckReport r) {
        ObjectNode o = Json.object();
        o.put("ok", r.ok());
        o.put("protocol", protocol.toString());
        ArrayNode p = o.putArray("problems");
        for (Problem x : r.problems()) {
            ObjectNode e = p.addObject();
            e.put("where", x.where());
            e.put("what", x.what());
        }
        r.readerStudy()
                .ifPresent(
                        x -> {
                            ObjectNode rs = o.putObject("reader_study");
                            rs.put("reads", x.reads());
                            rs.put("readers", x.readers());
                            rs.put("positive_cases", x.positives());
                            rs.put("negative_cases", x.negatives());
                            if (x.design().isPresent()) {
                                rs.put(
                                        "design",
                                        org.clinval.workflows.readers.ReaderStudyCheck.label(
                                                        x.design().get())
                                                .replace(' ', '_'));
                            } else {
                                rs.putNull("design");
                            }
                        });
        if (r.inputs().isPresent()) {
            InputCheck c = r.inputs().get();
            ObjectNode in = o.putObject("inputs");
            in.put("files", c.files());
            in.put("ignored_files", c.ignored());
            in.put("cases", c.cases());
            in.put("usable_cases", c.usable());
            in.put("cases_to_quarantine", c.toQuarantine().size());
            ArrayNode q = o.putArray("cases_to_quarantine");
            for (CaseFinding f : c.toQuarantine()) {
                ObjectNode e = q.addObject();
                e.put("case_id", f.caseId());
                e.put("source", f.source());
                e.put("reason", f.reason());
            }
        }
        return o;
    }

    /** {@code clinval study check PROTOCOL}. */
    @Command(
            name = "check",
            description =
                    "Run every check a study would run on the protocol and its inputs, without"
                            + " starting it: prints {ok, problems, inputs, cases_to_quarantine}."
                            + " Exit 0 when the study can start, 1 when something must be fixed.")
    public static final class Check implements Callable<Integer> {

        @Parameters(paramLabel = "PROTOCOL", description = "The study protocol (YAML).")
        Path protocol;

        @Mixin StudyOptions options;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            StudyCheckReport r = check(protocol, options, spec.commandLine().getErr());
            spec.commandLine().getOut().println(Json.write(json(protocol, r)));
            if (!r.ok()) {
                spec.commandLine()
                        .getErr()
                        .println(
                                "clinval: "
                                        + r.problems().size()
                                        + (r.problems().size() == 1 ? " problem" : " problems")
                                        + " to fix before the study can start (listed above)");
                return 1;
            }
            return 0;
        }
    }

    /** {@code clinval study run PROTOCOL [--out DIR]}. */
    @Command(
            name = "run",
            description =
                    "Check the protocol and every input, register them and start the study; it then"
                            + " waits for ApproveProtocol (see 'clinval task list').")
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
            PrintWriter err = spec.commandLine().getErr();
            try {
                if (dir == null) {
                    dir = StudyOptions.RUNS.resolve(ProtocolReader.read(protocol).id());
                }
                Logs.toFile(dir);
                try (StudyEngine e = StudyEngine.start(protocol, dir, options.settings(err))) {
                    return StudyJson.print(e.status(), spec.commandLine());
                }
            } catch (InvalidStudyInputsException e) {
                spec.commandLine().getOut().println(Json.write(json(protocol, e.report())));
                throw new UserError(
                        e.getMessage() + " (run 'clinval study check' to list them)", e);
            } catch (InvalidProtocolException | StudyStepException e) {
                throw new UserError(e.getMessage(), e);
            } catch (java.nio.file.NoSuchFileException e) {
                throw new UserError("no such file: " + e.getFile(), e);
            }
        }
    }

    /** {@code clinval study resume RUN}. */
    @Command(
            name = "resume",
            description =
                    "Continue a study after its program stopped (killed, crashed, restarted): the"
                            + " interrupted step runs again at once, and the trail records why.")
    public static final class Resume implements Callable<Integer> {

        @Parameters(paramLabel = "RUN", description = "The run folder.")
        Path run;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why (recorded).")
        String reason;

        @Mixin StudyOptions options;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return onStudy(run, options, spec, e -> e.resumeSteps(reason));
        }
    }

    /** {@code clinval study retry RUN --reason TEXT}. */
    @Command(
            name = "retry",
            description =
                    "Run the failed step of a study in an incident again, once its cause is fixed,"
                            + " without a new protocol signature (only when the locked inputs are"
                            + " unchanged).")
    public static final class Retry implements Callable<Integer> {

        @Parameters(paramLabel = "RUN", description = "The run folder.")
        Path run;

        @Option(
                names = "--reason",
                required = true,
                paramLabel = "TEXT",
                description = "What was fixed (recorded).")
        String reason;

        @Mixin StudyOptions options;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return onStudy(run, options, spec, e -> e.retry(reason));
        }
    }

    /** {@code clinval study cancel RUN --user U --reason TEXT}. */
    @Command(
            name = "cancel",
            description =
                    "End a study by a qa-lead's decision; the password is asked (or read from"
                            + " --password-file) and the reason recorded.")
    public static final class Cancel implements Callable<Integer> {

        @Parameters(paramLabel = "RUN", description = "The run folder.")
        Path run;

        @Option(names = "--user", required = true, paramLabel = "U", description = "A qa-lead.")
        String user;

        @Option(
                names = "--reason",
                required = true,
                paramLabel = "TEXT",
                description = "Why the study ends (recorded).")
        String reason;

        @Option(
                names = "--password-file",
                paramLabel = "F",
                description = "File whose first line is the password (default: prompt).")
        Path passwordFile;

        @Mixin StudyOptions options;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            char[] password =
                    Secrets.fileOrPrompt(
                            passwordFile, "Password of " + user, false, "--password-file F");
            return onStudy(run, options, spec, e -> e.cancel(user, password, reason));
        }
    }

    static int exitCode(StudyStatus s) {
        return StudyJson.exitCode(s);
    }

    /** What a command does with the study of a run folder. */
    @FunctionalInterface
    interface OnStudy {
        StudyStatus apply(StudyEngine engine) throws Exception;
    }

    /**
     * Opens the study of {@code run} (its library log in the run folder), applies {@code action},
     * prints the status and returns the exit code; a refusal is one line on stderr.
     */
    static int onStudy(
            Path run, StudyOptions options, CommandLine.Model.CommandSpec spec, OnStudy action)
            throws Exception {
        StudyOptions.runs(run);
        Logs.toFile(run);
        try (StudyEngine e =
                StudyEngine.resume(run, options.settings(spec.commandLine().getErr()))) {
            return StudyJson.print(action.apply(e), spec.commandLine());
        } catch (IllegalStateException | SignatureRefusedException x) {
            throw new UserError(x.getMessage(), x);
        }
    }
}
