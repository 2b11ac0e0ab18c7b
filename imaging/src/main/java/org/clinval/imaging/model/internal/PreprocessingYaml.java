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
import org.clinval.imaging.preprocess.Preprocessing;
import org.clinval.imaging.preprocess.Rescale;
import org.clinval.imaging.preprocess.Resize;
import org.clinval.imaging.preprocess.Standardize;
import org.clinval.imaging.preprocess.Transform;

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

    private static final List<String> STEPS = List.of("window", "resize", "rescale", "standardize");
    private static final List<String[]> PARAMETERS =
            List.of(
                    new String[] {"lower", "upper"},
                    new String[] {"height", "width"},
                    new String[] {"lower", "upper"},
                    new String[] {"mean", "std"});

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
                            ? "names no step (window, resize, rescale or standardize)"
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
        String[] names = PARAMETERS.get(STEPS.indexOf(name));
        boolean whole = name.equals("resize");
        double[] v = new double[2];
        boolean ok = true;
        for (int k = 0; k < 2; k++) {
            OptionalDouble x =
                    whole
                            ? p.get()
                                    .integer(names[k])
                                    .map(l -> OptionalDouble.of(l))
                                    .orElse(OptionalDouble.empty())
                            : p.get().number(names[k]);
            ok &= x.isPresent();
            v[k] = x.orElse(0);
        }
        p.get().rejectUnknownKeys();
        if (!ok) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    switch (name) {
                        case "window" -> new HuWindow(v[0], v[1]);
                        case "resize" -> new Resize((int) v[0], (int) v[1]);
                        case "rescale" -> new Rescale(v[0], v[1]);
                        default -> new Standardize(v[0], v[1]);
                    });
        } catch (IllegalArgumentException e) {
            m.problem(name, e.getMessage());
            return Optional.empty();
        }
    }
}
