package org.clinval.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The standalone performance testing section of a 510(k), shaped by the FDA guidance "Computer-
 * Assisted Detection Devices Applied to Radiology Images and Radiology Device Data — Premarket
 * Notification [510(k)] Submissions" (2022): device and intended use; test data (sites, scanners,
 * demographics and disease status by subgroup, the locked data set); study design, endpoints and
 * the acceptance criteria fixed before the study; results with their intervals; subgroup analyses;
 * failure modes with example cases; conclusion. Every number is read from the run's records and
 * printed with its computation reference; what the records cannot say (independence from the
 * training data, the truthing procedure's readers, acquisition protocols) is left to the
 * manufacturer, marked as such, never invented.
 */
public final class PerformanceSection510k {

    /** The file name in the run's {@code docs/} folder. */
    public static final String FILE = "510k-performance.docx";

    private PerformanceSection510k() {}

    /** The section's content, with its computation records cited in {@code traces}. */
    public static Doc build(RunEvidence run, Traces traces) {
        return build(run, traces, java.util.Optional.empty());
    }

    /** As {@link #build(RunEvidence, Traces)}, with the test set's reuse from the ledger. */
    public static Doc build(RunEvidence run, Traces traces, java.util.Optional<TestSetUse> reuse) {
        JsonNode m = run.metrics();
        JsonNode pr = run.protocol();
        String level = m.at("/statistics/level").asText("");
        String ciMethod = m.at("/statistics/ci_method").asText("");
        String seed = m.at("/statistics/bootstrap_seed").asText("");
        Doc doc =
                new Doc(
                        "Standalone performance testing",
                        m.path("title").asText("")
                                + " — study "
                                + run.studyId()
                                + run.sealed().map(s -> ", run sealed " + s).orElse("")
                                + ". 510(k) section written from the study's records; every"
                                + " number refers to its computation record (Appendix A).");

        // 1 Device and intended use
        doc.h1("Device and intended use");
        JsonNode device = pr.path("device");
        doc.p(
                "Device: "
                        + device.path("name").asText(m.at("/provenance/device").asText(""))
                        + (device.hasNonNull("version")
                                ? ", version " + device.path("version").asText()
                                : "")
                        + ". The model descriptor approved with the protocol has SHA-256 "
                        + m.at("/provenance/descriptor_sha256").asText("(not recorded)")
                        + "; the model the study ran has SHA-256 "
                        + run.common("model_sha256").orElse("(not recorded)")
                        + ".");
        if (pr.hasNonNull("intended_use")) {
            doc.p("Intended use: " + pr.path("intended_use").asText().trim());
        } else {
            doc.toComplete("the intended use and indications for use.");
        }
        doc.p(
                "Task: "
                        + m.path("task").asText("")
                        + ". A case is positive when its score is "
                        + m.at("/operating_point/rule").asText("")
                        + " "
                        + m.at("/operating_point/threshold").asText("")
                        + " (positive class "
                        + m.at("/operating_point/positive_class").asText("")
                        + "; higher scores mean "
                        + (m.at("/operating_point/direction").asText("higher").equals("higher")
                                ? "positive"
                                : "negative")
                        + ").");

        // 2 Test data
        doc.h1("Test data");
        doc.p(
                "The test set has "
                        + traces.number("/cases", 0, "count", "", "")
                        + " cases; the data set was locked before inference (SHA-256 of its"
                        + " manifest "
                        + run.common("dataset_sha256").orElse("(not recorded)")
                        + "). Cases by site and by scanner manufacturer are in {Table:sites} and"
                        + " {Table:manufacturers}; by sex and age in {Table:sex} and {Table:age}."
                        + " Case identifiers are pseudonyms; no identifying data is in this"
                        + " document.");
        Sections.composition(doc, traces, m, "site", "sites", "Cases by site");
        Sections.composition(
                doc, traces, m, "manufacturer", "manufacturers", "Cases by scanner manufacturer");
        Sections.composition(doc, traces, m, "sex", "sex", "Cases by sex");
        Sections.composition(doc, traces, m, "age_band", "age", "Cases by age band (years)");
        doc.h2("Independence from the training data");
        if (reuse.isPresent()) {
            TestSetUse u = reuse.get();
            doc.p(
                    "The site's dataset ledger, verified with the site key, records "
                            + u.uses()
                            + " accesses to this test set (identity "
                            + u.dataset()
                            + ") in "
                            + u.runs()
                            + (u.runs() == 1 ? " study run" : " study runs")
                            + ", by model version: "
                            + String.join("; ", u.byModel())
                            + ".");
        } else {
            doc.p(
                    "How often this test set was used before is not stated here: write the"
                            + " document with the site's dataset ledger to include it.");
        }
        doc.toComplete(
                "how the test cases were kept apart from the data used to train and tune the model"
                        + " (sites, time period, patients), and the reuse history of this test set.");
        doc.h2("Reference standard (truthing)");
        doc.p(
                "Each case's label comes from the ground-truth file registered with the protocol ("
                        + fileName(pr.at("/dataset/ground_truth").asText("not named"))
                        + ").");
        doc.toComplete(
                "the truthing procedure: who established the reference standard, their"
                        + " qualifications, how disagreements were resolved, and the acquisition"
                        + " protocols of the images.");

        // 3 Study design
        doc.h1("Study design, endpoints and acceptance criteria");
        doc.p(
                "The protocol, its endpoints and acceptance criteria were approved by electronic"
                        + " signature before the data set was locked and inference ran; the"
                        + " study's audit trail records the order. Intervals are "
                        + level
                        + " "
                        + ciMethod.replace('_', '-')
                        + " for proportions and DeLong for the AUC; bootstrap with "
                        + m.at("/statistics/bootstrap_replicates").asText("")
                        + " replicates, seed "
                        + seed
                        + ". The endpoints are in {Table:endpoints}.");
        List<List<String>> eps = new ArrayList<>();
        for (JsonNode e : m.path("endpoints")) {
            eps.add(
                    List.of(
                            e.path("id").asText(),
                            e.path("role").asText(),
                            e.path("name").asText(),
                            e.at("/criterion/text").asText(),
                            join(e.path("requirements")) + " / " + join(e.path("risk_controls"))));
        }
        doc.table(
                "endpoints",
                "Pre-specified endpoints and acceptance criteria",
                List.of(
                        "Endpoint",
                        "Role",
                        "Measure",
                        "Acceptance criterion",
                        "Verifies (REQ / RCM)"),
                eps);

        // 4 Results
        doc.h1("Results");
        doc.p(
                "Each endpoint against its criterion is in {Table:results}; the confusion matrix at"
                        + " the operating point in {Table:confusion}, the accuracy measures in"
                        + " {Table:accuracy}.");
        Sections.endpointResults(doc, traces, m);
        doc.table(
                "confusion",
                "Confusion matrix at the operating point",
                List.of("", "Reference positive", "Reference negative"),
                List.of(
                        List.of(
                                "Device positive",
                                traces.number("/confusion_matrix/tp", 0, "count", "", ""),
                                traces.number("/confusion_matrix/fp", 0, "count", "", "")),
                        List.of(
                                "Device negative",
                                traces.number("/confusion_matrix/fn", 0, "count", "", ""),
                                traces.number("/confusion_matrix/tn", 0, "count", "", ""))));
        Sections.accuracy(doc, traces, m);

        // 5 Subgroups
        doc.h1("Subgroup analyses");
        doc.p(
                "Sensitivity, specificity and AUC by subgroup, with "
                        + level
                        + " intervals ({Table:sub-site} onwards). Subgroups with fewer than "
                        + traces.number("/subgroups/min_n_per_class", 0, "protocol setting", "", "")
                        + " cases of a class are reported and flagged, not dropped.");
        Sections.subgroups(doc, traces, m);

        // 6 Failure modes
        doc.h1("Failure-mode analysis");
        List<RunEvidence.CaseRow> fn = new ArrayList<>();
        List<RunEvidence.CaseRow> fp = new ArrayList<>();
        String positive = m.at("/operating_point/positive_class").asText("1");
        for (RunEvidence.CaseRow c : run.cases()) {
            boolean truth = positive.equals(c.values().get("label"));
            boolean said = positive.equals(c.values().get("prediction"));
            if (truth && !said) fn.add(c);
            if (!truth && said) fp.add(c);
        }
        fn.sort(Comparator.comparingDouble(c -> score(c)));
        fp.sort(Comparator.comparingDouble((RunEvidence.CaseRow c) -> score(c)).reversed());
        doc.p(
                "At the operating point the device missed "
                        + traces.counted(
                                fn.size(), "false negatives (label positive, prediction negative)")
                        + " positive cases and flagged "
                        + traces.counted(
                                fp.size(), "false positives (label negative, prediction positive)")
                        + " negative cases. The misses with the lowest scores and the false alarms"
                        + " with the highest are listed in {Table:failures}, for review of the images.");
        List<List<String>> ex = new ArrayList<>();
        for (RunEvidence.CaseRow c : fn.subList(0, Math.min(5, fn.size())))
            ex.add(example(traces, "false negative", c));
        for (RunEvidence.CaseRow c : fp.subList(0, Math.min(5, fp.size())))
            ex.add(example(traces, "false positive", c));
        doc.table(
                "failures",
                "Example failures (pseudonymous case ids)",
                List.of("Kind", "Case", "Site", "Manufacturer", "Score"),
                ex);
        doc.toComplete(
                "the clinical review of these cases (image findings, likely causes) and whether"
                        + " the failures cluster in a subgroup.");

        // 7 Conclusion
        doc.h1("Conclusion");
        List<String> failed = new ArrayList<>();
        int primaries = 0;
        for (JsonNode e : m.path("endpoints")) {
            if (e.path("role").asText().equals("primary")) primaries++;
            if (!e.path("verdict").asText().equals("PASS")) failed.add(e.path("id").asText());
        }
        doc.p(
                failed.isEmpty()
                        ? "All "
                                + m.path("endpoints").size()
                                + " pre-specified endpoints ("
                                + primaries
                                + " primary) met their acceptance criteria: the study's verdict is "
                                + m.path("verdict").asText()
                                + "."
                        : "Endpoints "
                                + String.join(", ", failed)
                                + " did not meet their acceptance criteria: the study's verdict is "
                                + m.path("verdict").asText()
                                + ", and the deviation record of the run explains it.");

        // Appendices: the records and the hashes
        doc.h1("Appendix A: computation records");
        doc.p(
                "Each reference [Rn] in this section names the record its number was read from;"
                        + " {Table:records} lists them, {Table:hashes} the files' SHA-256.");
        return doc;
    }

    private static List<String> example(Traces traces, String kind, RunEvidence.CaseRow c) {
        return List.of(
                kind,
                c.caseId(),
                c.values().getOrDefault("site", ""),
                c.values().getOrDefault("manufacturer", ""),
                traces.caseValue(c.caseId(), "score", c.values().getOrDefault("score", ""), 3));
    }

    private static double score(RunEvidence.CaseRow c) {
        try {
            return Double.parseDouble(c.values().getOrDefault("score", "NaN"));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String join(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return String.join(", ", out);
    }

    private static String fileName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
