package org.clinval.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a study run's records say to each CLAIM 2024 item. An item is answered only where the
 * records answer it — then with the section of the clinval document that shows it and the run's
 * values with their computation references; everything else (the manuscript's own parts, the
 * development of the model, the truthing, the data's origin) is the manufacturer's to complete,
 * with what the records do hold toward it named, never presented as the answer.
 */
final class ClaimAnswers {

    /** An item's status and where it is answered, or what remains to write. */
    record Answer(boolean answered, String text) {
        static final String ANSWERED = "answered";
        static final String TO_COMPLETE = "manufacturer to complete";

        String status() {
            return answered ? ANSWERED : TO_COMPLETE;
        }
    }

    /** A document of the same run, to name its numbered sections as the writer numbers them. */
    record Where(String name, Doc doc) {
        /** "{@code name} §n heading", e.g. "510(k) performance section §2 Test data". */
        String at(String heading) {
            int h1 = 0;
            int h2 = 0;
            for (Doc.Block b : doc.blocks()) {
                if (!(b instanceof Doc.Heading h)) continue;
                String num = h.level() == 1 ? String.valueOf(++h1) : h1 + "." + (++h2);
                if (h.level() == 1) h2 = 0;
                if (h.text().equals(heading)) return name + " §" + num + " " + heading;
            }
            throw new IllegalStateException(name + " has no section " + heading);
        }
    }

    private final RunEvidence run;
    private final JsonNode m;
    private final JsonNode pr;
    private final Traces traces;
    private final Where fda;
    private final Where card;

    ClaimAnswers(RunEvidence run, Traces traces) {
        this.run = run;
        this.m = run.metrics();
        this.pr = run.protocol();
        this.traces = traces;
        // Built only for their section numbers: their citations stay out of this document's.
        this.fda =
                new Where(
                        "510(k) performance section",
                        PerformanceSection510k.build(run, new Traces(run), Optional.empty()));
        this.card = new Where("Model card", ModelCard.build(run, new Traces(run)));
    }

    /** The answer to item {@code n}. */
    Answer of(int n) {
        return switch (n) {
            case 1 ->
                    todo(
                            "In the title or abstract: the AI technique of "
                                    + device()
                                    + " (e.g. deep learning).");
            case 2 -> todo("A structured abstract; its results from " + fda.at("Results") + ".");
            case 3 -> todo("The background and the AI's role" + intendedUse() + ".");
            case 4 -> objectives();
            case 5 ->
                    todo(
                            "Whether the images were collected before or after the study was"
                                    + " planned; the records say only that the protocol was"
                                    + " approved before the test set was locked ("
                                    + fda.at(DESIGN)
                                    + ").");
            case 6 -> goal();
            case 7 ->
                    todo(
                            "The institutions or public data sets behind the test data"
                                    + (has("site")
                                            ? " (sites " + values("site") + ", " + testData() + ")"
                                            : "")
                                    + " and the development data.");
            case 8 ->
                    todo(
                            "Inclusion and exclusion criteria; how, where and when cases were"
                                    + " found"
                                    + intendedUse()
                                    + ".");
            case 9 -> todo("Pre-processing before the model (resampling, windowing, scaling).");
            case 10 -> todo("Whether and how subsets of the data (series, slices) were chosen.");
            case 11 -> deidentification();
            case 12 -> todo("How missing or unusable data were handled, before and in the study.");
            case 13 ->
                    todo(
                            "The acquisition parameters of the test and development images"
                                    + (has("manufacturer")
                                            ? "; the test set's scanner manufacturers are in "
                                                    + testData()
                                            : "")
                                    + ".");
            case 14 ->
                    todo(
                            "A replicable definition of the reference standard; the records name"
                                    + " only the ground-truth file of the protocol ("
                                    + fileName(pr.at("/dataset/ground_truth").asText("none"))
                                    + ", "
                                    + fda.at(TRUTH)
                                    + ").");
            case 15 -> todo("Why this reference standard was chosen over the alternatives.");
            case 16 -> todo("Who set the reference standard, their qualifications, preparation.");
            case 17 -> todo("How the test set was annotated: instructions, software, version.");
            case 18 -> todo("Inter- and intra-rater variability; how disagreements were resolved.");
            case 19 ->
                    todo(
                            "How data were assigned to training, tuning and test partitions; the"
                                    + " run holds the test partition only, "
                                    + cases()
                                    + " cases.");
            case 20 ->
                    todo(
                            "The level at which partitions are disjoint (patient, study, site),"
                                    + " as "
                                    + fda.at("Independence from the training data")
                                    + " asks.");
            case 21 -> sampleSize();
            case 22 ->
                    todo(
                            "Architecture, inputs and outputs; the model's identity (name,"
                                    + " version, SHA-256 as run) is in "
                                    + card.at("Model")
                                    + ".");
            case 23 -> todo("Software libraries, frameworks and packages, with versions.");
            case 24 -> todo("How the model's parameters were initialised (transfer learning).");
            case 25 -> todo("Training: augmentation, hyperparameters, number of models.");
            case 26 -> todo("How the final model was selected, by which metric on which data.");
            case 27 -> todo("Whether models were ensembled and how their outputs combine.");
            case 28 -> metrics();
            case 29 -> uncertainty();
            case 30 ->
                    todo(
                            "The model's robustness to what varies in use (scanners, protocols,"
                                    + " image quality)"
                                    + (has("site") || has("manufacturer")
                                            ? "; performance by site and scanner in "
                                                    + fda.at(SUBGROUPS)
                                                    + " is evidence toward it"
                                            : "")
                                    + ".");
            case 31 -> todo("Explainability methods, if used, and their validation.");
            case 32 ->
                    todo(
                            "Whether the test data share the training data's sources, and the"
                                    + " training versus test performance; the records cannot"
                                    + " tell.");
            case 33 ->
                    todo(
                            "Whether the test data are external to the development data (other"
                                    + " sites, scanners, period); the records cannot tell.");
            case 34 ->
                    todo(
                            "Registry and registration number, if registered; "
                                    + run.studyId()
                                    + " is the protocol's id, not a registration.");
            case 35 ->
                    todo(
                            "Cases included and excluded at each step, with a flow diagram; the"
                                    + " records give the "
                                    + cases()
                                    + " cases analysed ("
                                    + testData()
                                    + "), not the exclusions before the study.");
            case 36 -> demographics();
            case 37 -> performance();
            case 38 -> estimates();
            case 39 -> failures();
            case 40 ->
                    todo(
                            "The limitations; "
                                    + card.at("Limitations")
                                    + " lists those the records show.");
            case 41 ->
                    todo("Implications for practice and the clinical role" + intendedUse() + ".");
            case 42 -> protocol();
            case 43 -> todo("Whether and how the software, trained model and data can be had.");
            case 44 -> todo("Sources of funding and other support; the funders' role.");
            default -> throw new IllegalArgumentException("no CLAIM 2024 item " + n);
        };
    }

    private static final String DESIGN = "Study design, endpoints and acceptance criteria";
    private static final String TRUTH = "Reference standard (truthing)";
    private static final String SUBGROUPS = "Subgroup analyses";

    private Answer objectives() {
        if (m.path("endpoints").isEmpty()) {
            return todo("The aims and hypotheses; the records hold no pre-specified endpoint.");
        }
        List<String> eps = new ArrayList<>();
        for (JsonNode e : m.path("endpoints")) {
            eps.add(
                    e.path("id").asText()
                            + " "
                            + e.path("name").asText()
                            + " ("
                            + e.path("role").asText()
                            + ")");
        }
        return done(
                "Objective as registered: "
                        + m.path("title").asText(run.studyId())
                        + ". Hypotheses as endpoints with acceptance criteria fixed beforehand: "
                        + String.join("; ", eps)
                        + " — "
                        + fda.at(DESIGN)
                        + ".");
    }

    private Answer goal() {
        if (m.path("endpoints").isEmpty()) return todo("The study's goal.");
        List<String> primary = new ArrayList<>();
        for (JsonNode e : m.path("endpoints")) {
            if (e.path("role").asText().equals("primary")) primary.add(e.path("id").asText());
        }
        return done(
                "Standalone testing of the locked model against acceptance criteria fixed"
                        + " beforehand (primary endpoints "
                        + String.join(", ", primary)
                        + "; verdict "
                        + m.path("verdict").asText()
                        + ") — "
                        + fda.at(DESIGN)
                        + ", "
                        + fda.at("Conclusion")
                        + ".");
    }

    private Answer deidentification() {
        boolean byStudy = pr.at("/dataset/deidentify").asBoolean(false);
        return todo(
                "The de-identification of the source data"
                        + (byStudy
                                ? "; the study also de-identified the headers it read (protocol"
                                        + " dataset.deidentify) and shows pseudonymous case ids ("
                                        + testData()
                                        + ")"
                                : "")
                        + ".");
    }

    private Answer sampleSize() {
        return todo(
                "The intended test-set size and how it was set; the test set has "
                        + cases()
                        + " cases"
                        + (m.at("/subgroups/min_n_per_class").isNumber()
                                ? ", and subgroups with fewer than "
                                        + traces.number(
                                                "/subgroups/min_n_per_class",
                                                0,
                                                "protocol setting",
                                                "",
                                                "")
                                        + " cases of a class are flagged"
                                : "")
                        + ".");
    }

    private Answer metrics() {
        List<String> measures = new ArrayList<>();
        for (String k : List.of("sensitivity", "specificity", "ppv", "npv", "accuracy")) {
            if (m.at("/accuracy/" + k).isObject())
                measures.add(k.length() == 3 ? k.toUpperCase(Locale.ROOT) : k);
        }
        if (m.has("auc")) measures.add("AUC");
        if (measures.isEmpty()) return todo("The performance metrics; the records hold none.");
        String list = String.join(", ", measures);
        return done(
                Character.toUpperCase(list.charAt(0))
                        + list.substring(1)
                        + " at the operating point (score "
                        + m.at("/operating_point/rule").asText()
                        + " "
                        + traces.number("/operating_point/threshold", 2, "protocol setting", "", "")
                        + ", positive class "
                        + m.at("/operating_point/positive_class").asText()
                        + ") — "
                        + fda.at("Results")
                        + "; "
                        + card.at("Performance")
                        + ".");
    }

    private Answer uncertainty() {
        JsonNode s = m.path("statistics");
        if (!s.path("level").isNumber() || !s.hasNonNull("ci_method")) {
            return todo("Measures of uncertainty; the records hold no interval settings.");
        }
        String text =
                "Confidence level "
                        + level()
                        + "; intervals: "
                        + s.path("ci_method").asText().replace('_', '-')
                        + " for proportions"
                        + (m.has("auc") ? ", " + m.at("/auc/method").asText() + " for the AUC" : "")
                        + (m.has("auc_bootstrap")
                                ? "; bootstrap BCa, "
                                        + traces.number(
                                                "/statistics/bootstrap_replicates",
                                                0,
                                                "protocol setting",
                                                "",
                                                "")
                                        + " replicates, seed "
                                        + traces.number(
                                                "/statistics/bootstrap_seed",
                                                0,
                                                "protocol setting",
                                                "",
                                                "")
                                : "")
                        + "; criteria on the intervals' bounds — "
                        + fda.at(DESIGN)
                        + ".";
        return done(text);
    }

    private Answer demographics() {
        if (!has("sex") && !has("age_band")) {
            return todo(
                    "Demographic and clinical characteristics per partition; the records hold no"
                            + " breakdown by sex or age.");
        }
        List<String> parts = new ArrayList<>();
        for (String attr : List.of("sex", "age_band")) {
            if (has(attr)) parts.add(attr.replace('_', ' ') + ": " + counts(attr));
        }
        return done(
                "Test set by "
                        + String.join("; by ", parts)
                        + " — "
                        + testData()
                        + ". The run holds the test partition only; the development partitions"
                        + " are the manufacturer's to describe ("
                        + card.at("Development data")
                        + ").");
    }

    private Answer performance() {
        List<String> attrs = new ArrayList<>();
        for (String attr : Sections.SUBGROUPS) {
            if (has(attr))
                attrs.add(
                        attr.equals("manufacturer")
                                ? "scanner manufacturer"
                                : attr.replace('_', ' '));
        }
        if (attrs.isEmpty()) {
            return todo(
                    "Performance by demographic subgroup; the records hold the overall"
                            + " performance only ("
                            + fda.at("Results")
                            + "), no subgroup analysis.");
        }
        List<String> small = new ArrayList<>();
        for (String attr : Sections.SUBGROUPS) {
            JsonNode rows = m.at("/subgroups/" + attr);
            for (int k = 0; rows.isArray() && k < rows.size(); k++) {
                if (!rows.get(k).path("small").asBoolean(false)) continue;
                small.add(
                        attr.replace('_', ' ')
                                + " "
                                + rows.get(k).path("value").asText()
                                + " (n "
                                + traces.number(
                                        "/subgroups/" + attr + "/" + k + "/n", 0, "count", "", "")
                                + ")");
            }
        }
        return done(
                "Test set (the one partition the run holds) against the reference standard,"
                        + " overall ("
                        + fda.at("Results")
                        + ") and by "
                        + String.join(", ", attrs)
                        + " with intervals ("
                        + fda.at(SUBGROUPS)
                        + ")"
                        + (small.isEmpty()
                                ? ""
                                : "; below the protocol's minimum: " + String.join(", ", small))
                        + ".");
    }

    private Answer estimates() {
        List<String> parts = new ArrayList<>();
        for (String k : List.of("sensitivity", "specificity")) {
            String b = "/accuracy/" + k;
            if (!m.at(b).isObject()) continue;
            parts.add(
                    k
                            + " "
                            + traces.number(b + "/estimate", 3, "proportion", "", "")
                            + " "
                            + traces.interval(b + "/ci", 3, ciMethod(), levelText(), ""));
        }
        if (m.has("auc")) {
            String method = m.at("/auc/method").asText();
            parts.add(
                    "AUC "
                            + traces.number("/auc/estimate", 3, method, "", "")
                            + " "
                            + traces.interval("/auc/ci", 3, method, levelText(), ""));
        }
        if (parts.isEmpty()) return todo("Estimates and their precision; the records hold none.");
        return done(
                Character.toUpperCase(parts.get(0).charAt(0))
                        + String.join(", ", parts).substring(1)
                        + " (confidence level "
                        + level()
                        + ") — "
                        + fda.at("Results")
                        + ".");
    }

    private Answer failures() {
        if (!m.path("confusion_matrix").isObject()) {
            return todo("A failure analysis; the records hold no confusion matrix.");
        }
        return done(
                traces.number("/confusion_matrix/fn", 0, "count", "", "")
                        + " false negatives and "
                        + traces.number("/confusion_matrix/fp", 0, "count", "", "")
                        + " false positives at the operating point, with example cases — "
                        + fda.at("Failure-mode analysis")
                        + "; their clinical review is left to the manufacturer there.");
    }

    private Answer protocol() {
        if (run.protocolSha256().isEmpty()) {
            return todo("A reference to the full protocol; the run holds no registered protocol.");
        }
        return done(
                "Protocol "
                        + pr.path("id").asText(run.studyId())
                        + " as registered with the run: protocol.yaml, SHA-256 "
                        + run.protocolSha256()
                        + " ({Table:hashes}).");
    }

    // ---- what the records hold, as the documents show it ----

    private String device() {
        JsonNode d = pr.path("device");
        return d.path("name").asText(m.at("/provenance/device").asText("the device"));
    }

    private String intendedUse() {
        return pr.hasNonNull("intended_use")
                ? "; the intended use as registered is in " + fda.at("Device and intended use")
                : "";
    }

    private String testData() {
        return fda.at("Test data");
    }

    private String cases() {
        return traces.number("/cases", 0, "count", "", "");
    }

    private String level() {
        return traces.number("/statistics/level", 2, "protocol setting", "", "");
    }

    private String levelText() {
        return m.at("/statistics/level").asText("");
    }

    private String ciMethod() {
        return m.at("/statistics/ci_method").asText("");
    }

    private boolean has(String attr) {
        JsonNode rows = m.at("/subgroups/" + attr);
        return rows.isArray() && !rows.isEmpty();
    }

    private String values(String attr) {
        List<String> out = new ArrayList<>();
        m.at("/subgroups/" + attr).forEach(r -> out.add(r.path("value").asText()));
        return String.join(", ", out);
    }

    /** "F 203 [R7], M 197 [R8]": the cases of each value, as the composition tables cite them. */
    private String counts(String attr) {
        List<String> out = new ArrayList<>();
        JsonNode rows = m.at("/subgroups/" + attr);
        for (int k = 0; k < rows.size(); k++) {
            out.add(
                    rows.get(k).path("value").asText()
                            + " "
                            + traces.number(
                                    "/subgroups/" + attr + "/" + k + "/n", 0, "count", "", ""));
        }
        return String.join(", ", out);
    }

    private static Answer done(String text) {
        return new Answer(true, text);
    }

    private static Answer todo(String text) {
        return new Answer(false, text);
    }

    private static String fileName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
