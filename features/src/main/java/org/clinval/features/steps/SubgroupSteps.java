package org.clinval.features.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.en.Then;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Predicate;
import org.clinval.features.evidence.Measurement;
import org.clinval.features.evidence.Measures;
import org.clinval.features.evidence.Selection;
import org.clinval.features.evidence.StudyRun;
import org.clinval.features.steps.ParameterTypes.CaseClass;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.binary.ConfusionMatrix;
import org.clinval.workflows.protocol.CiMethod;
import org.clinval.workflows.protocol.Measure;

/**
 * Performance in every subgroup of a case attribute that is large enough to inform (by its
 * positives, negatives or cases, or for a segmentation study its scans), and the listing of those
 * that are not. A criterion over "every subgroup with at least N positives" that finds no such
 * subgroup fails: it would otherwise pass having verified nothing.
 */
public final class SubgroupSteps {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StudyWorld world;

    public SubgroupSteps(StudyWorld world) {
        this.world = world;
    }

    @Then(
            "in every {attribute} subgroup with at least {int} {classes} the {measure} is at least {double}")
    public void everySubgroupAtLeast(
            String attribute, int size, CaseClass counted, Measure measure, double min) {
        every(
                attribute,
                size,
                counted,
                Measures.name(measure) + " >= " + Measurement.num(min),
                s ->
                        world.measures()
                                .proportion(measure, s, world.tableMethod(), world.tableLevel()),
                m -> PerformanceSteps.estimateAtLeast(m, min));
    }

    @Then(
            "in every {attribute} subgroup with at least {int} {classes} the lower bound of the"
                    + " {level} {interval} interval of the {measure} is at least {double}")
    public void everySubgroupLowerBoundAtLeast(
            String attribute,
            int size,
            CaseClass counted,
            ConfidenceLevel level,
            CiMethod method,
            Measure measure,
            double min) {
        every(
                attribute,
                size,
                counted,
                "lower bound of the "
                        + Measurement.percent(level.value())
                        + " "
                        + Measures.methodName(method)
                        + " interval of the "
                        + Measures.name(measure)
                        + " >= "
                        + Measurement.num(min),
                s -> world.measures().proportion(measure, s, method, level),
                m -> m.ci().isPresent() && m.ci().get().lower() >= min);
    }

    /**
     * The mean (median) Dice, IoU or surface Dice of a segmentation study in every subgroup of
     * {@code attribute} with at least {@code size} scans, each computed by the workflows'
     * segmentation analysis on the subgroup's cases with the percentile bootstrap over them.
     */
    @Then(
            "in every {attribute} subgroup with at least {int} scans the {overlap} is at least {double}")
    public void everySubgroupOverlapAtLeast(
            String attribute, int size, Measure measure, double min) {
        every(
                attribute,
                size,
                "scans",
                Selection::size,
                Measures.name(measure) + " >= " + Measurement.num(min),
                s ->
                        world.measures()
                                .task(
                                        measure,
                                        s,
                                        OptionalDouble.empty(),
                                        CiMethod.BOOTSTRAP_PERCENTILE,
                                        world.tableLevel()),
                m -> PerformanceSteps.estimateAtLeast(m, min));
    }

