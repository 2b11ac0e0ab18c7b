package org.clinval.compliance;

import java.util.List;

/**
 * The 44 items of the Checklist for Artificial Intelligence in Medical Imaging, 2024 update (CLAIM
 * 2024; Tejani AS, Klontzas ME, Gatti AA, et al. Radiol Artif Intell 2024;6(4):e240300,
 * doi:10.1148/ryai.240300), with their numbers and the sections and topics the published checklist
 * groups them under. The texts are short paraphrases for a table row, not the checklist's wording:
 * the published checklist is the authority on what each item asks.
 */
final class ClaimItems {

    /** One item: its number (1–44), section, topic within the section ("" if none), text. */
    record Item(int number, String section, String topic, String text) {}

    static final String TITLE = "Title and abstract";
    static final String INTRODUCTION = "Introduction";
    static final String METHODS = "Methods";
    static final String RESULTS = "Results";
    static final String DISCUSSION = "Discussion";
    static final String OTHER = "Other information";

    /** The items in checklist order. */
    static final List<Item> ALL =
            List.of(
                    new Item(
                            1, TITLE, "", "Says the study uses AI and names the kind of technique"),
                    new Item(2, TITLE, "", "Structured summary of design, methods, results"),
                    new Item(3, INTRODUCTION, "", "Background, intended use and role of the AI"),
                    new Item(4, INTRODUCTION, "", "Aims, objectives and hypotheses"),
                    new Item(5, METHODS, "Study design", "Prospective or retrospective"),
                    new Item(6, METHODS, "Study design", "Goal of the study"),
                    new Item(7, METHODS, "Data", "Where the data came from"),
                    new Item(8, METHODS, "Data", "Criteria for including and excluding data"),
                    new Item(9, METHODS, "Data", "Pre-processing of the data"),
                    new Item(10, METHODS, "Data", "Selection of data subsets"),
                    new Item(11, METHODS, "Data", "How the data were de-identified"),
                    new Item(12, METHODS, "Data", "Handling of missing data"),
                    new Item(13, METHODS, "Data", "Image acquisition protocol"),
                    new Item(
                            14,
                            METHODS,
                            "Reference standard",
                            "How the reference standard was obtained"),
                    new Item(15, METHODS, "Reference standard", "Why this reference standard"),
                    new Item(
                            16,
                            METHODS,
                            "Reference standard",
                            "Who annotated, qualifications and preparation"),
                    new Item(17, METHODS, "Reference standard", "How the test set was annotated"),
                    new Item(
                            18,
                            METHODS,
                            "Reference standard",
                            "Inter- and intra-rater variability of annotations"),
                    new Item(
                            19, METHODS, "Data partitions", "How data were assigned to partitions"),
                    new Item(
                            20,
                            METHODS,
                            "Data partitions",
                            "Level at which partitions are disjoint"),
                    new Item(
                            21, METHODS, "Testing data", "Intended sample size and how it was set"),
                    new Item(22, METHODS, "Model", "Detailed description of the model"),
                    new Item(23, METHODS, "Model", "Software libraries, frameworks, packages"),
                    new Item(24, METHODS, "Model", "Initialization of model parameters"),
                    new Item(25, METHODS, "Training", "Training approach in detail"),
                    new Item(26, METHODS, "Training", "How the final model was selected"),
                    new Item(27, METHODS, "Training", "Ensembling, if used"),
                    new Item(28, METHODS, "Evaluation", "Metrics of model performance"),
                    new Item(29, METHODS, "Evaluation", "Statistical significance and uncertainty"),
                    new Item(30, METHODS, "Evaluation", "Robustness or sensitivity analysis"),
                    new Item(
                            31,
                            METHODS,
                            "Evaluation",
                            "Explainability or interpretability methods"),
                    new Item(32, METHODS, "Evaluation", "Evaluation on internal data"),
                    new Item(33, METHODS, "Evaluation", "Testing on external data"),
                    new Item(34, METHODS, "Evaluation", "Clinical trial registration"),
                    new Item(35, RESULTS, "Data", "Patients or examinations included and excluded"),
                    new Item(
                            36,
                            RESULTS,
                            "Data",
                            "Demographic and clinical characteristics per partition"),
                    new Item(
                            37,
                            RESULTS,
                            "Model performance",
                            "Performance and its uncertainty, per partition and subgroup"),
                    new Item(
                            38,
                            RESULTS,
                            "Model performance",
                            "Diagnostic performance estimates and their precision"),
                    new Item(
                            39,
                            RESULTS,
                            "Model performance",
                            "Failure analysis of incorrect results"),
                    new Item(40, DISCUSSION, "", "Limitations of the study"),
                    new Item(41, DISCUSSION, "", "Implications for practice, clinical role"),
                    new Item(42, OTHER, "", "Reference to the full protocol or technical details"),
                    new Item(43, OTHER, "", "Availability of software, trained model, data"),
                    new Item(44, OTHER, "", "Funding and other support; role of funders"));

    private ClaimItems() {}
}
