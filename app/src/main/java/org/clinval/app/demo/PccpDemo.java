package org.clinval.app.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.clinval.app.cli.Json;
import org.clinval.app.study.CompareCommand;
import org.clinval.app.study.Studies;
import org.clinval.workflows.StudyState;
import org.clinval.workflows.StudyStatus;
import org.clinval.workflows.ledger.DatasetLedger;
import org.clinval.workflows.ledger.LedgerEntry;
import org.clinval.workflows.ledger.LedgerSummary;
import org.clinval.workflows.pccp.PccpRevalidation;

/**
 * The PCCP part of {@code clinval demo --pccp}: after the demo study of version 1 of the nodule
 * classifier, the same study of version 2 over the same data (so the same locked test set), then
 * {@code clinval study compare}'s re-validation of version 2 against version 1 under the demo plan,
 * its comparison and report written beside the runs, every access recorded in the demo site's
 * dataset ledger.
 */
final class PccpDemo {

    /** Runs a demo study of a protocol into a run folder. */
    @FunctionalInterface
    interface StudyRunner {
        StudyStatus run(Path protocol, Path run) throws Exception;
    }

    /**
     * What the PCCP demo did.
     *
     * @param json the paths, the dataset, the verdict and the ledger's uses, for the demo's output
     * @param passedAndWithinPlan whether version 2's study passed and the change is within the plan
     */
    record Outcome(ObjectNode json, boolean passedAndWithinPlan) {}

    private PccpDemo() {}

    static Outcome run(
            Path root,
            int seed,
            Path baselineRun,
            DemoSite site,
            StudyRunner studies,
            PrintWriter err,
            String studyStep,
            String compareStep)
            throws Exception {
        err.println(
                "clinval demo: "
                        + studyStep
                        + " running the same locked test set with version 2 of the classifier");
        Path descriptor = DemoStudy.modelVersion2(root.resolve("model-v2"));
        Path protocol =
                DemoStudy.protocolVersion2(
                        root.resolve("protocol-v2.yaml"),
                        descriptor,
                        Studies.sha256(descriptor),
                        seed);
        Path candidateRun = root.resolve("run-v2-seed-" + seed);
        StudyStatus status = studies.run(protocol, candidateRun);

        err.println(
                "clinval demo: "
                        + compareStep
                        + " comparing version 2 with version 1 under the demo PCCP plan");
        Path plan = DemoStudy.pccpPlan(root.resolve("pccp-plan.yaml"));
        DatasetLedger ledger = DatasetLedger.in(site.ledger(), site.key(), Clock.systemUTC());
        PccpRevalidation.Result r =
                CompareCommand.revalidate(
                        baselineRun,
                        candidateRun,
                        plan,
                        root.resolve("pccp"),
                        Optional.of(ledger),
                        DemoStudy.REVIEWER);

        String dataset = r.dataset();
        List<LedgerEntry> entries = DatasetLedger.entries(site.ledger(), dataset);
        boolean verified =
                DatasetLedger.verify(site.ledger(), dataset, site.key().publicKey()).ok();
        ObjectNode o = Json.object();
        o.put("plan", plan.toString());
        o.put("baseline_run", baselineRun.toString());
        o.put("candidate_run", candidateRun.toString());
        o.put("candidate_state", status.state().name().toLowerCase(java.util.Locale.ROOT));
        o.put("dataset_sha256", dataset);
        o.put("comparison", r.comparison().toString());
        o.put("report", r.report().toString());
        o.put("verdict", r.verdict());
        o.put("ledger", DatasetLedger.file(site.ledger(), dataset).toString());
        o.put("ledger_verified", verified);
        ObjectNode uses = o.putObject("ledger_uses_by_model_version");
        for (LedgerSummary.ModelUse m : LedgerSummary.of(entries).byModelVersion()) {
            uses.put(m.version(), m.uses());
        }
        o.put(
                "ledger_command",
                "clinval dataset ledger "
                        + dataset
                        + " --ledger "
                        + site.ledger()
                        + " --public-key "
                        + site.publicKey());
        err.println("clinval demo: comparison " + r.comparison());
        err.println("clinval demo: PCCP report " + r.report());
        err.println(
                "clinval demo: dataset ledger "
                        + DatasetLedger.file(site.ledger(), dataset)
                        + " ("
                        + entries.size()
                        + " accesses, "
                        + (verified ? "verified" : "DOES NOT VERIFY")
                        + ")");
        err.println(
                "clinval demo: PCCP verdict: version 2 is "
                        + r.verdict()
                        + (r.verdict().equals("within plan")
                                ? " (every endpoint within its margin)"
                                : r.verdict().equals("outside plan")
                                        ? " (an endpoint is outside its margin; see the report)"
                                        : " (an endpoint could not be compared; see the report)"));
        return new Outcome(
                o, status.state() == StudyState.PASSED && r.verdict().equals("within plan"));
    }
}
