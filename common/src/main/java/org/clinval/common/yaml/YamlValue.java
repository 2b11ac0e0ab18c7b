package org.clinval.common.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A value of a {@link YamlDocument} at its YAML path. Every conversion records a problem naming the
 * path (instead of throwing) and returns empty, so that one pass finds every problem of a file.
 *
 * @param doc the document it belongs to, where problems go
 * @param path its YAML path, e.g. {@code endpoints[0].criterion}
 * @param node the value
 */
public record YamlValue(YamlDocument doc, String path, JsonNode node) {

    /** Returns this value as a mapping, or empty after recording a problem. */
    public Optional<YamlMap> asMap() {
        if (node instanceof ObjectNode o) {
            return Optional.of(new YamlMap(doc, path, o));
        }
        doc.problem(path, Show.notA(node, Show.type("object")));
        return Optional.empty();
    }

    /** Returns this value as trimmed, non-blank text, or empty after recording a problem. */
    public Optional<String> text() {
        if (node.isTextual() && !node.textValue().isBlank()) {
            return Optional.of(node.textValue().trim());
        }
        doc.problem(path, node.isTextual() ? "is empty" : Show.notA(node, Show.type("string")));
        return Optional.empty();
    }

    /** Returns this value as a finite number, or empty after recording a problem. */
    public OptionalDouble number() {
        if (node.isNumber() && Double.isFinite(node.doubleValue())) {
            return OptionalDouble.of(node.doubleValue());
        }
        doc.problem(path, Show.notA(node, Show.type("number")));
        return OptionalDouble.empty();
    }

    /**
     * Returns this value as a whole number that fits a long, or empty after recording a problem.
     */
    public Optional<Long> integer() {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return Optional.of(node.longValue());
        }
        doc.problem(path, Show.notA(node, Show.type("integer")));
        return Optional.empty();
    }

    /** Returns this value as true or false, or empty after recording a problem. */
    public Optional<Boolean> bool() {
        if (node.isBoolean()) {
            return Optional.of(node.booleanValue());
        }
        doc.problem(path, Show.notA(node, Show.type("boolean")));
        return Optional.empty();
    }

    /** Records a problem of this value. */
    public void problem(String what) {
        doc.problem(path, what);
    }

    /** Returns the value as a message shows it, quoted short. */
    public String show() {
        return Show.value(node);
    }
}
