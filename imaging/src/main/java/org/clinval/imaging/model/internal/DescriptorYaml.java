package org.clinval.imaging.model.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.clinval.common.yaml.Show;
import org.clinval.common.yaml.YamlDocument;
import org.clinval.common.yaml.YamlMap;
import org.clinval.common.yaml.YamlSchema;
import org.clinval.common.yaml.YamlValue;
import org.clinval.imaging.model.InputShape;
import org.clinval.imaging.model.InvalidDescriptorException;
import org.clinval.imaging.model.ModelDescriptor;
import org.clinval.imaging.model.ModelFormat;
import org.clinval.imaging.model.OutputKind;
import org.clinval.imaging.model.OutputSpec;
import org.clinval.imaging.model.SlidingWindow;
import org.clinval.imaging.model.Task;
import org.clinval.imaging.preprocess.Preprocessing;
import org.clinval.imaging.preprocess.Resize;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads and writes model descriptors: the YAML is checked against the published schema ({@link
 * ModelDescriptor#SCHEMA}) and walked with the rules a schema cannot state, every problem collected
 * before failing.
 */
public final class DescriptorYaml {

    private static final YamlSchema SCHEMA =
            YamlSchema.load(DescriptorYaml.class, ModelDescriptor.SCHEMA);

    private DescriptorYaml() {}

    /** Parses {@code text}; {@code source} names it in messages. */
    public static ModelDescriptor parse(String text, String source)
            throws InvalidDescriptorException {
        YamlDocument doc = SCHEMA.check(YamlDocument.parse(text, source));
        Optional<ModelDescriptor> d = doc.rootMap().flatMap(DescriptorYaml::descriptor);
        if (d.isEmpty() || doc.hasProblems()) {
            throw new InvalidDescriptorException(source, doc.problems());
        }
        return d.get();
    }

    /** Returns every problem of {@code doc} checked as a descriptor, and the descriptor if none. */
    public static Optional<ModelDescriptor> check(YamlDocument doc) {
        Optional<ModelDescriptor> d =
                SCHEMA.check(doc).rootMap().flatMap(DescriptorYaml::descriptor);
        return doc.hasProblems() ? Optional.empty() : d;
    }

    private static Optional<ModelDescriptor> descriptor(YamlMap m) {
        Optional<String> name = m.string("name");
        String version = m.optional("version").flatMap(YamlValue::text).orElse("");
        Optional<Task> task = choice(m, "task", Task.class);
        Optional<ModelFormat> format = choice(m, "format", ModelFormat.class);
        Optional<String> architecture = m.optionalString("architecture");
        if (format.orElse(null) == ModelFormat.DJL && !m.has("architecture")) {
            m.problem(
                    "architecture",
                    "is required by format djl (known: "
                            + String.join(", ", Architectures.NAMES)
                            + ")");
        }
        if (architecture.isPresent() && !Architectures.NAMES.contains(architecture.get())) {
            m.problem("architecture", Show.notOneOf(m.raw("architecture"), Architectures.NAMES));
        }
        Optional<String> file = m.string("file");
        Optional<String> sha = m.optionalString("sha256");
        if (sha.isPresent() && !sha.get().matches("[0-9a-fA-F]{64}")) {
            m.problem(
                    "sha256",
                    Show.value(m.raw("sha256")) + " is not a SHA-256 (64 hexadecimal digits)");
        }
        Optional<InputShape> input = m.map("input").flatMap(DescriptorYaml::input);
        Preprocessing pre =
                m.value("preprocessing").map(PreprocessingYaml::read).orElse(Preprocessing.of());
        input.ifPresent(in -> resize(m, pre, in));
        if (input.map(InputShape::volumetric).orElse(false)
                && task.orElse(null) == Task.CLASSIFICATION) {
            m.problem("input", "has a depth, which only a segmentation model may take");
        }
        if (input.map(InputShape::volumetric).orElse(false)
                && format.orElse(null) == ModelFormat.DJL) {
            m.problem(
                    "input",
                    "has a depth, but the built-in architectures of format djl take 2D images");
        }
        Optional<SlidingWindow> inference =
                m.optionalMap("inference").flatMap(DescriptorYaml::inference);
        if (m.has("inference") && input.isPresent() && !input.get().volumetric()) {
            m.problem(
                    "inference",
                    "sets a sliding window, which applies only to a 3D input (input.depth)");
        }
        boolean grading = task.orElse(null) == Task.GRADING;
        Optional<OutputSpec> output = m.map("output").flatMap(o -> output(o, grading));
        List<String> grades = grades(m, grading);
        if (grading
                && output.isPresent()
                && !grades.isEmpty()
                && !m.doc().hasProblemWithin(m.path("grades"))) {
            try {
                ModelDescriptor.checkGrades(name.orElse("?"), Task.GRADING, output.get(), grades);
            } catch (IllegalArgumentException e) {
                m.problem("grades", e.getMessage());
            }
        }
        OptionalDouble threshold = grading ? m.optionalNumber("threshold") : m.number("threshold");
        double t = threshold.orElse(grading ? 0.5 : 0);
        if (threshold.isPresent()
                && output.map(o -> o.kind().givesProbabilities()).orElse(true)
                && (t < 0 || t > 1)) {
            m.problem(
                    "threshold",
                    Show.value(m.raw("threshold"))
                            + (t > 1 ? " is above the maximum 1" : " is below the minimum 0")
                            + " (the scores are probabilities)");
        }
        m.rejectUnknownKeys();
        if (m.doc().hasProblems()) {
            return Optional.empty();
        }
        return Optional.of(
                new ModelDescriptor(
                        name.orElseThrow(),
                        version,
                        task.orElseThrow(),
                        format.orElseThrow(),
                        architecture,
                        file.orElseThrow(),
                        sha.map(x -> x.toLowerCase(Locale.ROOT)),
                        input.orElseThrow(),
                        pre,
                        output.orElseThrow(),
                        t,
                        inference,
                        grades));
    }

    /** The grade names: required for grading, refused for the other tasks. */
    private static List<String> grades(YamlMap m, boolean grading) {
        if (!grading) {
            if (m.has("grades")) {
                m.problem("grades", "are given only with task grading");
            }
            return List.of();
        }
        List<String> out = new java.util.ArrayList<>();
        for (YamlMap.Indexed<String> g : m.strings("grades", true)) {
            if (g.value().isBlank()) {
                m.doc().problem(g.path(), "is an empty grade name");
            } else if (out.contains(g.value().trim())) {
                m.doc().problem(g.path(), "repeats grade '" + g.value().trim() + "'");
            } else {
                out.add(g.value().trim());
            }
        }
        if (m.has("grades") && out.size() < 2 && !m.doc().hasProblemWithin(m.path("grades"))) {
            m.problem(
                    "grades", "names " + out.size() + " grade(s); a grading scale has at least 2");
        }
        return out;
    }

    private static Optional<SlidingWindow> inference(YamlMap m) {
        OptionalDouble overlap = m.optionalNumber("overlap");
        Optional<SlidingWindow.Blending> blending =
                m.has("blending")
                        ? choice(m, "blending", SlidingWindow.Blending.class)
                        : Optional.of(SlidingWindow.DEFAULT.blending());
        m.rejectUnknownKeys();
        if (blending.isEmpty() || m.doc().hasProblemWithin(m.path())) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new SlidingWindow(
                            overlap.orElse(SlidingWindow.DEFAULT.overlap()), blending.get()));
        } catch (IllegalArgumentException e) {
            m.problem(e.getMessage());
            return Optional.empty();
        }
    }

    private static <E extends Enum<E>> Optional<E> choice(YamlMap m, String key, Class<E> type) {
        List<String> known =
                Arrays.stream(type.getEnumConstants())
                        .map(e -> e.name().toLowerCase(Locale.ROOT))
                        .toList();
        Optional<String> v = m.string(key);
        if (v.isPresent() && !known.contains(v.get())) {
            m.problem(key, Show.notOneOf(m.raw(key), known));
            return Optional.empty();
        }
        return v.map(x -> Enum.valueOf(type, x.toUpperCase(Locale.ROOT)));
    }

    private static Optional<InputShape> input(YamlMap m) {
        Optional<Long> c = m.integer("channels");
        Optional<Long> h = m.integer("height");
        Optional<Long> w = m.integer("width");
        Optional<Long> depth = m.optional("depth").flatMap(YamlValue::integer);
        m.rejectUnknownKeys();
        if (c.isEmpty() || h.isEmpty() || w.isEmpty()) {
            return Optional.empty();
        }
        if (m.doc().hasProblemWithin(m.path())) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new InputShape(
                            c.get().intValue(),
                            h.get().intValue(),
                            w.get().intValue(),
                            depth.map(x -> OptionalInt.of(x.intValue()))
                                    .orElse(OptionalInt.empty())));
        } catch (IllegalArgumentException e) {
            m.problem(e.getMessage());
            return Optional.empty();
        }
    }

    private static void resize(YamlMap m, Preprocessing pre, InputShape input) {
        Optional<Resize> r = pre.resize();
        if (r.isPresent() && input.volumetric()) {
            m.problem("preprocessing", ModelDescriptor.RESIZE_3D);
            return;
        }
        if (r.isPresent()
                && (r.get().rows() != input.height() || r.get().columns() != input.width())) {
            m.problem(
                    "preprocessing",
                    "resizes to "
                            + r.get().rows()
                            + " x "
                            + r.get().columns()
                            + " but the input is "
                            + input.height()
                            + " x "
                            + input.width());
        }
    }

    private static Optional<OutputSpec> output(YamlMap m, boolean grading) {
        Optional<OutputKind> kind = choice(m, "kind", OutputKind.class);
        Optional<Long> classes = m.integer("classes");
        // A grading model has no positive class; one class has only index 0.
        Optional<Long> positive =
                grading || (classes.orElse(0L) == 1 && !m.has("positive_index"))
                        ? Optional.of(
                                m.optional("positive_index").flatMap(YamlValue::integer).orElse(0L))
                        : m.integer("positive_index");
        m.rejectUnknownKeys();
        if (kind.isEmpty() || classes.isEmpty() || positive.isEmpty()) {
            return Optional.empty();
        }
        if (m.doc().hasProblemWithin(m.path())) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new OutputSpec(
                            kind.get(), classes.get().intValue(), positive.get().intValue()));
        } catch (IllegalArgumentException e) {
            m.problem(e.getMessage());
            return Optional.empty();
        }
    }

    /** Returns the YAML text of a descriptor. */
    public static String write(ModelDescriptor d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", d.name());
        m.put("version", d.version());
        m.put("task", d.task().name().toLowerCase(Locale.ROOT));
        m.put("format", d.format().name().toLowerCase(Locale.ROOT));
        d.architecture().ifPresent(a -> m.put("architecture", a));
        m.put("file", d.file());
        d.sha256().ifPresent(s -> m.put("sha256", s));
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("channels", d.input().channels());
        d.input().depth().ifPresent(z -> in.put("depth", z));
        in.put("height", d.input().height());
        in.put("width", d.input().width());
        m.put("input", in);
        m.put("preprocessing", d.preprocessing().describe());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", d.output().kind().name().toLowerCase(Locale.ROOT));
        out.put("classes", d.output().classes());
        out.put("positive_index", d.output().positiveIndex());
        m.put("output", out);
        m.put("threshold", d.threshold());
        if (!d.grades().isEmpty()) m.put("grades", d.grades());
        d.inference()
                .ifPresent(
                        sw -> {
                            Map<String, Object> inf = new LinkedHashMap<>();
                            inf.put("overlap", sw.overlap());
                            inf.put("blending", sw.blending().key());
                            m.put("inference", inf);
                        });
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(o).dump(m);
    }
}
