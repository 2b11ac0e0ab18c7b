package org.clinval.common.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Words one schema violation the way the readers word the same problem, e.g. {@code 1.5 is above
 * the maximum 1}, {@code is not a known key (known: a, b)}. A schema object may carry an {@code
 * errorMessage} mapping from keyword to text (the convention of ajv-errors), {@code {value}}
 * standing for the quoted value: it says what a pattern means, or why a list may not be empty.
 */
final class SchemaMessages {

    private final YamlDocument doc;
    private final String path;
    private final Error error;
    private final JsonNode schema;
    private final JsonNode value;

    /**
     * @param schema the schema object that holds the violated keyword
     */
    SchemaMessages(YamlDocument doc, String path, Error error, JsonNode schema) {
        this.doc = doc;
        this.path = path;
        this.error = error;
        this.schema = schema;
        this.value = error.getInstanceNode();
    }

    void record() {
        String keyword = error.getKeyword();
        JsonNode custom = schema.path("errorMessage").path(keyword);
        if (custom.isTextual() && !keyword.equals("required")) {
            doc.problem(path, custom.textValue().replace("{value}", Show.value(value)));
            return;
        }
        switch (keyword) {
            case "required" -> {
                String key = error.getProperty();
                doc.problem(
                        YamlDocument.child(path, key),
                        custom.isTextual() ? custom.textValue() : "is required");
            }
            case "additionalProperties" -> {
                List<String> known = new ArrayList<>();
                schema.path("properties").fieldNames().forEachRemaining(known::add);
                doc.problemAtKey(
                        YamlDocument.child(path, error.getProperty()),
                        "is not a known key (known: " + String.join(", ", known) + ")");
            }
            case "uniqueItems" -> twice();
            default -> doc.problem(path, what(keyword));
        }
    }

    private String what(String keyword) {
        JsonNode limit = schema.path(keyword);
        return switch (keyword) {
            case "type" -> Show.notA(value, types(limit));
            case "enum" -> Show.notOneOf(value, texts(limit));
            case "const" -> Show.value(value) + " is not " + Show.value(limit);
            case "minimum" -> Show.value(value) + " is below the minimum " + Show.number(limit);
            case "maximum" -> Show.value(value) + " is above the maximum " + Show.number(limit);
            case "exclusiveMinimum" -> Show.value(value) + " is not above " + Show.number(limit);
            case "exclusiveMaximum" -> Show.value(value) + " is not below " + Show.number(limit);
            case "minItems" -> count(value.size(), "element", "at least", limit.intValue());
            case "maxItems" -> count(value.size(), "element", "at most", limit.intValue());
            case "minProperties" -> count(value.size(), "key", "at least", limit.intValue());
            case "maxProperties" -> count(value.size(), "key", "at most", limit.intValue());
            case "minLength" ->
                    value.isTextual() && value.textValue().isEmpty()
                            ? "is empty"
                            : Show.value(value)
                                    + " is shorter than "
                                    + limit.intValue()
                                    + " characters";
            case "maxLength" ->
                    Show.value(value) + " is longer than " + limit.intValue() + " characters";
            case "pattern" ->
                    Show.value(value) + " does not match the pattern " + limit.textValue();
            default -> error.getMessage();
        };
    }

    private static String count(int n, String noun, String bound, int limit) {
        String has = n == 0 ? "is empty" : "has " + n + " " + noun + (n == 1 ? "" : "s");
        return has + "; it takes " + bound + " " + limit + " " + noun + (limit == 1 ? "" : "s");
    }

    private static String types(JsonNode type) {
        if (type.isArray()) {
            List<String> out = new ArrayList<>();
            type.forEach(t -> out.add(Show.type(t.asText())));
            return String.join(" or ", out);
        }
        return Show.type(type.asText());
    }

    private static List<String> texts(JsonNode choices) {
        List<String> out = new ArrayList<>();
        choices.forEach(c -> out.add(c.isTextual() ? c.textValue() : c.toString()));
        return out;
    }

    /** Names the first element that repeats an earlier one, at its own path. */
    private void twice() {
        Set<JsonNode> seen = new HashSet<>();
        for (int i = 0; i < value.size(); i++) {
            if (!seen.add(value.get(i))) {
                doc.problem(
                        YamlDocument.element(path, i),
                        Show.value(value.get(i)) + " is listed twice");
                return;
            }
        }
        doc.problem(path, "lists a value twice");
    }
}
