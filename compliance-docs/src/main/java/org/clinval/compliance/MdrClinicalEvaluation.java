package org.clinval.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The clinical evaluation of medical device software for the EU MDR technical documentation, shaped
 * by MDCG 2020-1 (guidance on clinical evaluation / performance evaluation of medical device
 * software): valid clinical association, technical performance and clinical performance, each
 * citing the study run that evidences it, and the rows of the general safety and performance
 * requirements (GSPR, MDR Annex I) checklist that run supports. Valid clinical association rests on
 * literature and guidelines the study cannot supply: it is left to the manufacturer, marked so.
 */
public final class MdrClinicalEvaluation {

    /** The file name in the run's {@code docs/} folder. */
    public static final String FILE = "mdr-clinical-evaluation.docx";

    private MdrClinicalEvaluation() {}

    /** The evaluation's content, with its computation records cited in {@code traces}. */
    public static Doc build(RunEvidence run, Traces traces) {
        JsonNode m = run.metrics();
        JsonNode pr = run.protocol();
        String study = run.studyId();
        JsonNode device = pr.path("device");
        String name =
                device.path("name").asText(m.at("/provenance/device").asText(""))
                        + (device.hasNonNull("version")
                                ? " " + device.path("version").asText()
                                : "");
        Doc doc =
                new Doc(
                        "Clinical evaluation of the software (MDCG 2020-1)",
                        name
                                + " — technical documentation, EU MDR Annex II §6.1 and Annex XIV;"
                                + " evidence from validation study "
                                + study
                                + run.sealed().map(s -> " (run sealed " + s + ")").orElse("")
                                + ". Every number refers to its computation record (appendix).");

        doc.h1("Scope");
        doc.p(
                "Device: "
                        + name
                        + ". Model as run: SHA-256 "
                        + run.common("model_sha256").orElse("not recorded")
                        + ".");
        if (pr.hasNonNull("intended_use")) {
            doc.p("Intended purpose: " + pr.path("intended_use").asText().trim());
        }
        doc.toComplete(
                "the device's classification (MDR Annex VIII, rule 11), its qualification as"
                        + " software, and the clinical evaluation plan this report answers.");

        doc.h1("Valid clinical association");
        doc.p(
                "MDCG 2020-1 asks that the software's output (here: "
                        + m.path("task").asText("")
                        + " of "
                        + m.at("/operating_point/positive_class").asText("")
                        + " versus other cases) be associated with the targeted clinical condition"
                        + " on the basis of scientific evidence.");
        doc.toComplete(
                "the literature, guidelines and other sources that establish the clinical"
                        + " association, and their appraisal.");

        doc.h1("Technical performance");
        doc.p(
                "Study "
                        + study
                        + " ran the locked model on a locked test set of "
                        + traces.number("/cases", 0, "count", "", "")
                        + " cases (data set manifest SHA-256 "
                        + run.common("dataset_sha256").orElse("not recorded")
                        + "), by site in {Table:sites} and by scanner manufacturer in"
                        + " {Table:manufacturers}. The statistics are computed with an explicit"
                        + " operating point, confidence level, interval method and bootstrap seed, so"
                        + " running the study again on the same inputs gives the same numbers; the"
                        + " accuracy measures are in {Table:accuracy}.");
        Sections.composition(doc, traces, m, "site", "sites", "Test cases by site");
        Sections.composition(
                doc,
                traces,
                m,
                "manufacturer",
                "manufacturers",
                "Test cases by scanner manufacturer");
        Sections.accuracy(doc, traces, m);

        doc.h1("Clinical performance");
        doc.p(
                "The pre-specified endpoints against their acceptance criteria are in"
                        + " {Table:results}; by subgroup from {Table:sub-site} onwards.");
        Sections.endpointResults(doc, traces, m);
        Sections.subgroups(doc, traces, m);
        doc.toComplete(
                "whether the test population represents the intended population, and the"
                        + " clinical benefit claimed (e.g. reader studies, outcome data).");

        doc.h1("General safety and performance requirements supported");
        boolean passed = m.path("verdict").asText().equals("PASS");
        List<String> controls = new ArrayList<>();
        List<String> requirements = new ArrayList<>();
        for (JsonNode e : m.path("endpoints")) {
            e.path("risk_controls").forEach(x -> add(controls, x.asText()));
            e.path("requirements").forEach(x -> add(requirements, x.asText()));
        }
        doc.p("The rows of the MDR Annex I checklist this study supports are in {Table:gspr}.");
        doc.table(
                "gspr",
                "GSPR checklist rows supported by study " + study,
                List.of("GSPR", "Requirement (short)", "Evidence in study " + study, "Status"),
                List.of(
                        List.of(
                                "1",
                                "Achieves the performance intended by the manufacturer",
                                "Endpoints against pre-specified criteria ({Table:results}); verdict "
                                        + m.path("verdict").asText(),
                                passed ? "supported" : "not supported: see the deviation record"),
                        List.of(
                                "8",
                                "Known and foreseeable risks minimised and acceptable against the"
                                        + " benefits",
                                "Risk controls verified by the endpoints: "
                                        + String.join(", ", controls),
                                passed ? "partly: with the risk management file" : "not supported"),
                        List.of(
                                "17.1",
                                "Software ensures repeatability, reliability and performance for"
                                        + " its intended use",
                                "Locked model (SHA-256 recorded) and test set; explicit statistics"
                                        + " settings and seed; results by site, scanner and"
                                        + " demographics ({Table:sub-site} onwards)",
                                "supported for the tested population"),
                        List.of(
                                "17.2",
                                "Developed and manufactured to the state of the art (life cycle,"
                                        + " risk management, verification and validation)",
                                "Validation run with signed protocol approval, signed audit trail"
                                        + " and sealed records; requirements verified: "
                                        + String.join(", ", requirements),
                                "partly: validation evidence only"),
                        List.of(
                                "23.4",
                                "Instructions for use state the performance",
                                "The figures of {Table:accuracy} for the instructions for use",
                                "for the manufacturer")));

        doc.h1("Conclusion");
        doc.p(
                passed
                        ? "Study "
                                + study
                                + " met every pre-specified acceptance criterion: it supports the"
                                + " technical and clinical performance claimed, for the population and"
                                + " scanners tested. Valid clinical association remains to be"
                                + " established from the literature (section 2)."
                        : "Study "
                                + study
                                + " did not meet every pre-specified criterion: it does not support"
                                + " the performance claimed until the deviation is resolved.");
        doc.h1("Appendix: computation records");
        doc.p("{Table:records} lists the record behind each [Rn], {Table:hashes} their SHA-256.");
        return doc;
    }

    private static void add(List<String> list, String x) {
        if (!list.contains(x)) list.add(x);
    }
}
