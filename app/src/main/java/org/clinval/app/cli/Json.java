package org.clinval.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.validation.Interval;

/**
 * JSON output of the commands. Undefined values are JSON {@code null}, never NaN or infinity: the
 * writer refuses non-finite numbers, so one cannot slip through.
 */
public final class Json {

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    /** Returns a new empty object. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Returns a new empty array. */
    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** Puts a finite number; refuses NaN and infinities, naming the key. */
    public static ObjectNode put(ObjectNode node, String key, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalStateException("refusing to write a non-finite number for " + key);
        }
        return node.put(key, value);
    }

    /** Puts the value or {@code null}. */
    public static ObjectNode put(ObjectNode node, String key, OptionalDouble value) {
        if (value.isPresent()) {
            return put(node, key, value.getAsDouble());
        }
        return node.putNull(key);
    }

    /** Puts {@code [lower, upper]} or {@code null}. */
    public static ObjectNode put(ObjectNode node, String key, Optional<Interval> interval) {
        if (interval.isEmpty()) {
            return node.putNull(key);
        }
        return put(node, key, interval.get());
    }

    /** Puts {@code [lower, upper]}. */
    public static ObjectNode put(ObjectNode node, String key, Interval interval) {
        ArrayNode a = node.putArray(key);
        a.add(finite(key, interval.lower()));
        a.add(finite(key, interval.upper()));
        return node;
    }

    private static double finite(String key, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalStateException("refusing to write a non-finite number for " + key);
        }
        return v;
    }

    /** Returns the node as indented JSON text. */
    public static String write(Object node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
