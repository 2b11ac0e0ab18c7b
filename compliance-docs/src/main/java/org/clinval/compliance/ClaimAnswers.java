package org.clinval.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a study run's records say to each CLAIM 2024 item, in one of three statuses. An item is
 * answered only where the records answer all of it — then with the section of the clinval document
 * that shows it and the run's values with their computation references. It is partly answered where
 * the records give part of what it asks (the test partition but not the development ones, the
 * failures but not their clinical review): the row shows what the records give, with their
 * references, and apart from it what the manufacturer must still write. Everything else (the
 * manuscript's own parts, the development of the model, the truthing, the data's origin) is the
 * manufacturer's to complete, with what the records do hold toward it named, never presented as the
 * answer. The items the statistics record answers are read in {@link ClaimResults}.
 */
final class ClaimAnswers {

    /** How much of an item the records answer, as the checklist's status column says it. */
    enum Status {
        ANSWERED("answered"),
        PARTLY("partly answered"),
        TO_COMPLETE("manufacturer to complete");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** An item's status and where it is answered, or what remains to write, or both. */
    record Answer(Status status, String text) {

        static Answer done(String text) {
            return new Answer(Status.ANSWERED, text);
        }

        /**
         * The records' part ({@code records}, with its references) and the manufacturer's ({@code
         * toComplete}), each a sentence, kept apart under their own labels in one row.
         */
        static Answer partly(String records, String toComplete) {
            return new Answer(Status.PARTLY, "Records: " + records + " To complete: " + toComplete);
        }

        static Answer todo(String text) {
            return new Answer(Status.TO_COMPLETE, text);
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
    private final ClaimResults results;

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
        this.results = new ClaimResults(run, traces, fda, card);
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
                                    + (results.has("site")
                                            ? " (sites "
                                                    + values("site")
                                                    + ", "
                                                    + results.testData()
                                                    + ")"
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
                                    + (results.has("manufacturer")
                                            ? "; the test set's scanner manufacturers are in "
                                                    + results.testData()
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
                                    + results.cases()
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
            case 28 -> results.metrics();
            case 29 -> results.uncertainty();
            case 30 ->
                    todo(
                            "The model's robustness to what varies in use (scanners, protocols,"
                                    + " image quality)"
                                    + (results.has("site") || results.has("manufacturer")
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
            case 35 -> flow();
            case 36 -> results.demographics();
            case 37 -> results.performance();
            case 38 -> results.estimates();
            case 39 -> results.failures();
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

    static final String DESIGN = "Study design, endpoints and acceptance criteria";
    private static final String TRUTH = "Reference standard (truthing)";
    static final String SUBGROUPS = "Subgroup analyses";

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
                                        + results.testData()
                                        + ")"
                                : "")
                        + ".");
    }

    private Answer sampleSize() {
        return todo(
                "The intended test-set size and how it was set; the test set has "
                        + results.cases()
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

    private Answer flow() {
        if (!m.path("cases").isNumber()) {
            return todo(
                    "Cases included and excluded at each step, with a flow diagram; the records"
                            + " hold no count of the cases analysed.");
        }
        return partly(
                "the "
                        + results.cases()
                        + " cases analysed, the locked test set ("
                        + results.testData()
                        + ").",
                "the cases included and excluded at each step before the test set was locked,"
                        + " with a flow diagram ending in these cases.");
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

    private String values(String attr) {
        List<String> out = new ArrayList<>();
        m.at("/subgroups/" + attr).forEach(r -> out.add(r.path("value").asText()));
        return String.join(", ", out);
    }

    private static Answer done(String text) {
        return Answer.done(text);
    }

    private static Answer partly(String records, String toComplete) {
        return Answer.partly(records, toComplete);
    }

    private static Answer todo(String text) {
        return Answer.todo(text);
    }

    private static String fileName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
