package org.clinval.surveillance.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clinval.common.yaml.SchemaKeys;
import org.clinval.common.yaml.YamlDocument;
import org.clinval.common.yaml.YamlSchema;
import org.clinval.surveillance.plan.MonitoringPlanReader;
import org.junit.jupiter.api.Test;

/**
 * The published event and plan schemas: copies of the shipped ones, documented key by key, and the
 * event parser accepts exactly the lines the schema accepts.
 */
class EventSchemaTest {

    private static final Path DOCS = Path.of("..", "docs");
    private static final YamlSchema EVENT = YamlSchema.load(EventParser.class, EventParser.SCHEMA);
    private static final YamlSchema PLAN =
            YamlSchema.load(MonitoringPlanReader.class, MonitoringPlanReader.SCHEMA);

    private static String resource(String name) throws Exception {
        try (InputStream in = EventSchemaTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theDocsCopiesAreTheShippedSchemasAndEveryKeyIsDocumented() throws Exception {
        assertThat(Files.readString(DOCS.resolve("schemas/pms-event.schema.json")))
                .isEqualTo(resource(EventParser.SCHEMA));
        assertThat(Files.readString(DOCS.resolve("schemas/pms-plan.schema.json")))
                .isEqualTo(resource(MonitoringPlanReader.SCHEMA));
        assertThat(SchemaKeys.undocumented(EVENT)).isEmpty();
        assertThat(SchemaKeys.undocumented(PLAN)).isEmpty();
        assertThat(
                        SchemaKeys.missingFrom(
                                EVENT, Files.readString(DOCS.resolve("reference/pms-events.md"))))
                .isEmpty();
        assertThat(
                        SchemaKeys.missingFrom(
                                PLAN, Files.readString(DOCS.resolve("reference/pms-plan.md"))))
                .isEmpty();
    }

    static final String P =
            "\"type\":\"prediction\",\"case_id\":\"C1\",\"event_time\":\"2026-03-04T10:15:00Z\",\"site\":\"A\",\"device_version\":\"2\",\"model_version\":\"1\"";

    @Test
    void theParserAcceptsExactlyWhatTheSchemaAccepts() {
        List<String> lines =
                List.of(
                        "{" + P + ",\"score\":0.5,\"decision\":1}",
                        "{"
                                + P
                                + ",\"score\":0.5,\"decision\":1,\"acquisition\":{\"kvp\":120,\"convolution_kernel\":null}}",
                        "{" + P + ",\"grade\":3,\"decision\":3}",
                        "{" + P + ",\"score\":0.5,\"decision\":1,\"extra\":\"ignored\"}",
                        "{" + P + ",\"score\":1.5,\"decision\":1}",
                        "{" + P + ",\"score\":0.5,\"decision\":2}",
                        "{" + P + ",\"score\":0.5,\"grade\":1,\"decision\":1}",
                        "{" + P + ",\"decision\":1}",
                        "{" + P + ",\"score\":\"0.5\",\"decision\":1}",
                        "{" + P + ",\"score\":0.5,\"decision\":1,\"acquisition\":{\"kvp\":-1}}",
                        "{" + P.replace("C1", "a/b") + ",\"score\":0.5,\"decision\":1}",
                        "{" + P.replace("10:15:00Z", "10:15:00") + ",\"score\":0.5,\"decision\":1}",
                        "{\"type\":\"ground-truth\",\"case_id\":\"C1\",\"event_time\":\"2026-04-02T09:00:00+02:00\",\"label\":1,\"source\":\"pathology\"}",
                        "{\"type\":\"ground-truth\",\"case_id\":\"C1\",\"event_time\":\"2026-04-02T09:00:00Z\",\"label\":1,\"source\":\"gut feeling\"}",
                        "{\"type\":\"ground-truth\",\"case_id\":\"C1\",\"event_time\":\"2026-04-02T09:00:00Z\",\"label\":-1,\"source\":\"pathology\"}",
                        "{\"type\":\"ground-truth\",\"case_id\":\"C1\",\"event_time\":\"2026-04-02T09:00:00Z\",\"source\":\"pathology\"}",
                        "{\"type\":\"reader-decision\",\"case_id\":\"C1\",\"event_time\":\"2026-04-02T09:00:00Z\",\"agreed\":false}",
                        "{\"type\":\"reader-decision\",\"case_id\":\"C1\",\"event_time\":\"2026-04-02T09:00:00Z\",\"agreed\":\"no\"}",
                        "{\"type\":\"measurement\",\"case_id\":\"C1\",\"event_time\":\"2026-04-02T09:00:00Z\"}",
                        "[1,2,3]");
        int accepted = 0;
        for (String line : lines) {
            YamlDocument d = EVENT.check(YamlDocument.parse(line, "event"));
            boolean schema = d.loaded() && !d.hasProblems();
            EventParser.Result r = EventParser.parse(line);
            assertThat(r.ok())
                    .as(line + " -> " + r.reason() + " / " + d.problems())
                    .isEqualTo(schema);
            if (!r.ok()) assertThat(r.reason()).isNotBlank();
            if (r.ok()) accepted++;
        }
        assertThat(accepted).isEqualTo(6);
    }
}
