package org.clinval.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clinval.compliance.ClaimAnswers.Answer;
import org.clinval.compliance.ClaimAnswers.Where;

/**
 * The CLAIM 2024 items a run's statistics record can answer — the metrics, their uncertainty, the
 * estimates with their intervals — and those it answers in part: the demographics and the
 * performance by subgroup of the test partition, the one partition a run holds, and the failures
 * without their clinical review. Each is answered only when the record holds what it asks, partly
 * answered (the record's values, then what the manufacturer must add) when it holds part of it, and
 * otherwise left to the manufacturer; the values carry their computation references.
 */
final class ClaimResults {

    private final JsonNode m;
    private final Traces traces;
    private final Where fda;
    private final Where card;

    ClaimResults(RunEvidence run, Traces traces, Where fda, Where card) {
        this.m = run.metrics();
        this.traces = traces;
        this.fda = fda;
        this.card = card;
    }

    Answer metrics() {
        List<String> measures = new ArrayList<>();
        for (String k : List.of("sensitivity", "specificity", "ppv", "npv", "accuracy")) {
            if (m.at("/accuracy/" + k).isObject()) {
                measures.add(k.length() == 3 ? k.toUpperCase(Locale.ROOT) : k);
            }
        }
        if (m.has("auc")) measures.add("AUC");
        if (measures.isEmpty()) {
            return Answer.todo("The performance metrics; the records hold none.");
        }
        String list = String.join(", ", measures);
        return Answer.done(
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

    Answer uncertainty() {
        JsonNode s = m.path("statistics");
        if (!s.path("level").isNumber() || !s.hasNonNull("ci_method")) {
            return Answer.todo("Measures of uncertainty; the records hold no interval settings.");
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
                        + fda.at(ClaimAnswers.DESIGN)
                        + ".";
        return Answer.done(text);
    }

    Answer demographics() {
        if (!has("sex") && !has("age_band")) {
            return Answer.todo(
                    "Demographic and clinical characteristics per partition; the records hold no"
                            + " breakdown by sex or age.");
        }
        List<String> parts = new ArrayList<>();
        for (String attr : List.of("sex", "age_band")) {
            if (has(attr)) parts.add(attr.replace('_', ' ') + ": " + counts(attr));
        }
        return Answer.partly(
                "test set by " + String.join("; by ", parts) + " — " + testData() + ".",
                "the same for the training and tuning partitions, which the run does not hold ("
                        + card.at("Development data")
                        + "), and the clinical characteristics of every partition.");
    }

    Answer performance() {
        List<String> attrs = new ArrayList<>();
        for (String attr : Sections.SUBGROUPS) {
            if (has(attr))
                attrs.add(
                        attr.equals("manufacturer")
                                ? "scanner manufacturer"
                                : attr.replace('_', ' '));
        }
        if (attrs.isEmpty()) {
            return Answer.todo(
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
        return Answer.partly(
                "the test set against the reference standard, overall ("
                        + fda.at("Results")
                        + ") and by "
                        + String.join(", ", attrs)
                        + " with intervals ("
                        + fda.at(ClaimAnswers.SUBGROUPS)
                        + ")"
                        + (small.isEmpty()
                                ? ""
                                : "; below the protocol's minimum: " + String.join(", ", small))
                        + ".",
                "the performance with its uncertainty on the training and tuning partitions,"
                        + " which the run does not hold.");
    }

    Answer estimates() {
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
        if (parts.isEmpty())
            return Answer.todo("Estimates and their precision; the records hold none.");
        return Answer.done(
                Character.toUpperCase(parts.get(0).charAt(0))
                        + String.join(", ", parts).substring(1)
                        + " (confidence level "
                        + level()
                        + ") — "
                        + fda.at("Results")
                        + ".");
    }

    Answer failures() {
        if (!m.path("confusion_matrix").isObject()) {
            return Answer.todo("A failure analysis; the records hold no confusion matrix.");
        }
        return Answer.partly(
                traces.number("/confusion_matrix/fn", 0, "count", "", "")
                        + " false negatives and "
                        + traces.number("/confusion_matrix/fp", 0, "count", "", "")
                        + " false positives at the operating point, with example cases — "
                        + fda.at("Failure-mode analysis")
                        + ".",
                "the clinical review of the failures (image findings, likely causes) and whether"
                        + " they cluster in a subgroup, as that section leaves it.");
    }

    private String levelText() {
        return m.at("/statistics/level").asText("");
    }

    private String ciMethod() {
        return m.at("/statistics/ci_method").asText("");
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

    String testData() {
        return fda.at("Test data");
    }

    String cases() {
        return traces.number("/cases", 0, "count", "", "");
    }

    String level() {
        return traces.number("/statistics/level", 2, "protocol setting", "", "");
    }

    boolean has(String attr) {
        JsonNode rows = m.at("/subgroups/" + attr);
        return rows.isArray() && !rows.isEmpty();
    }
}
