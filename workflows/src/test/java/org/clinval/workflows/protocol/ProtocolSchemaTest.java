package org.clinval.workflows.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clinval.common.yaml.SchemaKeys;
import org.clinval.common.yaml.YamlDocument;
import org.clinval.common.yaml.YamlSchema;
import org.junit.jupiter.api.Test;

/** The published protocol schema: the same as the one shipped, documented key by key. */
class ProtocolSchemaTest {

    private static final Path DOCS = Path.of("..", "docs");
    private static final YamlSchema SCHEMA =
            YamlSchema.load(ProtocolReader.class, ProtocolReader.SCHEMA);

    private static String resource(String name) throws Exception {
        try (InputStream in = ProtocolSchemaTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theDocsCopyIsTheShippedSchema() throws Exception {
        assertThat(Files.readString(DOCS.resolve("schemas/protocol.schema.json")))
                .as("docs/schemas/protocol.schema.json must be a copy of " + ProtocolReader.SCHEMA)
                .isEqualTo(resource(ProtocolReader.SCHEMA));
    }

    @Test
    void everyKeyHasADescriptionATypeAndAnExampleAndIsOnTheReferencePage() throws Exception {
        assertThat(SchemaKeys.of(SCHEMA)).hasSizeGreaterThan(40);
        assertThat(SchemaKeys.undocumented(SCHEMA)).isEmpty();
        assertThat(
                        SchemaKeys.missingFrom(
                                SCHEMA, Files.readString(DOCS.resolve("reference/protocol.md"))))
                .isEmpty();
    }

    @Test
    void theDemoProtocolSatisfiesTheSchema() throws Exception {
        YamlDocument d =
                SCHEMA.check(
                        YamlDocument.parse(
                                resource("/org/clinval/workflows/example/demo-study.yaml"),
                                "demo-study.yaml"));
        assertThat(d.loaded()).isTrue();
        assertThat(d.problems()).isEmpty();
    }

    @Test
    void theReadmeLinksEveryReferencePage() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        for (String page :
                new String[] {"protocol", "model-descriptor", "risk-files", "ground-truth"}) {
            assertThat(readme).contains("(docs/reference/" + page + ".md)");
            assertThat(DOCS.resolve("reference/" + page + ".md")).isRegularFile();
        }
    }
}
