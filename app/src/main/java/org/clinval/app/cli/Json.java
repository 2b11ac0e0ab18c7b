package org.clinval.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.validation.Interval;

/**
 * JSON output of the commands. Undefined values are JSON {@code null}, never NaN or infinity: the
 * writer refuses non-finite numbers, so one cannot slip through.
 *
 * <p>Trees are made and written without an {@link ObjectMapper} (see {@link TreeWriter}): setting
 * one up loaded about 300 classes, a good part of a short command's start-up. Anything else is
 * written by a mapper made at first use.
 */
public final class Json {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    /** The mapper for values that are not plain trees, made at first use. */
    private static final class Mapper {
        static final ObjectMapper INSTANCE =
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** Returns a new empty object. */
    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /** Returns a new empty array. */
    public static ArrayNode array() {
        return NODES.arrayNode();
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

    /**
     * Returns the value as indented JSON text: a tree of objects, arrays and plain values by {@link
     * TreeWriter}, byte for byte as an {@link ObjectMapper} with {@code INDENT_OUTPUT} writes it;
     * anything else by such a mapper.
     */
    public static String write(Object node) {
        try {
            if (TreeWriter.canWrite(node)) return TreeWriter.write((JsonNode) node);
            return Mapper.INSTANCE.writeValueAsString(node);
        } catch (IOException e) { // a JsonProcessingException; a StringWriter cannot fail
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
