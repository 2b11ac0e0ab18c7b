package org.clinval.app.study;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.UserError;
import org.clinval.workflows.pccp.ComparisonException;
import org.clinval.workflows.pccp.PccpComparison;
import org.clinval.workflows.pccp.PccpPlan;
import org.clinval.workflows.pccp.PccpPlanReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code clinval study compare --baseline RUN --candidate RUN --plan PCCP.yaml [--out DIR]}. */
@Command(
        name = "compare",
        description =
                "Re-validate a modified model under a predetermined change control plan: compare"
                        + " the candidate run with the baseline run on the same locked test set,"
                        + " endpoint by endpoint and subgroup by subgroup, against the plan's"
                        + " non-inferiority margins. Prints the comparison (JSON) and writes it as"
                        + " pccp-comparison.json and its conformance report pccp-report.docx (and .pdf, PDF/A-1b). Exit 0 when every endpoint is within the plan,"
                        + " 3 when one is outside it or undefined, 1 on an error.")
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
            description = "Where pccp-comparison.json is written (default: <candidate>/pccp).")
    Path out;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PccpPlan p;
        try {
            p = PccpPlanReader.read(plan);
        } catch (PccpPlanReader.InvalidPccpPlanException e) {
            throw new UserError(e.getMessage(), e);
        }
        ObjectNode record;
        try {
            record = PccpComparison.compare(baseline, candidate, p);
        } catch (ComparisonException e) {
            throw new UserError(e.getMessage(), e);
        }
        Path dir = out != null ? out : candidate.resolve("pccp");
        Path file = PccpComparison.write(record, dir);
        spec.commandLine().getOut().println(Json.write(record));
        Path report = org.clinval.compliance.PccpReport.write(file, dir);
        spec.commandLine()
                .getErr()
                .println(
                        "clinval: wrote "
                                + file
                                + ", "
                                + report
                                + " and "
                                + org.clinval.compliance.ComplianceDocs.pdfOf(report));
        return record.path("verdict").asText().equals("within plan") ? 0 : 3;
    }
}
