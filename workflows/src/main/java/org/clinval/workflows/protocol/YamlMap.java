package org.clinval.workflows.protocol;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A YAML mapping at a known path. Every accessor records a problem (naming the full path) instead
 * of throwing, and returns empty, so that one pass finds every problem of a file.
 */
final class YamlMap {

    private final String path;
    private final Map<?, ?> map;
    private final List<ProtocolProblem> problems;
    private final Set<String> known = new LinkedHashSet<>();

    YamlMap(String path, Map<?, ?> map, List<ProtocolProblem> problems) {
        this.path = path;
        this.map = map;
        this.problems = problems;
    }

    /** Returns {@code value} as a mapping at {@code path}, or empty after recording a problem. */
    static Optional<YamlMap> of(String path, Object value, List<ProtocolProblem> problems) {
        if (value instanceof Map<?, ?> m) {
            return Optional.of(new YamlMap(path, m, problems));
        }
        problems.add(
                new ProtocolProblem(path, "is not a mapping of keys to values: " + show(value)));
        return Optional.empty();
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    void problem(String key, String message) {
        problems.add(new ProtocolProblem(path(key), message));
    }

    boolean has(String key) {
        known.add(key);
        return map.get(key) != null;
    }

    private Optional<Object> required(String key) {
        known.add(key);
        Object v = map.get(key);
        if (v == null) {
            problem(key, "is required");
            return Optional.empty();
        }
        return Optional.of(v);
    }

    /** Returns whether the value at {@code key} was written as text (not read as a number). */
    boolean isText(String key) {
        return map.get(key) instanceof String;
    }

    Optional<YamlMap> map(String key) {
        return required(key).flatMap(v -> of(path(key), v, problems));
    }

    Optional<String> string(String key) {
        return required(key).flatMap(v -> text(key, v));
    }

    Optional<String> optionalString(String key) {
        return has(key) ? string(key) : Optional.empty();
    }

    private Optional<String> text(String key, Object v) {
        if (v instanceof String s && !s.isBlank()) {
            return Optional.of(s.trim());
        }
        if (v instanceof Number || v instanceof Boolean) {
            return Optional.of(v.toString());
        }
        problem(key, "is not a non-empty text: " + show(v));
        return Optional.empty();
    }

    OptionalDouble number(String key) {
        Optional<Object> v = required(key);
        return v.isPresent() ? number(key, v.get()) : OptionalDouble.empty();
    }

    OptionalDouble optionalNumber(String key) {
        return has(key) ? number(key) : OptionalDouble.empty();
    }

    private OptionalDouble number(String key, Object v) {
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            return OptionalDouble.of(n.doubleValue());
        }
        problem(key, show(v) + " is not a finite number");
        return OptionalDouble.empty();
    }

    /** Returns a number in the closed interval [0, 1]. */
    OptionalDouble unit(String key, boolean required) {
        if (!required && !has(key)) {
            return OptionalDouble.empty();
        }
        OptionalDouble v = number(key);
        if (v.isPresent() && !(v.getAsDouble() >= 0 && v.getAsDouble() <= 1)) {
            problem(key, show(map.get(key)) + " is not in [0, 1]");
            return OptionalDouble.empty();
        }
        return v;
    }

    Optional<Long> integer(String key) {
        Optional<Object> v = required(key);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (v.get() instanceof Integer || v.get() instanceof Long) {
            return Optional.of(((Number) v.get()).longValue());
        }
        problem(key, show(v.get()) + " is not a whole number");
        return Optional.empty();
    }

    Optional<Boolean> bool(String key) {
        Optional<Object> v = required(key);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (v.get() instanceof Boolean b) {
            return Optional.of(b);
        }
        problem(key, show(v.get()) + " is not true or false");
        return Optional.empty();
    }

    /** Returns the elements of a list; each element's path is {@code key[i]}. */
    Optional<List<Object>> list(String key, boolean required) {
        if (!required && !has(key)) {
            return Optional.empty();
        }
        Optional<Object> v = required(key);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (v.get() instanceof List<?> l) {
            return Optional.of(new ArrayList<>(l));
        }
        problem(key, "is not a list: " + show(v.get()));
        return Optional.empty();
    }

    /** Returns a list of non-empty texts, recording each bad element at its own path. */
    Optional<List<String>> strings(String key, boolean required) {
        Optional<List<Object>> l = list(key, required);
        if (l.isEmpty()) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < l.get().size(); i++) {
            Object e = l.get().get(i);
            if (e instanceof String s && !s.isBlank()) {
                out.add(s.trim());
            } else {
                problems.add(
                        new ProtocolProblem(
                                path(key) + "[" + i + "]", "is not a non-empty text: " + show(e)));
                ok = false;
            }
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    /** Records every key that no accessor asked for: usually a typo. */
    void rejectUnknownKeys() {
        for (Object k : map.keySet()) {
            if (!known.contains(String.valueOf(k))) {
                problem(String.valueOf(k), "is not a known key (known: " + known + ")");
            }
        }
    }

    static String show(Object v) {
        if (v == null) {
            return "nothing";
        }
        if (v instanceof String s) {
            return "'" + s + "'";
        }
        return String.valueOf(v);
    }
}
