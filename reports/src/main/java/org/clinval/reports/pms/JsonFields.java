package org.clinval.reports.pms;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.common.Quote;
import org.clinval.reports.pms.PmsReportInputs.Entry;

/**
 * Typed reads of one JSON object of the output folder; a missing or mistyped field is an error
 * naming the file, where in it ({@code line 3}, {@code item 2}) and the field.
 */
final class JsonFields {

    private final String where;
    private final JsonNode node;

    /**
     * @param where the file and the place in it, e.g. {@code alarms.jsonl line 3}
     * @param node the object
     */
    JsonFields(String where, JsonNode node) throws PmsInputException {
        if (node == null || !node.isObject()) {
            throw new PmsInputException(where + ": not a JSON object");
        }
        this.where = where;
        this.node = node;
    }

    String where() {
        return where;
    }

    JsonNode node() {
        return node;
    }

    /** Returns a required non-empty string field. */
    String text(String field) throws PmsInputException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw error(field, "missing");
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw error(field, "not a non-empty string: " + Quote.value(v.toString()));
        }
        return v.asText();
    }

    /** Returns an optional string field; absent and {@code null} are empty. */
    Optional<String> optionalText(String field) throws PmsInputException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw error(field, "not a string: " + Quote.value(v.toString()));
        }
        return Optional.of(v.asText());
    }

    /**
     * Returns a required ISO date field, {@code yyyy-MM-dd}; an ISO-8601 instant is taken as its
     * UTC day (a window boundary is midnight UTC).
     */
    LocalDate date(String field) throws PmsInputException {
        String v = text(field);
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            try {
                return java.time.Instant.parse(v).atZone(java.time.ZoneOffset.UTC).toLocalDate();
            } catch (DateTimeParseException e2) {
                throw error(
                        field,
                        "not a date yyyy-MM-dd (nor an ISO-8601 instant): " + Quote.value(v));
            }
        }
    }

    /** Returns an optional finite number; absent and {@code null} are empty. */
    OptionalDouble number(String field) throws PmsInputException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return OptionalDouble.empty();
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw error(field, "not a finite number: " + Quote.value(v.toString()));
        }
        return OptionalDouble.of(v.asDouble());
    }

    /** Returns a list of strings; absent and {@code null} are an empty list. */
    List<String> strings(String field) throws PmsInputException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw error(field, "not a list: " + Quote.value(v.toString()));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (!item.isTextual()) {
                throw error(field + "[" + i + "]", "not a string: " + Quote.value(item.toString()));
            }
            out.add(item.asText());
        }
        return out;
    }

    /** Returns an optional object field; absent and {@code null} are empty. */
    Optional<JsonFields> object(String field) throws PmsInputException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isObject()) {
            throw error(field, "not an object: " + Quote.value(v.toString()));
        }
        return Optional.of(new JsonFields(where + ", field " + field, v));
    }

    /** Returns the field flattened into entries; absent and {@code null} are none. */
    List<Entry> entries(String field) {
        JsonNode v = node.get(field);
        List<Entry> out = new ArrayList<>();
        if (v != null && !v.isNull()) {
            flatten("", v, out);
        }
        return out;
    }

    PmsInputException error(String field, String message) {
        return new PmsInputException(where + ", field " + field + ": " + message);
    }

    /**
     * Flattens {@code node} into {@code out}: object keys joined by dots under {@code prefix}, list
     * items by their index, except that a list of strings is one entry, its items joined by commas.
     */
    static void flatten(String prefix, JsonNode node, List<Entry> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(join(prefix, e.getKey()), e.getValue(), out);
            }
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.add(new Entry(prefix, "", OptionalDouble.empty()));
                return;
            }
            boolean scalars = true;
            for (JsonNode item : node) {
                scalars &= item.isValueNode() && !item.isNumber();
            }
            if (scalars) {
                // A list of names (strata, requirements) reads as one entry.
                List<String> texts = new ArrayList<>();
                node.forEach(item -> texts.add(item.asText()));
                out.add(new Entry(prefix, String.join(", ", texts), OptionalDouble.empty()));
                return;
            }
            for (int i = 0; i < node.size(); i++) {
                flatten(join(prefix, Integer.toString(i)), node.get(i), out);
            }
        } else if (node.isNumber()) {
            out.add(new Entry(prefix, node.asText(), OptionalDouble.of(node.asDouble())));
        } else if (node.isNull()) {
            out.add(new Entry(prefix, "null", OptionalDouble.empty()));
        } else {
            out.add(new Entry(prefix, node.asText(), OptionalDouble.empty()));
        }
    }

    private static String join(String prefix, String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }
}
