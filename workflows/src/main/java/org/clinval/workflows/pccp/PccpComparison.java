package org.clinval.workflows.pccp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.clinval.validation.paired.PairedMeasure;
import org.clinval.validation.paired.Verdict;

/**
 * Compares a candidate study run with its baseline under a PCCP plan: both runs must record the
 * same locked dataset; cases are paired by id (cases of one run only are counted and listed, with
 * the quarantine reason when the other run quarantined them); every endpoint is compared overall
 * and in each value of each subgroup column. The record ({@value #FORMAT}) carries, beside every
 * number, the plan's hash, both runs' ids, model hashes, the dataset hash and the files read.
 */
public final class PccpComparison {

    /** The format of the comparison record. */
    public static final String FORMAT = "clinval-pccp-comparison/1";

    /** The record's file name. */
    public static final String FILE = "pccp-comparison.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private PccpComparison() {}

    /**
     * Compares {@code candidate} with {@code baseline} under {@code plan}.
     *
     * @throws ComparisonException if a folder is not a finished classification run, the runs were
     *     made on different locked datasets, a paired case's label differs, or a subgroup column is
     *     missing
     */
    public static ObjectNode compare(Path baseline, Path candidate, PccpPlan plan)
            throws IOException, ComparisonException {
        StudyRunCases base = StudyRunCases.load(baseline, "baseline");
        StudyRunCases cand = StudyRunCases.load(candidate, "candidate");
        if (!base.datasetSha256().equals(cand.datasetSha256())) {
            throw new ComparisonException(
                    "the runs were not made on the same locked test set: dataset_sha256 is "
                            + base.datasetSha256()
                            + " in "
                            + base.dir().resolve(StudyRunCases.RESULTS)
                            + " but "
                            + cand.datasetSha256()
                            + " in "
                            + cand.dir().resolve(StudyRunCases.RESULTS));
        }
        for (String column : plan.subgroups()) {
            for (StudyRunCases run : List.of(base, cand)) {
                if (!run.columns().contains(column)) {
                    throw new ComparisonException(
                            plan.file()
                                    + ": subgroup "
                                    + column
                                    + " is not a column of "
                                    + run.dir().resolve(StudyRunCases.RESULTS));
                }
            }
        }
        List<StudyRunCases.Case[]> pairs = new ArrayList<>();
        for (StudyRunCases.Case b : base.cases().values()) {
            StudyRunCases.Case c = cand.cases().get(b.id());
            if (c == null) continue;
            if (b.positive() != c.positive()) {
                throw new ComparisonException(
                        "case "
                                + b.id()
                                + " has label "
                                + (b.positive() ? 1 : 0)
                                + " in "
                                + base.dir().resolve(StudyRunCases.RESULTS)
                                + " line "
                                + b.line()
                                + " but "
                                + (c.positive() ? 1 : 0)
                                + " in "
                                + cand.dir().resolve(StudyRunCases.RESULTS)
                                + " line "
                                + c.line()
                                + ": the same locked test set has one reference standard");
            }
            for (String column : plan.subgroups()) {
                String vb = b.row().get(column);
                String vc = c.row().get(column);
                if (!vb.equals(vc)) {
                    throw new ComparisonException(
                            "case "
                                    + b.id()
                                    + " has "
                                    + column
                                    + " "
                                    + vb
                                    + " in the baseline"
                                    + " but "
                                    + vc
                                    + " in the candidate");
                }
            }
            pairs.add(new StudyRunCases.Case[] {b, c});
        }
        if (pairs.isEmpty()) {
            throw new ComparisonException(
                    "the runs share no case id: nothing to pair between "
                            + baseline
                            + " and "
                            + candidate);
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("format", FORMAT);
        ObjectNode p = o.putObject("pccp");
        p.put("id", plan.id());
        p.put("title", plan.title());
        p.put("file", plan.file());
        p.put("sha256", plan.sha256());
        p.put("level", plan.level().value());
        o.put("dataset_sha256", base.datasetSha256());
        o.set("baseline", run(base));
        o.set("candidate", run(cand));
        o.set("pairing", pairing(base, cand, pairs.size()));
        ArrayNode endpoints = o.putArray("endpoints");
        boolean anyOutside = false, anyUndefined = false;
        for (PccpPlan.Endpoint e : plan.endpoints()) {
            ObjectNode ep = endpoints.addObject();
            ep.put("id", e.id());
            ep.put("measure", e.measure().wire());
            ep.put("margin", e.margin());
            ep.put("level", plan.level().value());
            ep.put("method", EndpointJson.method(e.measure()));
            ep.put(
                    "rule",
                    "within plan when the lower bound of the "
                            + EndpointJson.percent(plan.level().value())
                            + " interval of candidate - baseline is above -"
                            + e.margin());
            ObjectNode overall = EndpointJson.of(e, plan.level(), pairs);
            ep.set("overall", overall);
            String v = overall.path("verdict").asText();
            anyOutside |= v.equals(Verdict.OUTSIDE_PLAN.wire());
            anyUndefined |= v.equals(Verdict.UNDEFINED.wire());
            ArrayNode subgroups = ep.putArray("subgroups");
            for (String column : plan.subgroups()) {
                Map<String, List<StudyRunCases.Case[]>> byValue = new TreeMap<>();
                for (StudyRunCases.Case[] pair : pairs) {
                    byValue.computeIfAbsent(pair[0].row().get(column), k -> new ArrayList<>())
                            .add(pair);
                }
                byValue.forEach(
                        (value, cases) -> {
                            ObjectNode s = subgroups.addObject();
                            s.put("column", column);
                            s.put("value", value);
                            s.setAll(EndpointJson.of(e, plan.level(), cases));
                        });
            }
        }
        o.put(
                "verdict",
                (anyOutside
                                ? Verdict.OUTSIDE_PLAN
                                : anyUndefined ? Verdict.UNDEFINED : Verdict.WITHIN_PLAN)
                        .wire());
        o.put(
                "verdict_rule",
                "within plan when every endpoint is within plan over all paired cases; subgroup"
                        + " results are reported for review");
        return o;
    }

    /** Writes {@code record} as {@value #FILE} in {@code dir}, creating it; returns the file. */
    public static Path write(ObjectNode record, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        Files.writeString(
                file,
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(record) + "\n",
                StandardCharsets.UTF_8);
        return file;
    }

    private static ObjectNode run(StudyRunCases r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("run", r.name());
        o.put("path", r.dir().toString());
        o.put("study", r.study());
        o.put("process_instance", r.processInstance());
        o.put("model_sha256", r.modelSha256());
        o.put("dataset_sha256", r.datasetSha256());
        o.put("case_results_sha256", r.caseResultsSha256());
        o.put("metrics_sha256", r.metricsSha256());
        o.set("operating_point", r.operatingPoint());
        o.put("cases", r.cases().size());
        return o;
    }

    private static ObjectNode pairing(StudyRunCases base, StudyRunCases cand, int paired) {
        ObjectNode o = JSON.createObjectNode();
        o.put("paired", paired);
        o.set("baseline_only", only(base, cand));
        o.set("candidate_only", only(cand, base));
        return o;
    }

    /**
     * The cases of {@code run} that {@code other} lacks, with {@code other}'s quarantine reason.
     */
    private static ObjectNode only(StudyRunCases run, StudyRunCases other) {
        ObjectNode o = JSON.createObjectNode();
        ArrayNode list = JSON.createArrayNode();
        for (String id : run.cases().keySet()) {
            if (other.cases().containsKey(id)) continue;
            ObjectNode c = list.addObject();
            c.put("case_id", id);
            String reason = other.quarantined().get(id);
            c.put(
                    "reason",
                    reason != null
                            ? "quarantined in the " + other.name() + " run: " + reason
                            : "not in " + other.name() + "/" + StudyRunCases.RESULTS);
        }
        o.put("count", list.size());
        o.set("cases", list);
        return o;
    }

    /** Returns whether {@code measure} is a paired proportion. */
    static boolean proportion(PairedMeasure measure) {
        return measure != PairedMeasure.AUC;
    }
}
