package org.clinval.app.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.clinval.app.cli.Logs;
import org.clinval.app.cli.UserError;
import org.clinval.features.AcceptanceRun;
import org.clinval.workflows.service.AcceptanceResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code clinval verify --study RUN_DIR --features DIR}: runs the acceptance criteria in DIR over
 * the finished study run, writes Cucumber's {@code cucumber.json} and {@code cucumber-report.html}
 * into the run folder (where {@code clinval risk check --results} reads the JSON) and prints the
 * outcome of each scenario as JSON: {@code passed}, {@code summary}, {@code scenarios} (each with
 * {@code feature}, {@code uri}, {@code line}, {@code name}, {@code tags}, {@code status}, {@code
 * message}), {@code json} and {@code html}.
 *
 * <p>Exit codes: 0 when every scenario passed; 1 when a scenario did not pass or none ran (the JSON
 * says which and why), or when the criteria could not be run (one line on stderr, e.g. a feature
 * file that is not Gherkin); 2 on a usage error, including a run or features folder that does not
 * exist.
 */
@Command(
        name = "verify",
        description = {
            "Run a study's acceptance criteria (Gherkin feature files) over its run folder, write"
                    + " Cucumber's JSON and HTML reports into the run folder and print each"
                    + " scenario's outcome as JSON.",
            "Exit 0 when every scenario passed, 1 when one did not (or none ran, or the criteria"
                    + " could not be run), 2 on a usage error."
        })
public final class VerifyCommand implements Callable<Integer> {

    /** The exit code when a scenario did not pass. */
    public static final int EXIT_NOT_PASSED = 1;

    @Option(
            names = "--study",
            required = true,
            paramLabel = "RUN_DIR",
            description =
                    "The study's run folder: protocol.yaml, case-results.csv, metrics.json,"
                            + " quarantine.csv, audit-trail.jsonl, manifest.sha256.")
    Path study;

    @Option(
            names = "--features",
            required = true,
            paramLabel = "DIR",
            description = "A folder of .feature files (or one .feature file).")
    Path features;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isDirectory(study)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--study: "
                            + study
                            + (Files.exists(study) ? " is not a folder" : ": no such folder"));
        }
        if (!Files.exists(features)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--features: " + features + ": no such folder or file");
        }
        Logs.toFile(study);
        AcceptanceResult r;
        try {
            r = AcceptanceRun.run(study, features, study);
        } catch (IOException e) {
            throw new UserError(e.getMessage(), e);
        }
        spec.commandLine().getOut().println(r.toJson());
        spec.commandLine().getOut().flush();
        return r.passed() ? 0 : EXIT_NOT_PASSED;
    }
}
