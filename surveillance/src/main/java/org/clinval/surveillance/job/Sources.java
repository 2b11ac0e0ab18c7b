package org.clinval.surveillance.job;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinval.surveillance.event.RawLine;

/** Where the events come from: a folder of JSON-lines files, or a Kafka topic. */
public sealed interface Sources extends Serializable {

    /** Adds the source to {@code env}. */
    DataStream<RawLine> add(StreamExecutionEnvironment env);

    /** Whether the source ends (a folder read once, a topic read up to its end at the start). */
    boolean bounded();

    /**
     * The JSON-lines files of {@code folder}, read in name order by one reader; with {@code
     * bounded} false the folder is watched for new files.
     */
    record Folder(Path folder, boolean bounded) implements Sources {
        @Override
        public DataStream<RawLine> add(StreamExecutionEnvironment env) {
            FileSource.FileSourceBuilder<String> b =
                    FileSource.forRecordStreamFormat(
                                    new TextLineInputFormat(StandardCharsets.UTF_8.name()),
                                    new org.apache.flink.core.fs.Path(folder.toUri()))
                            .setSplitAssigner(SortedSplits::new);
            if (!bounded) b.monitorContinuously(Duration.ofSeconds(5));
            return env.fromSource(b.build(), WatermarkStrategy.noWatermarks(), "events folder")
                    .setParallelism(1)
                    .map(line -> new RawLine("events folder", line))
                    .setParallelism(1)
                    .name("lines");
        }
    }

    /** A Kafka topic from its earliest offset; with {@code bounded} up to its end at the start. */
    record Kafka(String bootstrapServers, String topic, String groupId, boolean bounded)
            implements Sources {
        @Override
        public DataStream<RawLine> add(StreamExecutionEnvironment env) {
            var b =
                    KafkaSource.<RawLine>builder()
                            .setBootstrapServers(bootstrapServers)
                            .setTopics(topic)
                            .setGroupId(groupId)
                            .setStartingOffsets(OffsetsInitializer.earliest())
                            .setDeserializer(new Lines());
            if (bounded) b.setBounded(OffsetsInitializer.latest());
            return env.fromSource(b.build(), WatermarkStrategy.noWatermarks(), "kafka " + topic);
        }
    }

    /** A Kafka record's value as a line, named by topic, partition and offset. */
    final class Lines implements KafkaRecordDeserializationSchema<RawLine> {
        private static final long serialVersionUID = 1L;

        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> r, Collector<RawLine> out)
                throws IOException {
            String text = r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8);
            out.collect(new RawLine(r.topic() + "/" + r.partition() + "@" + r.offset(), text));
        }

        @Override
        public TypeInformation<RawLine> getProducedType() {
            return TypeInformation.of(RawLine.class);
        }
    }
}
