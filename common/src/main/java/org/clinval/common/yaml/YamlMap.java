package org.clinval.common.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A mapping of a {@link YamlDocument} at its YAML path, with typed access by key. Every accessor
 * records a problem naming the full path instead of throwing, and returns empty, so that one pass
 * finds every problem of a file; a key that is present with no value counts as missing. The keys
 * asked for are remembered, so that {@link #rejectUnknownKeys()} can name a misspelt one.
 */
public final class YamlMap {

    private final YamlDocument doc;
    private final String path;
    private final ObjectNode map;
    private final Set<String> known = new LinkedHashSet<>();

    YamlMap(YamlDocument doc, String path, ObjectNode map) {
        this.doc = doc;
        this.path = path;
        this.map = map;
    }

    /** Returns this mapping's YAML path; empty for the top of the file. */
    public String path() {
        return path;
    }

    /** Returns the YAML path of {@code key} in this mapping. */
    public String path(String key) {
        return YamlDocument.child(path, key);
    }

    /** Returns the document, where problems go. */
    public YamlDocument doc() {
        return doc;
    }

    /** Records a problem of the value of {@code key} (or of its absence). */
    public void problem(String key, String what) {
        doc.problem(path(key), what);
    }

    /** Records a problem of this mapping as a whole. */
    public void problem(String what) {
        doc.problem(path, what);
    }

    /** Returns whether {@code key} has a value; marks it as known. */
    public boolean has(String key) {
        known.add(key);
        JsonNode v = map.get(key);
        return v != null && !v.isNull();
    }

    /** Returns the value of {@code key}, or empty after recording that it is required. */
    public Optional<YamlValue> value(String key) {
        if (!has(key)) {
            problem(key, "is required");
            return Optional.empty();
        }
        return Optional.of(new YamlValue(doc, path(key), map.get(key)));
    }

    /** Returns the value of {@code key} if it has one, recording nothing. */
    public Optional<YamlValue> optional(String key) {
        return has(key)
                ? Optional.of(new YamlValue(doc, path(key), map.get(key)))
                : Optional.empty();
    }

    public Optional<YamlMap> map(String key) {
        return value(key).flatMap(YamlValue::asMap);
    }

    public Optional<YamlMap> optionalMap(String key) {
        return optional(key).flatMap(YamlValue::asMap);
    }

    public Optional<String> string(String key) {
        return value(key).flatMap(YamlValue::text);
    }

    public Optional<String> optionalString(String key) {
        return optional(key).flatMap(YamlValue::text);
    }

    public OptionalDouble number(String key) {
        Optional<YamlValue> v = value(key);
        return v.isPresent() ? v.get().number() : OptionalDouble.empty();
    }

    public OptionalDouble optionalNumber(String key) {
        Optional<YamlValue> v = optional(key);
        return v.isPresent() ? v.get().number() : OptionalDouble.empty();
    }

    public Optional<Long> integer(String key) {
        return value(key).flatMap(YamlValue::integer);
    }

    public Optional<Boolean> bool(String key) {
        return value(key).flatMap(YamlValue::bool);
    }

    /** Returns the boolean of an optional key, {@code otherwise} when absent or not a boolean. */
    public boolean bool(String key, boolean otherwise) {
        return optional(key).flatMap(YamlValue::bool).orElse(otherwise);
    }

    /**
     * Returns the elements of the list {@code key}; when absent, empty after recording that it is
     * required, or an empty list when it is not.
     */
    public Optional<List<YamlValue>> list(String key, boolean required) {
        Optional<YamlValue> v = required ? value(key) : optional(key);
        if (v.isEmpty()) {
            return required ? Optional.empty() : Optional.of(List.of());
        }
        if (!(v.get().node() instanceof ArrayNode a)) {
            v.get().problem(Show.notA(v.get().node(), Show.type("array")));
            return Optional.empty();
        }
        List<YamlValue> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            out.add(new YamlValue(doc, YamlDocument.element(path(key), i), a.get(i)));
        }
        return Optional.of(out);
    }

    /** Returns the texts of the list {@code key}, each bad element recorded at its own path. */
    public List<Indexed<String>> strings(String key, boolean required) {
        List<Indexed<String>> out = new ArrayList<>();
        for (YamlValue v : list(key, required).orElse(List.of())) {
            v.text().ifPresent(s -> out.add(new Indexed<>(v.path(), s)));
        }
        return out;
    }

    /** Returns the keys of this mapping, in the order of the file. */
    public List<String> keys() {
        List<String> out = new ArrayList<>();
        map.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** Returns the raw value of {@code key} (null when absent), marking the key as known. */
    public JsonNode raw(String key) {
        known.add(key);
        return map.get(key);
    }

    /** Records every key that no accessor asked for: usually a typo. */
    public void rejectUnknownKeys() {
        for (String k : keys()) {
            if (!known.contains(k)) {
                doc.problemAtKey(
                        path(k), "is not a known key (known: " + String.join(", ", known) + ")");
            }
        }
    }

    /** A value with the YAML path it was read from. */
    public record Indexed<T>(String path, T value) {}
}
