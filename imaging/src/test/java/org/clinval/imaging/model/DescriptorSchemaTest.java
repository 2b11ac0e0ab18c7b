package org.clinval.imaging.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clinval.common.yaml.SchemaKeys;
import org.clinval.common.yaml.YamlDocument;
import org.clinval.common.yaml.YamlSchema;
import org.junit.jupiter.api.Test;

/** The published descriptor schema: the same as the one shipped, documented key by key. */
class DescriptorSchemaTest {

    private static final Path DOCS = Path.of("..", "docs");
    private static final YamlSchema SCHEMA =
            YamlSchema.load(ModelDescriptor.class, ModelDescriptor.SCHEMA);

    private static String resource(String name) throws Exception {
        try (InputStream in = DescriptorSchemaTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theDocsCopyIsTheShippedSchema() throws Exception {
        assertThat(Files.readString(DOCS.resolve("schemas/model-descriptor.schema.json")))
                .as(
                        "docs/schemas/model-descriptor.schema.json must be a copy of "
                                + ModelDescriptor.SCHEMA)
                .isEqualTo(resource(ModelDescriptor.SCHEMA));
    }

    @Test
    void everyKeyHasADescriptionATypeAndAnExampleAndIsOnTheReferencePage() throws Exception {
        assertThat(SchemaKeys.undocumented(SCHEMA)).isEmpty();
        assertThat(
                        SchemaKeys.missingFrom(
                                SCHEMA,
                                Files.readString(DOCS.resolve("reference/model-descriptor.md"))))
                .isEmpty();
    }

    @Test
    void theBuiltInDescriptorsSatisfyTheSchema() throws Exception {
        for (BuiltInModel m : BuiltInModel.values()) {
            YamlDocument d =
                    SCHEMA.check(
                            YamlDocument.parse(
                                    resource(m.resourceFolder() + "descriptor.yaml"), m.id()));
            assertThat(d.loaded()).as(m.id()).isTrue();
            assertThat(d.problems()).as(m.id()).isEmpty();
        }
    }
}
