package org.clinval.surveillance.kafka;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes surveillance events (JSON lines, as the folder source reads them) to a Kafka topic with
 * an idempotent producer: a retried send is never written twice. Each record's key is the event's
 * {@code case_id}, so all events of a case land in one partition, in order; a line without one gets
 * no key (the job sends it to its dead letters, not this class). Lines are sent as they are, blank
 * lines skipped.
 */
public final class EventPublisher implements AutoCloseable {

    /** The default input topic: predictions, ground truth and reader decisions. */
    public static final String EVENTS_TOPIC = "clinval.events";

    /** The default output topic: the job's alarms. */
    public static final String ALARMS_TOPIC = "clinval.alarms";

    // The contract's pseudonym form: no escapes, so a regex finds it without parsing the line.
    private static final Pattern CASE_ID =
            Pattern.compile("\"case_id\"\\s*:\\s*\"([A-Za-z0-9._-]{1,64})\"");

    private final Producer<String, String> producer;

    /** Opens a producer to the brokers {@code bootstrapServers} ({@code host:port,…}). */
    public EventPublisher(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "clinval-event-publisher");
        this.producer = new KafkaProducer<>(p);
    }

    /**
     * Returns the {@code case_id} of a JSON line, or null when it has none in the pseudonym form.
     */
    public static String caseId(String jsonLine) {
        Matcher m = CASE_ID.matcher(jsonLine);
        return m.find() ? m.group(1) : null;
    }

    /**
     * Sends {@code lines} to {@code topic} in order, then flushes; returns how many were sent
     * (blank lines are skipped).
     *
     * @throws IOException if the broker did not acknowledge every record
     */
    public long publish(Iterable<String> lines, String topic) throws IOException {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) continue;
            sent.add(producer.send(new ProducerRecord<>(topic, caseId(line), line)));
        }
        producer.flush();
        await(sent, topic);
        return sent.size();
    }

    /**
     * Publishes every {@code *.jsonl} file of {@code eventsDir} in name order (the demo's {@code
     * 2026-01.jsonl} … sort by month), each line as it is; returns the number of records sent.
     *
     * @throws IOException if the folder cannot be read or the broker did not acknowledge
     */
    public long publishFolder(Path eventsDir, String topic) throws IOException {
        if (!Files.isDirectory(eventsDir)) {
            throw new IOException("events folder " + eventsDir + " is not a directory");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(eventsDir)) {
            files = s.filter(f -> f.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        }
        long n = 0;
        for (Path f : files) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (line.isBlank()) continue;
                    sent.add(producer.send(new ProducerRecord<>(topic, caseId(line), line)));
                }
            }
            producer.flush();
            await(sent, topic);
            n += sent.size();
        }
        return n;
    }

    private static void await(List<Future<RecordMetadata>> sent, String topic) throws IOException {
        try {
            for (Future<RecordMetadata> f : sent) f.get();
        } catch (ExecutionException e) {
            throw new IOException(
                    "Kafka did not accept an event for " + topic + ": " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while publishing to " + topic, e);
        }
    }

    /** Flushes and closes the producer. */
    @Override
    public void close() {
        producer.close();
    }
}
