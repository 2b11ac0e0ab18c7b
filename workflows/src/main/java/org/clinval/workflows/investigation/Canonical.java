package org.clinval.workflows.investigation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.TreeSet;

/**
 * Canonical JSON of the investigation's records: object keys sorted at every level, no whitespace,
 * UTF-8; so the same content always has the same SHA-256.
 */
final class Canonical {

    static final ObjectMapper JSON = new ObjectMapper();

    private Canonical() {}

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static ArrayNode array() {
        return JSON.createArrayNode();
    }

    /** Returns a copy of {@code n} with the keys of every object sorted. */
    static JsonNode sorted(JsonNode n) {
        if (n.isObject()) {
            ObjectNode o = JSON.createObjectNode();
            TreeSet<String> names = new TreeSet<>();
            n.fieldNames().forEachRemaining(names::add);
            for (String k : names) o.set(k, sorted(n.get(k)));
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = JSON.createArrayNode();
            for (Iterator<JsonNode> i = n.elements(); i.hasNext(); ) a.add(sorted(i.next()));
            return a;
        }
        return n;
    }

    /** Returns the canonical text of {@code n}. */
    static String text(JsonNode n) {
        try {
            return JSON.writeValueAsString(sorted(n));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static byte[] bytes(JsonNode n) {
        return text(n).getBytes(StandardCharsets.UTF_8);
    }

    /** Parses {@code text}, naming {@code what} when it is not JSON. */
    static JsonNode parse(String text, String what) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    what + " is not JSON: " + e.getOriginalMessage() + ": " + text);
        }
    }

    /** Parses the UTF-8 JSON bytes a variable holds; empty object for none. */
    static JsonNode parse(Object variable) {
        if (variable instanceof byte[] b) {
            return parse(new String(b, StandardCharsets.UTF_8), "a recorded value");
        }
        if (variable instanceof String s) {
            return parse(s, "a recorded value");
        }
        return JSON.createObjectNode();
    }
}
