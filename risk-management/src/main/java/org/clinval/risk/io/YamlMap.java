package org.clinval.risk.io;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A YAML mapping at a known path. Every accessor records a problem (naming the full path) instead
 * of throwing, and returns empty, so that one pass finds every problem of a file.
 */
final class YamlMap {

    private final String path;
    private final Map<?, ?> map;
    private final Problems.Sink problems;
    private final Set<String> known = new LinkedHashSet<>();

    private YamlMap(String path, Map<?, ?> map, Problems.Sink problems) {
        this.path = path;
        this.map = map;
        this.problems = problems;
    }

    /** Returns {@code value} as a mapping at {@code path}, or empty after recording a problem. */
    static Optional<YamlMap> of(String path, Object value, Problems.Sink problems) {
        if (value instanceof Map<?, ?> m) {
            return Optional.of(new YamlMap(path, m, problems));
        }
        problems.add(path, "is not a mapping of keys to values: " + show(value));
        return Optional.empty();
    }

    String path() {
        return path;
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    void problem(String key, String message) {
        problems.add(path(key), message);
    }

    Problems.Sink sink() {
        return problems;
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

    Optional<YamlMap> map(String key) {
        return required(key).flatMap(v -> of(path(key), v, problems));
    }

    Optional<YamlMap> optionalMap(String key) {
        return has(key) ? map(key) : Optional.empty();
    }

    Optional<String> string(String key) {
        return required(key).flatMap(v -> text(path(key), v, problems));
    }

    Optional<String> optionalString(String key) {
        return has(key) ? string(key) : Optional.empty();
    }

    /** Returns the text of a scalar: a non-blank string, a number or a boolean, trimmed. */
    static Optional<String> text(String path, Object v, Problems.Sink problems) {
        if (v instanceof String s && !s.isBlank()) {
            return Optional.of(s.trim());
        }
        if (v instanceof Number || v instanceof Boolean) {
            return Optional.of(v.toString());
        }
        problems.add(path, "is not a non-empty text: " + show(v));
        return Optional.empty();
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

    /** Returns the elements of a list; absent and not required gives an empty list. */
    Optional<List<Object>> list(String key, boolean required) {
        if (!required && !has(key)) {
            return Optional.of(List.of());
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

    /** Returns the list's texts, recording each bad element at its own path. */
    List<Indexed<String>> strings(String key, boolean required) {
        List<Indexed<String>> out = new ArrayList<>();
        List<Object> l = list(key, required).orElse(List.of());
        for (int i = 0; i < l.size(); i++) {
            String p = path(key) + "[" + i + "]";
            text(p, l.get(i), problems).ifPresent(s -> out.add(new Indexed<>(p, s)));
        }
        return out;
    }

    /** Returns the keys of this mapping, as texts. */
    List<String> keys() {
        return map.keySet().stream().map(String::valueOf).toList();
    }

    /** Returns the raw value of {@code key}, marking the key as known. */
    Object raw(String key) {
        known.add(key);
        return map.get(key);
    }

    /** Records every key that no accessor asked for: usually a typo. */
    void rejectUnknownKeys() {
        for (Object k : map.keySet()) {
            if (!known.contains(String.valueOf(k))) {
                problem(
                        String.valueOf(k),
                        "is not a known key (known: " + String.join(", ", known) + ")");
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
        if (v instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (v instanceof List<?>) {
            return "a list";
        }
        return String.valueOf(v);
    }

    /** A value with the YAML path it was read from. */
    record Indexed<T>(String path, T value) {}
}