    /**
     * Every subgroup of {@code attribute} with fewer than {@code size} cases of the class is
     * flagged as not informative ({@code "small": true}) in the subgroup table of the run's {@code
     * metrics.json}, which the reports list as limitations.
     */
    @Then(
            "every {attribute} subgroup with fewer than {int} {classes} is reported as not informative")
    public void smallSubgroupsAreFlagged(String attribute, int size, CaseClass counted)
            throws IOException {
        StudyRun run = world.run();
        Path metrics = run.dir().resolve("metrics.json");
        if (!Files.exists(metrics)) {
            throw new AssertionError(metrics + ": the run has no metrics, so nothing is reported");
        }
        JsonNode table = JSON.readTree(metrics.toFile()).path("subgroups").path(attribute);
        if (!table.isArray()) {
            throw new AssertionError(
                    metrics
                            + " has no "
                            + StudyRun.label(attribute)
                            + " subgroup table: the protocol's subgroups do not include "
                            + attribute);
        }
        ArrayNode listed = JSON.createArrayNode();
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Selection> e : run.subgroups(attribute).entrySet()) {
            long n = count(world.measures().matrix(e.getValue()), counted);
            if (n >= size) continue;
            JsonNode row = null;
            for (JsonNode r : table) {
                if (r.path("value").asText().equals(e.getKey())) row = r;
            }
            boolean flagged = row != null && row.path("small").asBoolean(false);
            ObjectNode o = listed.addObject();
            o.put("value", e.getKey());
            o.put(counted.name().toLowerCase(java.util.Locale.ROOT), n);
            o.put("reported_not_informative", flagged);
            if (!flagged) {
                wrong.add(
                        e.getValue().description()
                                + " ("
                                + n
                                + " "
                                + word(counted)
                                + ") is "
                                + (row == null ? "missing from" : "not flagged in")
                                + " the subgroup table");
            }
        }
        ObjectNode record = world.object();
        record.put("run", run.id());
        record.put("attribute", attribute);
        record.put(
                "requirement", "fewer than " + size + " " + word(counted) + " => not informative");
        record.set("subgroups", listed);
        record.put("met", wrong.isEmpty());
        world.record("small " + StudyRun.label(attribute) + " subgroups", record);
        world.log(
                listed.isEmpty()
                        ? "every "
                                + StudyRun.label(attribute)
                                + " subgroup has at least "
                                + size
                                + " "
                                + word(counted)
                        : listed.size()
                                + " "
                                + StudyRun.label(attribute)
                                + " subgroups with fewer than "
                                + size
                                + " "
                                + word(counted));
        if (!wrong.isEmpty()) {
            throw new AssertionError(String.join("; ", wrong));
        }
    }

    private void every(
            String attribute,
            int size,
            CaseClass counted,
            String requirement,
            java.util.function.Function<Selection, Measurement> measure,
            Predicate<Measurement> met) {
        every(
                attribute,
                size,
                word(counted),
                s -> count(world.measures().matrix(s), counted),
                requirement,
                measure,
                met);
    }

    private void every(
            String attribute,
            int size,
            String counted,
            java.util.function.ToLongFunction<Selection> count,
            String requirement,
            java.util.function.Function<Selection, Measurement> measure,
            Predicate<Measurement> met) {
        StudyRun run = world.run();
        List<String> failed = new ArrayList<>();
        List<String> small = new ArrayList<>();
        int checked = 0;
        ArrayNode rows = JSON.createArrayNode();
        for (Map.Entry<String, Selection> e : run.subgroups(attribute).entrySet()) {
            long n = count.applyAsLong(e.getValue());
            if (n < size) {
                small.add(e.getKey() + " (" + n + ")");
                continue;
            }
            checked++;
            Measurement m = measure.apply(e.getValue());
            boolean ok = met.test(m);
            rows.add(m.json(run.id(), requirement, ok));
            world.log((ok ? "met: " : "NOT met: ") + m.describe());
            if (!ok) failed.add(m.describe());
        }
        String scope =
                StudyRun.label(attribute) + " subgroups with at least " + size + " " + counted;
        ObjectNode record = world.object();
        record.put("run", run.id());
        record.put(
                "requirement", requirement + " in every " + scope.replace("subgroups", "subgroup"));
        record.set("subgroups", rows);
        ArrayNode skipped = record.putArray("not_checked");
        small.forEach(skipped::add);
        record.put("met", checked > 0 && failed.isEmpty());
        world.record(requirement + " by " + StudyRun.label(attribute), record);
        if (checked == 0) {
            throw new AssertionError(
                    "no "
                            + scope.replace("subgroups", "subgroup")
                            + ": the criterion verifies nothing (subgroups: "
                            + String.join(", ", small)
                            + ")");
        }
        if (!failed.isEmpty()) {
            throw new AssertionError(
                    "required: "
                            + requirement
                            + " in every "
                            + scope.replace("subgroups", "subgroup")
                            + "; not met in "
                            + failed.size()
                            + " of "
                            + checked
                            + ": "
                            + String.join("; ", failed));
        }
    }

    private static long count(ConfusionMatrix m, CaseClass counted) {
        return switch (counted) {
            case POSITIVES -> m.positives();
            case NEGATIVES -> m.negatives();
            case CASES -> m.total();
        };
    }

    private static String word(CaseClass c) {
        return c.name().toLowerCase(java.util.Locale.ROOT);
    }
}
