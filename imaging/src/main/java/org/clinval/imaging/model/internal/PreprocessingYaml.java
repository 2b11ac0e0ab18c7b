package org.clinval.imaging.model.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.common.yaml.Show;
import org.clinval.common.yaml.YamlDocument;
import org.clinval.common.yaml.YamlMap;
import org.clinval.common.yaml.YamlValue;
import org.clinval.imaging.preprocess.HuWindow;
import org.clinval.imaging.preprocess.Percentile;
import org.clinval.imaging.preprocess.Preprocessing;
import org.clinval.imaging.preprocess.PresentationIntent;
import org.clinval.imaging.preprocess.Rescale;
import org.clinval.imaging.preprocess.Resize;
import org.clinval.imaging.preprocess.Scale;
import org.clinval.imaging.preprocess.Standardize;
import org.clinval.imaging.preprocess.Transform;
import org.clinval.imaging.preprocess.VoiLutStep;
import org.clinval.imaging.preprocess.ZScore;

/**
 * Reads a model's preprocessing from its descriptor form, a list of one-key maps (step name to
 * parameters), as {@link Preprocessing#describe()} writes it:
 *
 * <pre>
 * preprocessing:
 *   - window: {lower: -1000, upper: 400}
 *   - resize: {height: 256, width: 256}
 *   - rescale: {lower: -1000, upper: 400}
 * </pre>
 */
public final class PreprocessingYaml {

    /** The step names a descriptor may use, in the order the reference page lists them. */
    public static final List<String> STEPS =
            List.of(
                    "window",
                    "resize",
                    "rescale",
                    "standardize",
                    "scale",
                    "zscore",
                    "percentile",
                    "voi_lut",
                    "presentation_intent");

    private PreprocessingYaml() {}

    /**
     * Reads the descriptor form, adding a message {@code path: what} for every problem to {@code
     * problems} (so that the caller can report all of them at once) and returning the steps it
     * could read.
     *
     * @param list the value of the {@code preprocessing} key, as plain Java lists and maps
     * @param problems where problems are collected
     */
    public static Preprocessing parse(Object list, List<String> problems) {
        JsonNode tree = new ObjectMapper().valueToTree(list);
        YamlDocument doc = YamlDocument.of(tree, "preprocessing");
        Preprocessing p = read(new YamlValue(doc, "preprocessing", tree));
        doc.problems().forEach(x -> problems.add(x.path() + ": " + x.what()));
        return p;
    }

    /**
     * Reads the descriptor form from a YAML value, recording every problem in its document and
     * returning the steps it could read.
     */
    public static Preprocessing read(YamlValue list) {
        List<Transform> steps = new ArrayList<>();
        if (!list.node().isArray()) {
            list.problem(Show.notA(list.node(), Show.type("array")));
            return new Preprocessing(steps);
        }
        for (int i = 0; i < list.node().size(); i++) {
            new YamlValue(list.doc(), YamlDocument.element(list.path(), i), list.node().get(i))
                    .asMap()
                    .flatMap(PreprocessingYaml::step)
                    .ifPresent(steps::add);
        }
        return new Preprocessing(steps);
    }

    private static Optional<Transform> step(YamlMap m) {
        List<String> keys = m.keys();
        if (keys.size() != 1) {
            m.problem(
                    keys.isEmpty()
                            ? "names no step (" + String.join(", ", STEPS) + ")"
                            : "names more than one step; write one step per list element");
            return Optional.empty();
        }
        String name = keys.get(0);
        STEPS.forEach(m::has);
        m.rejectUnknownKeys();
        if (!STEPS.contains(name)) {
            return Optional.empty();
        }
        Optional<YamlMap> p = m.map(name);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        YamlMap q = p.get();
        Optional<Transform> t;
        try {
            t = parameters(name, q);
        } catch (IllegalArgumentException e) {
            q.rejectUnknownKeys();
            m.problem(name, e.getMessage());
            return Optional.empty();
        }
        q.rejectUnknownKeys();
        return m.doc().hasProblemWithin(q.path()) ? Optional.empty() : t;
    }

    /** Reads one step's parameters; empty when a required one is missing or malformed. */
    private static Optional<Transform> parameters(String name, YamlMap q) {
        return switch (name) {
            case "window" -> two(q, "lower", "upper").map(v -> new HuWindow(v[0], v[1]));
            case "rescale" -> two(q, "lower", "upper").map(v -> new Rescale(v[0], v[1]));
            case "percentile" -> two(q, "lower", "upper").map(v -> new Percentile(v[0], v[1]));
            case "resize" -> {
                Optional<Long> h = q.integer("height");
                Optional<Long> w = q.integer("width");
                yield h.isPresent() && w.isPresent()
                        ? Optional.of(new Resize(h.get().intValue(), w.get().intValue()))
                        : Optional.empty();
            }
            case "scale" -> {
                OptionalDouble f = q.number("factor");
                yield f.isPresent() ? Optional.of(new Scale(f.getAsDouble())) : Optional.empty();
            }
            case "zscore" -> Optional.of(new ZScore(q.optionalNumber("foreground_above")));
            case "voi_lut" -> Optional.of(new VoiLutStep());
            case "presentation_intent" -> presentationIntent(q);
            default -> standardize(q);
        };
    }

    private static Optional<double[]> two(YamlMap q, String a, String b) {
        OptionalDouble x = q.number(a);
        OptionalDouble y = q.number(b);
        return x.isPresent() && y.isPresent()
                ? Optional.of(new double[] {x.getAsDouble(), y.getAsDouble()})
                : Optional.empty();
    }

    private static Optional<Transform> presentationIntent(YamlMap q) {
        List<String> accept = q.strings("accept", true).stream().map(i -> i.value()).toList();
        String absent = q.optionalString("when_absent").orElse("refuse");
        if (!absent.equals("accept") && !absent.equals("refuse")) {
            q.problem("when_absent", "'" + absent + "' is not one of accept, refuse");
            return Optional.empty();
        }
        if (accept.isEmpty()) return Optional.empty();
        return Optional.of(new PresentationIntent(accept, absent.equals("accept")));
    }

    /** {@code mean} and {@code std}: numbers, or lists of numbers (one per channel). */
    private static Optional<Transform> standardize(YamlMap q) {
        Optional<double[]> mean = numbers(q, "mean");
        Optional<double[]> std = numbers(q, "std");
        if (mean.isEmpty() || std.isEmpty()) return Optional.empty();
        if (mean.get().length != std.get().length) {
            q.problem(
                    "has "
                            + mean.get().length
                            + " means but "
                            + std.get().length
                            + " stds; give one of each per channel");
            return Optional.empty();
        }
        return Optional.of(new Standardize(mean.get(), std.get()));
    }

    private static Optional<double[]> numbers(YamlMap q, String key) {
        Optional<YamlValue> v = q.value(key);
        if (v.isEmpty()) return Optional.empty();
        if (!v.get().node().isArray()) {
            OptionalDouble x = v.get().number();
            return x.isPresent() ? Optional.of(new double[] {x.getAsDouble()}) : Optional.empty();
        }
        List<YamlValue> items = q.list(key, true).orElse(List.of());
        if (items.isEmpty()) {
            v.get().problem("is an empty list; give one value per channel");
            return Optional.empty();
        }
        double[] out = new double[items.size()];
        for (int i = 0; i < out.length; i++) {
            OptionalDouble x = items.get(i).number();
            if (x.isEmpty()) return Optional.empty();
            out[i] = x.getAsDouble();
        }
        return Optional.of(out);
    }
}
