package org.clinval.app.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.UserError;
import org.clinval.compliance.PccpReport;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.ledger.DatasetIdentity;
import org.clinval.workflows.ledger.DatasetLedger;
import org.clinval.workflows.pccp.ComparisonException;
import org.clinval.workflows.pccp.PccpPlan;
import org.clinval.workflows.pccp.PccpPlanReader;
import org.clinval.workflows.pccp.PccpRevalidation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code clinval study compare --baseline RUN --candidate RUN --plan PCCP.yaml [--out DIR]}. The
 * comparison and its report are accesses to the locked test set: they are recorded in the dataset
 * ledger that holds the test set ({@code --ledger}, else the default ledger when it has one).
 */
@Command(
        name = "compare",
        description =
                "Re-validate a modified model under a predetermined change control plan: compare"
                        + " the candidate run with the baseline run on the same locked test set,"
                        + " endpoint by endpoint and subgroup by subgroup, against the plan's"
                        + " non-inferiority margins. Prints the comparison (JSON) and writes it as"
                        + " pccp-comparison.json and its conformance report pccp-report.docx and .pdf (PDF/A-1b); the"
                        + " comparison and the report are recorded in the test set's dataset"
                        + " ledger. Exit 0 when every endpoint is within the plan, 3 when one is"
                        + " outside it or undefined, 1 on an error.")
public final class CompareCommand implements Callable<Integer> {

    @Option(
            names = "--baseline",
            required = true,
            paramLabel = "RUN",
            description = "The run folder of the validated model version.")
    Path baseline;

    @Option(
            names = "--candidate",
            required = true,
            paramLabel = "RUN",
            description = "The run folder of the modified model version.")
    Path candidate;

    @Option(
            names = "--plan",
            required = true,
            paramLabel = "PCCP.yaml",
            description = "The change control plan: endpoints, margins, subgroups, level.")
    Path plan;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description =
                    "Where pccp-comparison.json and the report are written (default:"
                            + " <candidate>-pccp beside the candidate's run folder).")
    Path out;

    @Option(
            names = "--ledger",
            paramLabel = "DIR",
            description =
                    "The dataset ledger that records the comparison and the report, signed with"
                            + " the site key (default: $CLINVAL_LEDGER, else"
                            + " ~/.config/clinval/ledger, when it holds the test set's ledger).")
    Path ledger;

    @Option(
            names = "--user",
            paramLabel = "ID",
            description = "Who compares, as the ledger records it (default: system).")
    String user;

    @Mixin StudyOptions options;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        // Beside the candidate's run, not in it: a sealed run folder takes no new file.
        Path dir =
                out != null
                        ? out
                        : candidate
                                .toAbsolutePath()
                                .normalize()
                                .resolveSibling(
                                        candidate.toAbsolutePath().normalize().getFileName()
                                                + "-pccp");
        Optional<DatasetLedger> l =
                ledger(ledger != null ? ledger : DatasetLedger.defaultLocation());
        PccpRevalidation.Result r =
                revalidate(
                        baseline, candidate, plan, dir, l, user != null ? user : AuditTrail.SYSTEM);
        spec.commandLine().getOut().println(Json.write(r.record()));
        spec.commandLine()
                .getErr()
                .println(
                        "clinval: wrote "
                                + r.comparison()
                                + ", "
                                + r.report()
                                + " and "
                                + org.clinval.compliance.ComplianceDocs.pdfOf(r.report())
                                + (l.isPresent()
                                        ? "; recorded in the dataset ledger " + l.get().dir()
                                        : "; no dataset ledger holds this test set: not recorded"));
        return r.verdict().equals("within plan") ? 0 : 3;
    }

    /**
     * The ledger in {@code dir} if it holds the candidate's test set, or {@code --ledger} was
     * given; the site key is then opened.
     */
    private Optional<DatasetLedger> ledger(Path dir) throws IOException {
        if (ledger == null) {
            String dataset;
            try {
                dataset = DatasetIdentity.ofRun(candidate);
            } catch (IOException e) {
                return Optional.empty(); // not a run of a locked study: nothing to record
            }
            if (!Files.exists(DatasetLedger.file(dir, dataset))) return Optional.empty();
        }
        return Optional.of(DatasetLedger.in(dir, options.siteKey(), Clock.systemUTC()));
    }

    /**
     * Compares {@code candidate} with {@code baseline} under plan file {@code plan}, writes the
     * comparison and its PCCP report into {@code out}, and records both accesses in {@code ledger}
     * when given. Bad plans and runs become one-line user errors naming the file.
     */
    public static PccpRevalidation.Result revalidate(
            Path baseline,
            Path candidate,
            Path plan,
            Path out,
            Optional<DatasetLedger> ledger,
            String user)
            throws IOException {
        PccpPlan p;
        try {
            p = PccpPlanReader.read(plan);
        } catch (PccpPlanReader.InvalidPccpPlanException e) {
            throw new UserError(e.getMessage(), e);
        }
        try {
            return PccpRevalidation.run(
                    baseline, candidate, p, out, PccpReport::write, ledger, user);
        } catch (ComparisonException e) {
            throw new UserError(e.getMessage(), e);
        }
    }
}
