package org.clinval.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parts every document kind shows the same way, from the same records: the composition of the test
 * set, the accuracy measures, the subgroup tables and the appendix of computation records.
 */
final class Sections {

    /** The subgroup attributes a study reports, in the order the documents show them. */
    static final String[] SUBGROUPS = {"site", "manufacturer", "sex", "age_band"};

    private Sections() {}

    /** The accuracy measures at the operating point, as table {@code accuracy}. */
    static void accuracy(Doc doc, Traces traces, JsonNode m) {
        String level = m.at("/statistics/level").asText("");
        String ciMethod = m.at("/statistics/ci_method").asText("");
        String seed = m.at("/statistics/bootstrap_seed").asText("");
        List<List<String>> acc = new ArrayList<>();
        for (String measure : List.of("sensitivity", "specificity", "ppv", "npv", "accuracy")) {
            String base = "/accuracy/" + measure;
            if (m.at(base).isMissingNode()) continue;
            acc.add(
                    List.of(
                            measure.length() == 3 ? measure.toUpperCase(Locale.ROOT) : measure,
                            traces.number(base + "/successes", 0, "count", "", "")
                                    + " / "
                                    + traces.number(base + "/trials", 0, "count", "", ""),
                            traces.number(base + "/estimate", 3, "proportion", "", ""),
                            traces.interval(base + "/ci", 3, ciMethod, level, "")));
        }
        if (m.has("auc")) {
            acc.add(
                    List.of(
                            "AUC (DeLong)",
                            traces.number("/auc/positives", 0, "count", "", "")
                                    + " pos. / "
                                    + traces.number("/auc/negatives", 0, "count", "", "")
                                    + " neg.",
                            traces.number("/auc/estimate", 3, m.at("/auc/method").asText(), "", ""),
                            traces.interval(
                                    "/auc/ci", 3, m.at("/auc/method").asText(), level, "")));
        }
        if (m.has("auc_bootstrap")) {
            String how =
                    "bootstrap BCa, "
                            + m.at("/auc_bootstrap/replicates").asText()
                            + " replicates "
                            + m.at("/auc_bootstrap/resampling").asText();
            acc.add(
                    List.of(
                            "AUC (bootstrap BCa)",
                            "",
                            traces.number("/auc_bootstrap/estimate", 3, how, "", seed),
                            traces.interval("/auc_bootstrap/bca", 3, how, level, seed)));
        }
        doc.table(
                "accuracy",
                "Accuracy measures at the operating point with " + level + " intervals",
                List.of("Measure", "Cases", "Estimate", "Interval"),
                acc);
    }

    /** Each endpoint against its criterion, as table {@code results}. */
    static void endpointResults(Doc doc, Traces traces, JsonNode m) {
        String level = m.at("/statistics/level").asText("");
        List<List<String>> res = new ArrayList<>();
        int i = 0;
        for (JsonNode e : m.path("endpoints")) {
            String base = "/endpoints/" + i++;
            String method = e.path("method").asText("");
            res.add(
                    List.of(
                            e.path("id").asText() + " " + e.path("name").asText(),
                            traces.number(base + "/estimate", 3, method, level, ""),
                            traces.interval(base + "/ci", 3, method, level, ""),
                            e.path("verdict").asText()));
        }
        doc.table(
                "results",
                "Endpoints: estimates, " + level + " intervals and verdicts",
                List.of("Endpoint", "Estimate", "Interval", "Verdict"),
                res);
    }

    /** One table per subgroup attribute, {@code sub-<attribute>}. */
    static void subgroups(Doc doc, Traces traces, JsonNode m) {
        String level = m.at("/statistics/level").asText("");
        String ciMethod = m.at("/statistics/ci_method").asText("");
        for (String attr : SUBGROUPS) {
            JsonNode rows = m.at("/subgroups/" + attr);
            if (!rows.isArray()) continue;
            List<List<String>> out = new ArrayList<>();
            for (int k = 0; k < rows.size(); k++) {
                String b = "/subgroups/" + attr + "/" + k;
                JsonNode s = rows.get(k);
                out.add(
                        List.of(
                                s.path("value").asText(),
                                traces.number(b + "/n", 0, "count", "", ""),
                                traces.number(b + "/sensitivity/estimate", 3, "proportion", "", "")
                                        + " "
                                        + traces.interval(
                                                b + "/sensitivity/ci", 3, ciMethod, level, ""),
                                traces.number(b + "/specificity/estimate", 3, "proportion", "", "")
                                        + " "
                                        + traces.interval(
                                                b + "/specificity/ci", 3, ciMethod, level, ""),
                                s.hasNonNull("auc")
                                        ? traces.number(b + "/auc", 3, "DeLong", "", "")
                                                + " "
                                                + traces.interval(
                                                        b + "/auc_ci", 3, "DeLong", level, "")
                                        : "undefined (one class only)",
                                s.path("small").asBoolean(false) ? "small subgroup" : ""));
            }
            doc.table(
                    "sub-" + attr,
                    "Performance by " + attr.replace('_', ' '),
                    List.of("Subgroup", "n", "Sensitivity", "Specificity", "AUC", "Note"),
                    out);
        }
    }

    /** Adds the appendix tables once every reference is cited. */
    static void appendix(Doc doc, RunEvidence run, Traces traces) {
        List<List<String>> rows = new ArrayList<>();
        for (Traces.Trace t : traces.all()) {
            rows.add(List.of(t.id(), t.file(), t.key(), t.method(), t.level(), t.seed()));
        }
        doc.table(
                "records",
                "Computation records of study " + run.studyId(),
                List.of("Ref", "File", "Key", "Method", "Level", "Seed"),
                rows);
        doc.table(
                "hashes",
                "Records and their SHA-256",
                List.of("Record", "SHA-256"),
                List.of(
                        List.of("metrics.json", run.metricsSha256()),
                        List.of("case-results.csv", run.caseResultsSha256()),
                        List.of("protocol.yaml", run.protocolSha256()),
                        List.of("model (as run)", run.common("model_sha256").orElse("")),
                        List.of("data set manifest", run.common("dataset_sha256").orElse(""))));
    }

    static void composition(
            Doc doc, Traces traces, JsonNode m, String attr, String id, String caption) {
        JsonNode rows = m.at("/subgroups/" + attr);
        List<List<String>> out = new ArrayList<>();
        for (int k = 0; rows.isArray() && k < rows.size(); k++) {
            String b = "/subgroups/" + attr + "/" + k;
            out.add(
                    List.of(
                            rows.get(k).path("value").asText(),
                            traces.number(b + "/n", 0, "count", "", ""),
                            traces.number(b + "/positives", 0, "count", "", ""),
                            traces.number(b + "/negatives", 0, "count", "", "")));
        }
        doc.table(
                id, caption, List.of(attr.replace('_', ' '), "Cases", "Positive", "Negative"), out);
    }
}
