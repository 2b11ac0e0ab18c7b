package org.clinval.workflows.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.clinval.common.Quote;
import org.clinval.common.grading.GradeReference;
import org.clinval.common.grading.GradeScale;
import org.clinval.common.grading.ReferenceRule;
import org.clinval.common.yaml.Show;
import org.clinval.common.yaml.YamlMap;
import org.clinval.common.yaml.YamlValue;

/**
 * Walks the protocol's {@code grading} block: required by task grading and refused by every other;
 * distinct grades; a reference rule with the columns it needs; endpoints with unique ids and a
 * {@code min_grade} (name or 0-based index) above the lowest grade. Every problem names its key.
 */
final class GradingParser {

    private GradingParser() {}

    static Optional<GradingSettings> grading(YamlMap m, Optional<Task> task) {
        if (!m.has("grading")) {
            if (task.isPresent() && task.get() == Task.GRADING) {
                m.problem(
                        "grading",
                        "is required by task: grading (grades, reference and endpoints)");
            }
            return Optional.empty();
        }
        if (task.isPresent() && task.get() != Task.GRADING) {
            m.problem(
                    "grading",
                    "is only for task: grading; this protocol's task is " + task.get().key());
            return Optional.empty();
        }
        Optional<YamlMap> block = m.map("grading");
        if (block.isEmpty()) {
            return Optional.empty();
        }
        YamlMap b = block.get();
        Optional<GradeScale> scale = scale(b);
        Optional<GradeReference> reference = b.map("reference").flatMap(GradingParser::reference);
        Optional<List<GradingEndpoint>> endpoints = endpoints(b, scale);
        b.rejectUnknownKeys();
        if (scale.isEmpty()
                || reference.isEmpty()
                || endpoints.isEmpty()
                || b.doc().hasProblemWithin(b.path())) {
            return Optional.empty();
        }
        return Optional.of(new GradingSettings(scale.get(), reference.get(), endpoints.get()));
    }

    private static Optional<GradeScale> scale(YamlMap b) {
        List<YamlMap.Indexed<String>> items = b.strings("grades", true);
        List<String> grades = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean ok = b.has("grades") && !b.doc().hasProblemWithin(b.path("grades"));
        for (YamlMap.Indexed<String> g : items) {
            if (g.value().isBlank()) {
                b.doc().problem(g.path(), "is blank: a grade needs a name");
                ok = false;
            } else if (!seen.add(g.value())) {
                b.doc().problem(g.path(), Quote.value(g.value()) + " is listed twice");
                ok = false;
            }
            grades.add(g.value());
        }
        if (ok && grades.size() < 2) {
            b.problem("grades", "has " + grades.size() + " grade(s); a scale needs at least 2");
            ok = false;
        }
        return ok ? Optional.of(new GradeScale(grades)) : Optional.empty();
    }

    private static Optional<GradeReference> reference(YamlMap r) {
        Optional<ReferenceRule> rule =
                r.string("rule")
                        .flatMap(
                                v ->
                                        ProtocolParser.choice(
                                                r,
                                                "rule",
                                                v,
                                                ReferenceRule.keys(),
                                                ReferenceRule::parse));
        List<YamlMap.Indexed<String>> items = r.strings("graders", false);
        List<String> graders = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (YamlMap.Indexed<String> g : items) {
            if (g.value().isBlank()) {
                r.doc().problem(g.path(), "is blank: a grader is a column of the ground truth");
            } else if (!seen.add(g.value())) {
                r.doc().problem(g.path(), Quote.value(g.value()) + " is listed twice");
            }
            graders.add(g.value().strip());
        }
        Optional<String> column = r.optionalString("column").map(String::strip);
        if (rule.isPresent()) {
            switch (rule.get()) {
                case MAJORITY -> {
                    if (graders.size() < 2 && !r.doc().hasProblemWithin(r.path("graders"))) {
                        r.problem(
                                "graders",
                                (r.has("graders") ? "has " + graders.size() : "is missing")
                                        + ": a majority needs at least 2 graders' columns");
                    }
                }
                case ADJUDICATED, GRADER -> {
                    if (column.isEmpty() && !r.doc().hasProblem(r.path("column"))) {
                        r.problem(
                                "column",
                                "is required by rule: "
                                        + rule.get().key()
                                        + " (the ground truth's column of the "
                                        + (rule.get() == ReferenceRule.GRADER
                                                ? "grader"
                                                : "adjudicated grade")
                                        + ")");
                    }
                }
            }
        }
        if (column.isPresent() && column.get().isBlank()) {
            r.problem("column", "is blank");
        }
        r.rejectUnknownKeys();
        if (rule.isEmpty() || r.doc().hasProblemWithin(r.path())) {
            return Optional.empty();
        }
        return Optional.of(new GradeReference(rule.get(), graders, column));
    }

    private static Optional<List<GradingEndpoint>> endpoints(
            YamlMap b, Optional<GradeScale> scale) {
        Optional<List<YamlValue>> list = b.list("endpoints", true);
        if (list.isEmpty()) {
            return Optional.empty();
        }
        if (list.get().isEmpty()) {
            b.problem("endpoints", "is empty: grading needs at least one binary endpoint");
            return Optional.empty();
        }
        List<GradingEndpoint> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        boolean ok = true;
        for (YamlValue v : list.get()) {
            Optional<YamlMap> e = v.asMap();
            if (e.isEmpty()) {
                ok = false;
                continue;
            }
            YamlMap x = e.get();
            Optional<String> id = x.string("id");
            Optional<String> name = x.string("name");
            OptionalInt min = OptionalInt.empty();
            if (x.has("min_grade") && scale.isPresent()) {
                min = minGrade(x, scale.get());
            } else if (!x.has("min_grade")) {
                x.problem("min_grade", "is required: the smallest grade of the endpoint");
            }
            x.rejectUnknownKeys();
            if (id.isPresent() && !ids.add(id.get())) {
                x.problem("id", Quote.value(id.get()) + " is used by another grading endpoint");
                ok = false;
            }
            if (id.isEmpty() || name.isEmpty() || min.isEmpty()) {
                ok = false;
                continue;
            }
            out.add(new GradingEndpoint(id.get(), name.get(), min.getAsInt()));
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    private static OptionalInt minGrade(YamlMap x, GradeScale scale) {
        JsonNode raw = x.raw("min_grade");
        OptionalInt g = OptionalInt.empty();
        if (raw.isIntegralNumber() && raw.canConvertToInt()) {
            int v = raw.asInt();
            if (v >= 0 && v < scale.size()) g = OptionalInt.of(v);
        } else if (raw.isTextual()) {
            g = scale.parse(raw.textValue());
        }
        if (g.isEmpty()) {
            x.problem("min_grade", Show.value(raw) + " is not a grade, " + scale.describe());
            return g;
        }
        if (g.getAsInt() == 0) {
            x.problem(
                    "min_grade",
                    Show.value(raw)
                            + " is the lowest grade: every case would be positive (choose "
                            + scale.name(1)
                            + " or above)");
            return OptionalInt.empty();
        }
        return g;
    }
}
