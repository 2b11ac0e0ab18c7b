package org.clinval.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The model card of the FDA draft guidance "Artificial Intelligence-Enabled Device Software
 * Functions: Lifecycle Management and Marketing Submission Recommendations" (January 2025, Appendix
 * E), written from one validation run: the model and its output, the intended use, the test data,
 * performance with intervals overall and by subgroup, the limitations the records show (failed
 * endpoints, small subgroups), and the monitoring after release. The development data and the
 * monitoring plan are the manufacturer's to describe and are marked so.
 */
public final class ModelCard {

    /** The file name in the run's {@code docs/} folder. */
    public static final String FILE = "model-card.docx";

    private ModelCard() {}

    /** The card's content, with its computation records cited in {@code traces}. */
    public static Doc build(RunEvidence run, Traces traces) {
        JsonNode m = run.metrics();
        JsonNode pr = run.protocol();
        String level = m.at("/statistics/level").asText("");
        JsonNode device = pr.path("device");
        Doc doc =
                new Doc(
                        "Model card",
                        device.path("name").asText(m.at("/provenance/device").asText(""))
                                + " "
                                + device.path("version").asText("")
                                + " — from validation study "
                                + run.studyId()
                                + run.sealed().map(s -> " (run sealed " + s + ")").orElse("")
                                + ". Every number refers to its computation record (appendix).");

        doc.h1("Model");
        doc.table(
                "model",
                "Model identification",
                List.of("Item", "Value"),
                List.of(
                        List.of("Name", device.path("name").asText("")),
                        List.of("Version", device.path("version").asText("")),
                        List.of(
                                "Descriptor SHA-256 (as approved)",
                                m.at("/provenance/descriptor_sha256").asText("")),
                        List.of("Model SHA-256 (as run)", run.common("model_sha256").orElse("")),
                        List.of("Task", m.path("task").asText("")),
                        List.of(
                                "Output",
                                "a score per case; positive when score "
                                        + m.at("/operating_point/rule").asText("")
                                        + " "
                                        + m.at("/operating_point/threshold").asText("")
                                        + " (positive class "
                                        + m.at("/operating_point/positive_class").asText("")
                                        + ")")));
        doc.toComplete(
                "the model's architecture, inputs and pre-processing, and how it was trained and"
                        + " tuned.");

        doc.h1("Intended use");
        if (pr.hasNonNull("intended_use")) {
            doc.p(pr.path("intended_use").asText().trim());
        } else {
            doc.toComplete("the intended use and indications for use.");
        }

        doc.h1("Data");
        doc.h2("Development data");
        doc.toComplete(
                "the training and tuning data: sources, sites, scanners, period, size, reference"
                        + " standard, and how they were kept apart from the test data.");
        doc.h2("Test data");
        doc.p(
                traces.number("/cases", 0, "count", "", "")
                        + " cases in the locked test set (SHA-256 of its manifest "
                        + run.common("dataset_sha256").orElse("not recorded")
                        + "), by site in {Table:sites} and by scanner manufacturer in"
                        + " {Table:manufacturers}.");
        Sections.composition(doc, traces, m, "site", "sites", "Test cases by site");
        Sections.composition(
                doc,
                traces,
                m,
                "manufacturer",
                "manufacturers",
                "Test cases by scanner manufacturer");

        doc.h1("Performance");
        doc.p(
                "At the operating point, with "
                        + level
                        + " intervals ({Table:accuracy}); by subgroup from {Table:sub-site}"
                        + " onwards.");
        Sections.accuracy(doc, traces, m);
        Sections.subgroups(doc, traces, m);

        doc.h1("Limitations");
        List<String> limits = new ArrayList<>();
        for (JsonNode e : m.path("endpoints")) {
            if (!e.path("verdict").asText().equals("PASS")) {
                limits.add(
                        "Endpoint "
                                + e.path("id").asText()
                                + " ("
                                + e.path("name").asText()
                                + ") did not meet its criterion: "
                                + e.at("/criterion/text").asText()
                                + ".");
            }
        }
        for (String attr : Sections.SUBGROUPS) {
            JsonNode rows = m.at("/subgroups/" + attr);
            for (int k = 0; rows.isArray() && k < rows.size(); k++) {
                if (rows.get(k).path("small").asBoolean(false)) {
                    limits.add(
                            "The subgroup "
                                    + attr.replace('_', ' ')
                                    + " = "
                                    + rows.get(k).path("value").asText()
                                    + " has fewer cases of a class than the protocol's minimum ("
                                    + traces.number(
                                            "/subgroups/" + attr + "/" + k + "/n",
                                            0,
                                            "count",
                                            "",
                                            "")
                                    + " cases): its estimates are imprecise.");
                }
            }
        }
        if (limits.isEmpty()) {
            doc.p(
                    "The study's records show no failed endpoint and no subgroup below the"
                            + " protocol's minimum size.");
        }
        limits.forEach(doc::p);
        doc.toComplete(
                "the populations, scanners and settings the model was not tested on, and known"
                        + " failure modes.");

        doc.h1("Monitoring after release");
        doc.toComplete(
                "the post-market performance monitoring plan: the strata and windows watched, the"
                        + " drift tests and the CUSUM design against this study's estimates (clinval"
                        + " pms run with a monitoring plan), and who acts on an alarm.");

        doc.h1("Appendix: computation records");
        doc.p("{Table:records} lists the records behind each [Rn], {Table:hashes} their SHA-256.");
        return doc;
    }
}
