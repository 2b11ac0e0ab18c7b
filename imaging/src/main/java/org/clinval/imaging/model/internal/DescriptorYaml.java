package org.clinval.imaging.model.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.clinval.imaging.model.InputShape;
import org.clinval.imaging.model.InvalidDescriptorException;
import org.clinval.imaging.model.ModelDescriptor;
import org.clinval.imaging.model.ModelFormat;
import org.clinval.imaging.model.OutputKind;
import org.clinval.imaging.model.OutputSpec;
import org.clinval.imaging.model.Task;
import org.clinval.imaging.preprocess.Preprocessing;
import org.clinval.imaging.preprocess.Resize;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads and writes model descriptors, collecting every problem before failing. */
public final class DescriptorYaml {

    private static final Set<String> KEYS =
            Set.of(
                    "name",
                    "version",
                    "task",
                    "format",
                    "architecture",
                    "file",
                    "sha256",
                    "input",
                    "preprocessing",
                    "output",
                    "threshold");

    private DescriptorYaml() {}

    /** Parses {@code text}; {@code source} names it in messages. */
    public static ModelDescriptor parse(String text, String source)
            throws InvalidDescriptorException {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw new InvalidDescriptorException(
                    source, List.of("not valid YAML: " + e.getMessage().replace('\n', ' ')));
        }
        if (!(root instanceof Map<?, ?> m)) {
            throw new InvalidDescriptorException(source, List.of("not a YAML mapping"));
        }
        List<String> problems = new ArrayList<>();
        for (Object k : m.keySet()) {
            if (!KEYS.contains(String.valueOf(k))) {
                problems.add(
                        "unknown key '" + k + "' (known: " + String.join(", ", sorted()) + ")");
            }
        }
        String name = text(m, "name", problems);
        String version = m.containsKey("version") ? String.valueOf(m.get("version")) : "";
        Task task = choice(m, "task", Task.class, problems);
        ModelFormat format = choice(m, "format", ModelFormat.class, problems);
        Optional<String> architecture =
                m.get("architecture") == null
                        ? Optional.empty()
                        : Optional.of(String.valueOf(m.get("architecture")));
        if (format == ModelFormat.DJL && architecture.isEmpty()) {
            problems.add("format djl needs an architecture (known: " + Architectures.NAMES + ")");
        }
        if (architecture.isPresent() && !Architectures.NAMES.contains(architecture.get())) {
            problems.add(
                    "unknown architecture '"
                            + architecture.get()
                            + "' (known: "
                            + Architectures.NAMES
                            + ")");
        }
        String file = text(m, "file", problems);
        Optional<String> sha = Optional.empty();
        if (m.get("sha256") != null) {
            String s = String.valueOf(m.get("sha256")).toLowerCase(Locale.ROOT);
            if (!s.matches("[0-9a-f]{64}")) {
                problems.add("sha256 is not 64 hexadecimal digits: " + m.get("sha256"));
            } else {
                sha = Optional.of(s);
            }
        }
        InputShape input = input(m.get("input"), problems);
        Preprocessing pre;
        if (m.get("preprocessing") == null) {
            problems.add("preprocessing is missing (a list of steps; [] for none)");
            pre = new Preprocessing(List.of());
        } else {
            pre = Preprocessing.parse(m.get("preprocessing"), problems);
        }
        if (input != null) {
            Optional<Resize> r = pre.resize();
            if (r.isPresent()
                    && (r.get().rows() != input.height() || r.get().columns() != input.width())) {
                problems.add(
                        "preprocessing resizes to "
                                + r.get().rows()
                                + " x "
                                + r.get().columns()
                                + " but the input is "
                                + input.height()
                                + " x "
                                + input.width());
            }
        }
        OutputSpec output = output(m.get("output"), problems);
        double threshold = Double.NaN;
        if (!(m.get("threshold") instanceof Number t)) {
            problems.add("threshold is not a number: " + m.get("threshold"));
        } else if (!(t.doubleValue() >= 0 && t.doubleValue() <= 1)) {
            problems.add("threshold is not a probability in [0, 1]: " + t);
        } else {
            threshold = t.doubleValue();
        }
        if (!problems.isEmpty()) throw new InvalidDescriptorException(source, problems);
        return new ModelDescriptor(
                name,
                version,
                task,
                format,
                architecture,
                file,
                sha,
                input,
                pre,
                output,
                threshold);
    }

    private static List<String> sorted() {
        return KEYS.stream().sorted().toList();
    }

    private static String text(Map<?, ?> m, String key, List<String> problems) {
        Object v = m.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            problems.add(key + " is missing");
            return "";
        }
        return String.valueOf(v);
    }

    private static <E extends Enum<E>> E choice(
            Map<?, ?> m, String key, Class<E> type, List<String> problems) {
        Object v = m.get(key);
        List<String> known =
                java.util.Arrays.stream(type.getEnumConstants())
                        .map(e -> e.name().toLowerCase(Locale.ROOT))
                        .toList();
        if (v == null) {
            problems.add(key + " is missing (one of " + known + ")");
            return null;
        }
        try {
            return Enum.valueOf(type, String.valueOf(v).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(key + " '" + v + "' is not one of " + known);
            return null;
        }
    }

    private static InputShape input(Object v, List<String> problems) {
        if (!(v instanceof Map<?, ?> m)) {
            problems.add("input is not a mapping {channels, height, width}: " + v);
            return null;
        }
        int before = problems.size();
        int c = integer(m, "input.channels", "channels", problems);
        int h = integer(m, "input.height", "height", problems);
        int w = integer(m, "input.width", "width", problems);
        if (problems.size() > before) return null;
        try {
            return new InputShape(c, h, w);
        } catch (IllegalArgumentException e) {
            problems.add("input: " + e.getMessage());
            return null;
        }
    }

    private static OutputSpec output(Object v, List<String> problems) {
        if (!(v instanceof Map<?, ?> m)) {
            problems.add("output is not a mapping {kind, classes, positive_index}: " + v);
            return null;
        }
        int before = problems.size();
        OutputKind kind = choice(m, "kind", OutputKind.class, problems);
        if (problems.size() > before) {
            problems.set(problems.size() - 1, "output." + problems.get(problems.size() - 1));
        }
        int classes = integer(m, "output.classes", "classes", problems);
        int positive = integer(m, "output.positive_index", "positive_index", problems);
        if (problems.size() > before) return null;
        try {
            return new OutputSpec(kind, classes, positive);
        } catch (IllegalArgumentException e) {
            problems.add("output: " + e.getMessage());
            return null;
        }
    }

    private static int integer(Map<?, ?> m, String label, String key, List<String> problems) {
        Object v = m.get(key);
        if (v instanceof Integer i) return i;
        problems.add(label + " is not an integer: " + v);
        return 0;
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
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(o).dump(m);
    }
}
