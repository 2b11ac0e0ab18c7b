package org.clinval.workflows.pccp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clinval.common.Sha256;
import org.clinval.common.yaml.YamlDocument;
import org.clinval.common.yaml.YamlMap;
import org.clinval.common.yaml.YamlProblem;
import org.clinval.common.yaml.YamlSchema;
import org.clinval.common.yaml.YamlValue;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.paired.PairedMeasure;

/** Reads a PCCP re-validation plan against its published JSON Schema, naming every problem. */
public final class PccpPlanReader {

    /** The class-path name of the plan's JSON Schema, also published in docs/schemas. */
    public static final String SCHEMA = "/org/clinval/workflows/pccp/pccp-plan.schema.json";

    private static final YamlSchema PLAN = YamlSchema.load(PccpPlanReader.class, SCHEMA);

    private PccpPlanReader() {}

    /** A plan that could not be read, with every problem (file, line, column, key). */
    public static final class InvalidPccpPlanException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient List<YamlProblem> problems;

        InvalidPccpPlanException(Path file, List<YamlProblem> problems) {
            super(message(file, problems));
            this.problems = List.copyOf(problems);
        }

        /** Returns every problem found. */
        public List<YamlProblem> problems() {
            return problems;
        }

        private static String message(Path file, List<YamlProblem> problems) {
            StringBuilder b = new StringBuilder(file + ": the PCCP plan has problems:");
            for (YamlProblem p : problems) b.append("\n  ").append(p);
            return b.toString();
        }
    }

    /** Reads {@code file}. */
    public static PccpPlan read(Path file) throws IOException, InvalidPccpPlanException {
        String source = String.valueOf(file.getFileName());
        YamlDocument doc;
        try {
            doc = YamlDocument.read(file, source);
        } catch (NoSuchFileException e) {
            throw new InvalidPccpPlanException(
                    file, List.of(new YamlProblem(String.valueOf(file), 0, 0, "", "no such file")));
        }
        return parse(file, doc, Sha256.of(file));
    }

    /** Reads plan {@code text}; {@code file} names it in messages. */
    public static PccpPlan parse(Path file, String text) throws InvalidPccpPlanException {
        return parse(
                file,
                YamlDocument.parse(text, String.valueOf(file.getFileName())),
                Sha256.of(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static PccpPlan parse(Path file, YamlDocument doc, String sha256)
            throws InvalidPccpPlanException {
        PLAN.check(doc);
        Optional<YamlMap> root = doc.rootMap();
        if (doc.hasProblems() || root.isEmpty()) {
            throw new InvalidPccpPlanException(file, doc.problems());
        }
        YamlMap m = root.get();
        List<PccpPlan.Endpoint> endpoints = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        List<YamlValue> list = m.list("endpoints", true).orElse(List.of());
        for (int i = 0; i < list.size(); i++) {
            YamlMap e = list.get(i).asMap().orElseThrow();
            String id = e.string("id").orElseThrow();
            String path = YamlDocument.child(YamlDocument.element("endpoints", i), "id");
            String before = seen.putIfAbsent(id, path);
            if (before != null) {
                doc.problem(
                        path, "the endpoint id " + id + " is used twice (also at " + before + ")");
            }
            endpoints.add(
                    new PccpPlan.Endpoint(
                            id,
                            PairedMeasure.parse(e.string("measure").orElseThrow()).orElseThrow(),
                            e.number("margin").orElseThrow(),
                            doc.line(path)));
        }
        if (doc.hasProblems()) throw new InvalidPccpPlanException(file, doc.problems());
        List<String> subgroups =
                m.has("subgroups")
                        ? m.strings("subgroups", true).stream().map(YamlMap.Indexed::value).toList()
                        : List.of();
        return new PccpPlan(
                m.string("pccp").orElseThrow(),
                m.optionalString("title").orElse(""),
                endpoints,
                subgroups,
                ConfidenceLevel.of(m.optionalNumber("level").orElse(0.95)),
                sha256,
                String.valueOf(file));
    }
}
