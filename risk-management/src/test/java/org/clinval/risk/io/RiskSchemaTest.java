package org.clinval.risk.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.clinval.common.yaml.SchemaKeys;
import org.clinval.common.yaml.YamlDocument;
import org.clinval.common.yaml.YamlSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The published risk schemas: the same as the ones shipped, documented key by key. */
class RiskSchemaTest {

    private static final Path DOCS = Path.of("..", "docs");

    /** Schema resource to the demo file it checks. */
    private static final Map<String, String> SCHEMAS =
            Map.of(
                    RiskFileReader.PLAN_SCHEMA, "plan.yaml",
                    RiskFileReader.REQUIREMENTS_SCHEMA, "requirements.yaml",
                    RiskFileReader.REGISTER_SCHEMA, "risk-file.yaml");

    private static String resource(String name) throws Exception {
        try (InputStream in = RiskSchemaTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theDocsCopiesAreTheShippedSchemas() throws Exception {
        for (String schema : SCHEMAS.keySet()) {
            Path copy = DOCS.resolve("schemas").resolve(Path.of(schema).getFileName());
            assertThat(Files.readString(copy))
                    .as(copy + " must be a copy of " + schema)
                    .isEqualTo(resource(schema));
        }
    }

    @Test
    void everyKeyHasADescriptionATypeAndAnExampleAndIsOnTheReferencePage() throws Exception {
        String page = Files.readString(DOCS.resolve("reference/risk-files.md"));
        for (String name : SCHEMAS.keySet()) {
            YamlSchema schema = YamlSchema.load(RiskFileReader.class, name);
            assertThat(SchemaKeys.undocumented(schema)).as(name).isEmpty();
            assertThat(SchemaKeys.missingFrom(schema, page)).as(name).isEmpty();
        }
    }

    @Test
    void theDemoFilesSatisfyTheirSchemas() throws Exception {
        for (String task :
                java.util.List.of("", "segmentation/", "detection/", "grading/", "mr/", "dx/")) {
            for (Map.Entry<String, String> e : SCHEMAS.entrySet()) {
                YamlSchema schema = YamlSchema.load(RiskFileReader.class, e.getKey());
                String name = task + e.getValue();
                YamlDocument d =
                        schema.check(
                                YamlDocument.parse(
                                        resource("/org/clinval/risk/demo/" + name), name));
                assertThat(d.loaded()).as(name).isTrue();
                assertThat(d.problems()).as(name).isEmpty();
            }
        }
    }

    @Test
    void theGradingMrAndDxDemoFilesRead(@TempDir Path dir) throws Exception {
        for (String task : java.util.List.of("grading", "mr", "dx")) {
            Path d = Files.createDirectories(dir.resolve(task));
            for (String f : java.util.List.of("plan.yaml", "requirements.yaml", "risk-file.yaml")) {
                Files.writeString(
                        d.resolve(f), resource("/org/clinval/risk/demo/" + task + "/" + f));
            }
            assertThat(RiskFileReader.read(d.resolve("risk-file.yaml")).requirements())
                    .as(task)
                    .isNotEmpty();
        }
    }

    @Test
    void problemsCarryTheirLineAndColumn(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("plan.yaml"), resource("/org/clinval/risk/demo/plan.yaml"));
        Files.writeString(
                dir.resolve("requirements.yaml"),
                resource("/org/clinval/risk/demo/requirements.yaml"));
        Files.writeString(
                dir.resolve("risk-file.yaml"),
                resource("/org/clinval/risk/demo/risk-file.yaml")
                        .replaceFirst(
                                "\n    kind: inherent_safety_by_design", "\n    kind: inherent"));
        InvalidRiskFileException e =
                org.assertj.core.api.Assertions.catchThrowableOfType(
                        InvalidRiskFileException.class,
                        () -> RiskFileReader.read(dir.resolve("risk-file.yaml")));
        assertThat(e.problems()).hasSize(1);
        Problem p = e.problems().get(0);
        assertThat(p.where())
                .isEqualTo(dir.resolve("risk-file.yaml") + " line 33, column 11, controls[0].kind");
        assertThat(p.what())
                .isEqualTo(
                        "'inherent' is not one of inherent_safety_by_design, protective_measure,"
                                + " information_for_safety");
    }
}
