package org.clinval.app.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ShortNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a JSON tree with Jackson's streaming generator and its default pretty printer, making the
 * same generator calls, in the same order, as the tree's own serializers under an {@code
 * ObjectMapper} with {@code INDENT_OUTPUT}: the text is the same, without the mapper's set-up. Only
 * for trees of the node types below ({@link #canWrite}); {@link Json} hands anything else to a
 * mapper.
 */
final class TreeWriter {

    private static final JsonFactory FACTORY = new JsonFactory();

    private TreeWriter() {}

    /** Whether {@code value} is a tree of objects, arrays, text, numbers, booleans and nulls. */
    static boolean canWrite(Object value) {
        if (value instanceof ObjectNode o) {
            for (Iterator<JsonNode> i = o.elements(); i.hasNext(); ) {
                if (!canWrite(i.next())) return false;
            }
            return true;
        }
        if (value instanceof ArrayNode a) {
            for (JsonNode n : a) {
                if (!canWrite(n)) return false;
            }
            return true;
        }
        return value instanceof TextNode
                || value instanceof IntNode
                || value instanceof LongNode
                || value instanceof ShortNode
                || value instanceof DoubleNode
                || value instanceof FloatNode
                || value instanceof BigIntegerNode
                || value instanceof DecimalNode
                || value instanceof BooleanNode
                || value instanceof NullNode;
    }

    /** Returns {@code tree} as indented JSON; {@link #canWrite} must hold. */
    static String write(JsonNode tree) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(text)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            write(g, tree);
        }
        return text.toString();
    }

    private static void write(JsonGenerator g, JsonNode node) throws IOException {
        if (node instanceof ObjectNode o) {
            g.writeStartObject(o);
            for (Iterator<Map.Entry<String, JsonNode>> i = o.fields(); i.hasNext(); ) {
                Map.Entry<String, JsonNode> field = i.next();
                g.writeFieldName(field.getKey());
                write(g, field.getValue());
            }
            g.writeEndObject();
        } else if (node instanceof ArrayNode a) {
            g.writeStartArray(a, a.size());
            for (JsonNode n : a) write(g, n);
            g.writeEndArray();
        } else if (node instanceof TextNode) {
            g.writeString(node.textValue());
        } else if (node instanceof IntNode || node instanceof ShortNode) {
            g.writeNumber(node.intValue());
        } else if (node instanceof LongNode) {
            g.writeNumber(node.longValue());
        } else if (node instanceof DoubleNode) {
            g.writeNumber(node.doubleValue());
        } else if (node instanceof FloatNode) {
            g.writeNumber(node.floatValue());
        } else if (node instanceof BigIntegerNode) {
            g.writeNumber(node.bigIntegerValue());
        } else if (node instanceof DecimalNode) {
            g.writeNumber(node.decimalValue());
        } else if (node instanceof BooleanNode) {
            g.writeBoolean(node.booleanValue());
        } else {
            g.writeNull();
        }
    }
}
