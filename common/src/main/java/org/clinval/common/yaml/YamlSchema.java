package org.clinval.common.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * A published JSON Schema (draft 2020-12) of a file format users write, checked against the YAML of
 * a {@link YamlDocument}: each violation becomes a problem of the document at the path and line of
 * the bad value, worded by {@link SchemaMessages} rather than by the validator.
 *
 * <p>The schema is loaded from the class path of the module that owns the format, and is itself
 * checked against the draft 2020-12 meta-schema when loaded: a broken schema fails at once, not at
 * the first user file.
 */
public final class YamlSchema {

    private static final ObjectMapper JSON = new ObjectMapper();
    // errorMessage is this package's keyword (see SchemaMessages); naming it to the validator
    // keeps it from being taken for an unknown keyword.
    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(
                    SpecificationVersion.DRAFT_2020_12,
                    b ->
                            b.schemaRegistryConfig(
                                    SchemaRegistryConfig.builder()
                                            .errorMessageKeyword("errorMessage")
                                            .locale(Locale.ENGLISH)
                                            .build()));

    private final String name;
    private final JsonNode json;
    private final Schema schema;

    private YamlSchema(String name, JsonNode json) {
        this.name = name;
        this.json = json;
        List<Error> meta =
                REGISTRY.getSchema(
                                SchemaLocation.of(
                                        SpecificationVersion.DRAFT_2020_12.getDialectId()))
                        .validate(json);
        if (!meta.isEmpty()) {
            throw new IllegalStateException(
                    "the schema " + name + " is not a valid JSON Schema: " + meta);
        }
        this.schema = REGISTRY.getSchema(json);
    }

    /**
     * Loads the schema {@code resource} (a class-path name as {@link Class#getResourceAsStream}
     * takes it) of {@code anchor}'s module.
     *
     * @throws IllegalStateException if it is missing or is not a valid JSON Schema: a build defect
     */
    public static YamlSchema load(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema resource " + resource);
            }
            return new YamlSchema(resource, JSON.readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read schema " + resource + ": " + e, e);
        }
    }

    /** Returns a schema from its JSON text; {@code name} names it in messages. */
    public static YamlSchema parse(String json, String name) {
        try {
            return new YamlSchema(name, JSON.readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException(name + " is not JSON: " + e.getMessage(), e);
        }
    }

    /** Returns the schema as JSON. */
    public JsonNode json() {
        return json;
    }

    /** Returns the schema's name (its resource). */
    public String name() {
        return name;
    }

    /**
     * Records every violation of this schema in {@code doc}; a document that was not read has its
     * problem already and is left alone.
     *
     * @return {@code doc}
     */
    public YamlDocument check(YamlDocument doc) {
        doc.root().ifPresent(root -> schema.validate(root.node()).forEach(e -> record(doc, e)));
        return doc;
    }

    private void record(YamlDocument doc, Error e) {
        String path = path(e.getInstanceLocation());
        JsonNode at = json.at(pointer(e.getSchemaLocation().getFragment(), 1));
        new SchemaMessages(doc, path, e, at).record();
    }

    /** Returns the YAML path of an instance location, e.g. {@code endpoints[0].criterion}. */
    static String path(NodePath p) {
        String out = "";
        for (int i = 0; i < p.getNameCount(); i++) {
            Object element = p.getElement(i);
            out =
                    element instanceof Integer index
                            ? YamlDocument.element(out, index)
                            : YamlDocument.child(out, String.valueOf(element));
        }
        return out;
    }

    /** Returns the JSON pointer of a schema location without its last {@code drop} names. */
    static String pointer(NodePath p, int drop) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < p.getNameCount() - drop; i++) {
            b.append('/')
                    .append(String.valueOf(p.getElement(i)).replace("~", "~0").replace("/", "~1"));
        }
        return b.toString();
    }
}
