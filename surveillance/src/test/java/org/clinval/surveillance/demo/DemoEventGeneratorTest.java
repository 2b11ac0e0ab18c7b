package org.clinval.surveillance.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three days across a month's end with site B's scanner changed on the second day. */
class DemoEventGeneratorTest {

    private static final Pattern CASE_ID = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    private static DemoEventGenerator.Settings tiny() {
        return DemoEventGenerator.Settings.defaults()
                .withSeed(11)
                .withDays(LocalDate.of(2026, 3, 30), 3)
                .withCasesPerDay(2)
                .withDrift("B", LocalDate.of(2026, 3, 31), DemoSites.siteBAfterScannerChange());
    }

    @Test
    void writesEveryEventOnceInTheContractsFormatInTimeOrderAndTheSameBytesAgain()
            throws Exception {
        AtomicInteger last = new AtomicInteger();
        List<Path> months = new ArrayList<>();
        DemoSummary s =
                new DemoEventGenerator(tiny())
                        .generate(
                                dir.resolve("a"),
                                new DemoEventGenerator.ProgressListener() {
                                    @Override
                                    public void update(int done, int total) {
                                        last.set(done);
                                    }

                                    @Override
                                    public void monthWritten(Path file) {
                                        months.add(file);
                                    }
                                });
        assertThat(months).isEqualTo(s.files());
        assertThat(s.cases()).isPositive();
        assertThat(last.get()).isEqualTo(s.cases());
        assertThat(s.files())
                .extracting(f -> f.getFileName().toString())
                .containsExactly("2026-03.jsonl", "2026-04.jsonl");
        assertThat(s.threshold()).isEqualTo(0.5);

        List<JsonNode> events = new ArrayList<>();
        for (Path f : s.files()) {
            Instant previous = Instant.MIN;
            String month = f.getFileName().toString().substring(0, 7);
            for (String line : Files.readAllLines(f)) {
                JsonNode n = JSON.readTree(line);
                Instant t = Instant.parse(n.get("event_time").asText());
                assertThat(t).isAfterOrEqualTo(previous);
                assertThat(n.get("event_time").asText()).startsWith(month);
                assertThat(t).isBefore(Instant.parse("2026-04-02T00:00:00Z"));
                previous = t;
                events.add(n);
            }
        }
        Map<String, Integer> byType = new HashMap<>();
        Set<String> predicted = new HashSet<>();
        Map<String, Integer> perSite = new HashMap<>();
        for (JsonNode n : events) {
            String type = n.get("type").asText();
            byType.merge(type, 1, Integer::sum);
            String id = n.get("case_id").asText();
            assertThat(id).matches(CASE_ID);
            switch (type) {
                case "prediction" -> {
                    assertThat(predicted.add(id)).as("one prediction per case").isTrue();
                    assertPrediction(n);
                    perSite.merge(n.get("site").asText(), 1, Integer::sum);
                }
                case "ground-truth" -> {
                    assertThat(fields(n))
                            .containsExactly("type", "case_id", "event_time", "label", "source");
                    assertThat(n.get("label").asInt()).isIn(0, 1);
                    assertThat(n.get("source").asText())
                            .isIn("pathology", "follow_up_imaging", "adjudicated_read");
                }
                case "reader-decision" -> {
                    assertThat(fields(n))
                            .containsExactly("type", "case_id", "event_time", "agreed");
                    assertThat(n.get("agreed").isBoolean()).isTrue();
                }
                default -> throw new AssertionError("unknown type " + type);
            }
        }
        for (JsonNode n : events) assertThat(predicted).contains(n.get("case_id").asText());
        assertThat(byType.get("prediction")).isEqualTo(s.predictions()).isEqualTo(s.cases());
        assertThat(byType.getOrDefault("ground-truth", 0)).isEqualTo(s.groundTruths());
        assertThat(byType.getOrDefault("reader-decision", 0)).isEqualTo(s.readerDecisions());
        // Three days: every truth arrives 3 days or more later, after the end, or never.
        assertThat(s.groundTruths()).isZero();
        assertThat(s.truthAfterEnd() + s.truthNeverArrives()).isEqualTo(s.cases());
        for (var e : s.sites().entrySet()) {
            assertThat(perSite.getOrDefault(e.getKey(), 0)).isEqualTo(e.getValue().predictions());
            DemoSummary.Confusion b = e.getValue().before(), a = e.getValue().after();
            assertThat(b.tp() + b.fn() + b.tn() + b.fp() + a.tp() + a.fn() + a.tn() + a.fp())
                    .isEqualTo(e.getValue().cases());
        }
        // Site B's scanner from 2026-03-31 on, its old one before.
        for (JsonNode n : events) {
            if (!n.get("type").asText().equals("prediction")) continue;
            if (!n.get("site").asText().equals("B")) continue;
            boolean after = n.get("event_time").asText().compareTo("2026-03-31") >= 0;
            assertThat(n.get("acquisition").get("manufacturer_model_name").asText())
                    .isEqualTo(after ? "Revolution CT" : "LightSpeed VCT");
        }

        DemoSummary again =
                new DemoEventGenerator(tiny().withThreads(1))
                        .generate(dir.resolve("b"), DemoEventGenerator.ProgressListener.NONE);
        assertThat(again.files()).hasSameSizeAs(s.files());
        for (int i = 0; i < s.files().size(); i++) {
            assertThat(Files.readAllBytes(again.files().get(i)))
                    .isEqualTo(Files.readAllBytes(s.files().get(i)));
        }
    }

    private static void assertPrediction(JsonNode n) {
        assertThat(fields(n))
                .containsExactly(
                        "type",
                        "case_id",
                        "event_time",
                        "site",
                        "device_version",
                        "model_version",
                        "score",
                        "decision",
                        "acquisition");
        double score = n.get("score").asDouble();
        assertThat(score).isBetween(0.0, 1.0);
        assertThat(n.get("decision").asInt()).isEqualTo(score >= 0.5 ? 1 : 0);
        assertThat(n.get("device_version").asText()).isEqualTo("1.0.0");
        assertThat(n.get("model_version").asText()).isEqualTo("1");
        JsonNode a = n.get("acquisition");
        assertThat(fields(a))
                .containsExactly(
                        "modality",
                        "manufacturer",
                        "manufacturer_model_name",
                        "kvp",
                        "slice_thickness_mm",
                        "pixel_spacing_mm",
                        "convolution_kernel",
                        "magnetic_field_strength_t");
        assertThat(a.get("modality").asText()).isEqualTo("CT");
        assertThat(a.get("kvp").isNumber()).isTrue();
        assertThat(a.get("pixel_spacing_mm").asDouble()).isPositive();
        assertThat(a.get("magnetic_field_strength_t").isNull()).isTrue();
    }

    private static List<String> fields(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void settingsRefuseAnEmptyPeriod() {
        var s = DemoEventGenerator.Settings.defaults();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> s.withDays(LocalDate.of(2026, 1, 1), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("period is empty");
    }

    @Test
    void defaultsAreTheDemosSixMonths() {
        var s = DemoEventGenerator.Settings.defaults();
        assertThat(s.start()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(s.end()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(s.sites()).extracting(p -> p.id()).containsExactly("A", "B", "C");
        assertThat(s.driftSite()).isEqualTo("B");
        assertThat(s.driftStart()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(s.withMonths(LocalDate.of(2026, 1, 1), 6).end()).isEqualTo(s.end());
    }
}
