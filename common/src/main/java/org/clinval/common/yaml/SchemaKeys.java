package org.clinval.common.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys a schema defines, each with its full path as the reference pages name it: {@code
 * device.model}, {@code endpoints[].criterion.measure} (a key of every element of a list), {@code
 * acceptability.matrix.*} (any key of a mapping). Local {@code $ref}s are followed.
 */
public final class SchemaKeys {

    private final JsonNode root;
    private final Map<String, JsonNode> keys = new LinkedHashMap<>();

    private SchemaKeys(JsonNode root) {
        this.root = root;
        walk("", root, 0);
    }

    /** Returns every key of {@code schema}, path to the key's schema as written, in order. */
    public static Map<String, JsonNode> of(YamlSchema schema) {
        return new SchemaKeys(schema.json()).keys;
    }

    /**
     * Returns the keys of {@code schema} that lack a {@code description}, a {@code type} (or {@code
     * enum}) or {@code examples}, each with what it lacks: a published schema documents every key.
     */
    public static List<String> undocumented(YamlSchema schema) {
        SchemaKeys k = new SchemaKeys(schema.json());
        List<String> out = new ArrayList<>();
        k.keys.forEach(
                (path, s) -> {
                    List<String> lacks = new ArrayList<>();
                    if (!k.has(s, "description")) lacks.add("description");
                    if (!k.has(s, "type") && !k.has(s, "enum")) lacks.add("type");
                    if (!k.has(s, "examples")) lacks.add("examples");
                    if (!lacks.isEmpty()) out.add(path + " lacks " + String.join(", ", lacks));
                });
        return out;
    }

    /**
     * Returns the keys of {@code schema} that the reference page {@code page} does not name, each
     * written in backticks as the pages do ({@code `device.model`}).
     */
    public static List<String> missingFrom(YamlSchema schema, String page) {
        return of(schema).keySet().stream().filter(k -> !page.contains("`" + k + "`")).toList();
    }

    /** Returns whether the key's schema, as written or where its $ref leads, has {@code field}. */
    private boolean has(JsonNode s, String field) {
        return s.has(field) || resolve(s).has(field);
    }

    private JsonNode resolve(JsonNode s) {
        int hops = 0;
        while (s.has("$ref") && s.get("$ref").asText().startsWith("#") && hops++ < 32) {
            s = root.at(s.get("$ref").asText().substring(1));
        }
        return s;
    }

    private void walk(String path, JsonNode schema, int depth) {
        JsonNode s = resolve(schema);
        if (depth > 32) {
            return;
        }
        s.path("properties")
                .fields()
                .forEachRemaining(
                        e -> {
                            String p = YamlDocument.child(path, e.getKey());
                            keys.put(p, e.getValue());
                            walk(p, e.getValue(), depth + 1);
                        });
        if (s.path("additionalProperties").isObject()) {
            String p = YamlDocument.child(path, "*");
            keys.put(p, s.get("additionalProperties"));
            walk(p, s.get("additionalProperties"), depth + 1);
        }
        if (s.path("items").isObject()) {
            walk(path + "[]", s.get("items"), depth + 1);
        }
    }
}
