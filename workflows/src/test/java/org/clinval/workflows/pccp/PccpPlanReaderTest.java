package org.clinval.workflows.pccp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clinval.common.yaml.SchemaKeys;
import org.clinval.common.yaml.YamlSchema;
import org.clinval.validation.paired.PairedMeasure;
import org.junit.jupiter.api.Test;

/** The PCCP plan: its published schema, what it reads and how it names problems. */
class PccpPlanReaderTest {

    private static final Path DOCS = Path.of("..", "docs");
    private static final Path FILE = Path.of("PCCP.yaml");
    private static final String PLAN =
            """
            pccp: PCCP-001
            title: Retraining of the nodule classifier
            endpoints:
              - id: EP1
                measure: sensitivity
                margin: 0.05
              - id: EP3
                measure: auc
                margin: 0.03
            subgroups: [site, manufacturer]
            level: 0.95
            """;

    @Test
    void readsThePlan() throws Exception {
        PccpPlan p = PccpPlanReader.parse(FILE, PLAN);
        assertThat(p.id()).isEqualTo("PCCP-001");
        assertThat(p.endpoints())
                .extracting(PccpPlan.Endpoint::measure)
                .containsExactly(PairedMeasure.SENSITIVITY, PairedMeasure.AUC);
        assertThat(p.endpoints().get(1).margin()).isEqualTo(0.03);
        assertThat(p.endpoints().get(1).line()).isEqualTo(7);
        assertThat(p.subgroups()).containsExactly("site", "manufacturer");
        assertThat(p.level().value()).isEqualTo(0.95);
        assertThat(p.sha256()).hasSize(64);
    }

    /** The plan {@code clinval demo --pccp} ships: valid, with the three margins of the docs. */
    @Test
    void theDemoPlanIsValid() throws Exception {
        String text;
        try (InputStream in =
                getClass().getResourceAsStream("/org/clinval/workflows/example/demo-pccp.yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        PccpPlan p = PccpPlanReader.parse(Path.of("demo-pccp.yaml"), text);
        assertThat(p.id()).isEqualTo("PCCP-DEMO-001");
        assertThat(p.endpoints())
                .extracting(PccpPlan.Endpoint::measure, PccpPlan.Endpoint::margin)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(PairedMeasure.SENSITIVITY, 0.05),
                        org.assertj.core.groups.Tuple.tuple(PairedMeasure.SPECIFICITY, 0.05),
                        org.assertj.core.groups.Tuple.tuple(PairedMeasure.AUC, 0.03));
        assertThat(p.subgroups()).containsExactly("site", "manufacturer");
        assertThat(p.level().value()).isEqualTo(0.95);
    }

    @Test
    void unknownKeysAndBadValuesAreNamedWithLineAndColumn() {
        String bad =
                PLAN.replace("margin: 0.03", "margin: 1.5")
                        .replace("measure: sensitivity", "measure: sensitivty")
                        .replace("level: 0.95", "level: 0.95\nalpha: 0.05");
        assertThatThrownBy(() -> PccpPlanReader.parse(FILE, bad))
                .isInstanceOf(PccpPlanReader.InvalidPccpPlanException.class)
                .hasMessageContaining("PCCP.yaml line 5, column 14, endpoints[0].measure")
                .hasMessageContaining("sensitivty")
                .hasMessageContaining("PCCP.yaml line 9, column 13, endpoints[1].margin")
                .hasMessageContaining("PCCP.yaml line 12, column 1, alpha");
    }

    @Test
    void endpointIdsAreUnique() {
        assertThatThrownBy(() -> PccpPlanReader.parse(FILE, PLAN.replace("EP3", "EP1")))
                .hasMessageContaining("line 7, column 9, endpoints[1].id")
                .hasMessageContaining("used twice");
    }

    @Test
    void theDocsCopyIsTheShippedSchemaDocumentedKeyByKey() throws Exception {
        String shipped;
        try (InputStream in = PccpPlanReader.class.getResourceAsStream(PccpPlanReader.SCHEMA)) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(DOCS.resolve("schemas/pccp-plan.schema.json")))
                .isEqualTo(shipped);
        YamlSchema schema = YamlSchema.load(PccpPlanReader.class, PccpPlanReader.SCHEMA);
        assertThat(SchemaKeys.undocumented(schema)).isEmpty();
        assertThat(
                        SchemaKeys.missingFrom(
                                schema, Files.readString(DOCS.resolve("reference/pccp-plan.md"))))
                .isEmpty();
    }
}
