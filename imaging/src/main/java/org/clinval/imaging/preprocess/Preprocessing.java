package org.clinval.imaging.preprocess;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A model's preprocessing: its transforms in order. The same object is applied when the model is
 * trained and whenever it predicts, and it is written into and read from the model's descriptor as
 * a list of one-key maps:
 *
 * <pre>
 * preprocessing:
 *   - window: {lower: -1000, upper: 400}
 *   - resize: {height: 256, width: 256}
 *   - rescale: {lower: -1000, upper: 400}
 * </pre>
 *
 * @param steps the transforms, applied first to last
 */
public record Preprocessing(List<Transform> steps) {

    public Preprocessing {
        steps = List.copyOf(steps);
    }

    /** Returns a pipeline of the given steps. */
    public static Preprocessing of(Transform... steps) {
        return new Preprocessing(List.of(steps));
    }

    /** Applies every step in order. */
    public Raster apply(Raster in) {
        Raster r = in;
        for (Transform t : steps) {
            r = t.apply(r);
        }
        return r;
    }

    /** Returns the last resize step, which fixes the size the model sees, if any. */
    public Optional<Resize> resize() {
        Resize last = null;
        for (Transform t : steps) {
            if (t instanceof Resize r) last = r;
        }
        return Optional.ofNullable(last);
    }

    /** Returns the descriptor form: a list of one-key maps, step name to parameters. */
    public List<Map<String, Object>> describe() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Transform t : steps) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(t.name(), t.parameters());
            out.add(m);
        }
        return out;
    }

    /**
     * Reads the descriptor form, adding a message for every problem to {@code problems} (so that
     * the caller can report all of them at once) and returning the steps it could read.
     *
     * @param list the value of the {@code preprocessing} key
     * @param problems where problems are collected
     */
    public static Preprocessing parse(Object list, List<String> problems) {
        List<Transform> steps = new ArrayList<>();
        if (!(list instanceof List<?> items)) {
            problems.add("preprocessing is not a list of steps: " + list);
            return new Preprocessing(steps);
        }
        for (int i = 0; i < items.size(); i++) {
            String where = "preprocessing[" + i + "]";
            if (!(items.get(i) instanceof Map<?, ?> step) || step.size() != 1) {
                problems.add(where + " is not a one-key map {step: {parameters}}: " + items.get(i));
                continue;
            }
            var e = step.entrySet().iterator().next();
            String name = String.valueOf(e.getKey());
            Map<?, ?> p = e.getValue() instanceof Map<?, ?> m ? m : Map.of();
            try {
                int before = problems.size();
                Transform t =
                        switch (name) {
                            case "window" ->
                                    new HuWindow(
                                            number(p, "lower", where, problems),
                                            number(p, "upper", where, problems));
                            case "resize" ->
                                    new Resize(
                                            (int) number(p, "height", where, problems),
                                            (int) number(p, "width", where, problems));
                            case "rescale" ->
                                    new Rescale(
                                            number(p, "lower", where, problems),
                                            number(p, "upper", where, problems));
                            case "standardize" ->
                                    new Standardize(
                                            number(p, "mean", where, problems),
                                            number(p, "std", where, problems));
                            default -> {
                                problems.add(
                                        where
                                                + " has unknown step '"
                                                + name
                                                + "' (known: window, resize, rescale, standardize)");
                                yield null;
                            }
                        };
                if (t != null && problems.size() == before) steps.add(t);
            } catch (IllegalArgumentException ex) {
                problems.add(where + " (" + name + "): " + ex.getMessage());
            }
        }
        return new Preprocessing(steps);
    }

    private static double number(Map<?, ?> p, String key, String where, List<String> problems) {
        Object v = p.get(key);
        if (v instanceof Number n) return n.doubleValue();
        problems.add(where + "." + key + " is not a number: " + v);
        // A placeholder that the constructors accept; the problem above rejects the step.
        return key.equals("upper")
                        || key.equals("std")
                        || key.equals("height")
                        || key.equals("width")
                ? 2
                : 1;
    }
}
