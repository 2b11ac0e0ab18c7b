package org.clinval.surveillance.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaTest {

    @TempDir Path dir;

    @Test
    void publishedEventsComeBackOnceEachAndSurviveARestart() throws IOException {
        Path data = dir.resolve("kafka");
        Path events = dir.resolve("events");
        Files.createDirectories(events);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            lines.add(
                    "{\"type\":\"prediction\",\"case_id\":\"C"
                            + (i % 300)
                            + "\",\"event_time\":\"2026-01-01T00:00:00Z\",\"seq\":"
                            + i
                            + "}");
        }
        Files.write(events.resolve("2026-02.jsonl"), lines.subList(600, 1000));
        Files.write(events.resolve("2026-01.jsonl"), lines.subList(0, 600));
        Files.writeString(events.resolve("notes.txt"), "not events", StandardCharsets.UTF_8);

        try (EmbeddedKafka kafka = EmbeddedKafka.start(data)) {
            kafka.createTopic(EventPublisher.EVENTS_TOPIC, 2);
            kafka.createTopic(EventPublisher.EVENTS_TOPIC, 2); // exists: left as it is
            try (EventPublisher p = new EventPublisher(kafka.bootstrapServers())) {
                assertThat(p.publishFolder(events, EventPublisher.EVENTS_TOPIC)).isEqualTo(1000);
            }
            List<ConsumerRecord<String, String>> got = consume(kafka.bootstrapServers(), 1000);
            assertThat(got)
                    .extracting(ConsumerRecord::value)
                    .containsExactlyInAnyOrderElementsOf(lines);
            for (ConsumerRecord<String, String> r : got) {
                assertThat(r.key()).isEqualTo(EventPublisher.caseId(r.value()));
            }
            // Keyed by case: a case's events share a partition, in publication order.
            Map<String, List<Integer>> seqByCase = new HashMap<>();
            Map<String, Integer> partitionByCase = new HashMap<>();
            for (ConsumerRecord<String, String> r : got) {
                assertThat(partitionByCase.merge(r.key(), r.partition(), (a, b) -> a))
                        .isEqualTo(r.partition());
                seqByCase.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(seq(r.value()));
            }
            seqByCase.values().forEach(s -> assertThat(s).isSorted());
        }

        try (EmbeddedKafka again = EmbeddedKafka.start(data)) {
            assertThat(consume(again.bootstrapServers(), 1000)).hasSize(1000);
            try (EventPublisher p = new EventPublisher(again.bootstrapServers())) {
                assertThat(
                                p.publish(
                                        List.of("{\"case_id\":\"late\"}", " ", "{}"),
                                        EventPublisher.EVENTS_TOPIC))
                        .isEqualTo(2);
            }
            List<ConsumerRecord<String, String>> all = consume(again.bootstrapServers(), 1002);
            assertThat(all)
                    .filteredOn(r -> r.value().equals("{}"))
                    .singleElement()
                    .satisfies(r -> assertThat(r.key()).isNull());
        }
    }

    @Test
    void caseIdIsReadFromTheLineOrNull() {
        assertThat(EventPublisher.caseId("{\"type\":\"x\", \"case_id\" : \"a.b-9_Z\"}"))
                .isEqualTo("a.b-9_Z");
        assertThat(EventPublisher.caseId("{\"type\":\"x\"}")).isNull();
        assertThat(EventPublisher.caseId("{\"case_id\":\"has space\"}")).isNull();
    }

    private static int seq(String line) {
        return Integer.parseInt(line.substring(line.indexOf("\"seq\":") + 6, line.length() - 1));
    }

    /** Reads the whole topic from the beginning, without a consumer group. */
    private static List<ConsumerRecord<String, String>> consume(String bootstrap, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts =
                    c.partitionsFor(EventPublisher.EVENTS_TOPIC).stream()
                            .map(i -> new TopicPartition(i.topic(), i.partition()))
                            .toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
                Map<TopicPartition, Long> end = c.endOffsets(parts);
                if (parts.stream().allMatch(tp -> c.position(tp) >= end.get(tp))) break;
            }
        }
        assertThat(out).hasSize(expected);
        return out;
    }
}
