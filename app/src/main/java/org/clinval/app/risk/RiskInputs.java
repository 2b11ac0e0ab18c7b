package org.clinval.app.risk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.clinval.app.cli.UserError;
import org.clinval.risk.RiskManagementFile;
import org.clinval.risk.io.InvalidRiskFileException;
import org.clinval.risk.io.RiskFileReader;
import org.clinval.risk.results.ResultsReadException;
import org.clinval.risk.results.ResultsSource;
import org.clinval.risk.results.RunFolder;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The inputs every risk command reads: the risk register, its plan and requirements, and the
 * results of a study run. A picocli mixin; a bad input becomes one line naming the file and value.
 */
public final class RiskInputs {

    @Parameters(
            index = "0",
            paramLabel = "RISK_FILE",
            description = "The risk register (YAML), e.g. risk-file.yaml.")
    Path register;

    @Option(
            names = "--plan",
            paramLabel = "PLAN",
            description =
                    "The risk management plan (YAML). Default: the file named in risk_file.plan,"
                            + " relative to RISK_FILE.")
    Path plan;

    @Option(
            names = "--requirements",
            paramLabel = "REQS",
            description =
                    "The requirements (YAML). Default: the file named in"
                            + " risk_file.requirements, relative to RISK_FILE.")
    Path requirements;

    @Option(
            names = "--results",
            paramLabel = "RUN_DIR",
            description =
                    "A study run folder holding cucumber.json (and optionally metrics.json and"
                            + " signatures.jsonl); its folder name is the run id. Without it nothing is"
                            + " verified and every control counts as not effective.")
    Path results;

    @Option(
            names = "--pms",
            paramLabel = "OUT",
            description =
                    "A surveillance output folder (of 'clinval pms run'): its investigations are"
                            + " the post-production information (ISO 14971 §10); a control whose"
                            + " metric has an open investigation is under investigation.")
    Path pms;

    /** The investigations of {@code --pms}, or none. */
    org.clinval.risk.postproduction.PostProductionInformation postProduction() {
        if (pms == null) return org.clinval.risk.postproduction.PostProductionInformation.none();
        try {
            return org.clinval.risk.postproduction.InvestigationsReader.read(pms);
        } catch (ResultsReadException e) {
            throw new UserError(e.getMessage(), e);
        } catch (IOException e) {
            throw new UserError(pms + ": cannot read the investigations: " + e.getMessage(), e);
        }
    }

    /** Reads the three files; every problem of all three is listed on one line. */
    RiskManagementFile read() {
        try {
            return RiskFileReader.read(
                    register, Optional.ofNullable(plan), Optional.ofNullable(requirements));
        } catch (InvalidRiskFileException e) {
            throw new UserError(e.getMessage(), e);
        } catch (IOException e) {
            throw new UserError("cannot read the risk management files: " + e.getMessage(), e);
        }
    }

    /** Opens the run folder, if one was given. */
    Optional<ResultsSource> run() {
        if (results == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(RunFolder.open(results));
        } catch (ResultsReadException e) {
            throw new UserError(e.getMessage(), e);
        } catch (IOException e) {
            throw new UserError(results + ": cannot read the run: " + e.getMessage(), e);
        }
    }
}
