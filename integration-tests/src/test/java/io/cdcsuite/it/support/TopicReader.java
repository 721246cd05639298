package io.cdcsuite.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic written with Connect's JsonConverter ({@code {"schema":..,"payload":..}}) from the beginning,
 * until a condition on everything read so far holds, or up to its current end.
 */
public final class TopicReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHOWN_RECORDS = 20;

    private TopicReader() {
    }

    /** One consumed record: key and value as JSON envelopes (value {@link NullNode} for a tombstone). */
    public record Message(JsonNode key, JsonNode value, long offset, int partition) {
        public boolean isTombstone() {
            return value.isNull();
        }

        public JsonNode payload() {
            return value.path("payload");
        }

        public JsonNode keyPayload() {
            return key.path("payload");
        }

        public String op() {
            return payload().path("op").asText();
        }
    }

    /** Everything the topic holds now (up to its end offsets at the time of the call). */
    public static List<Message> readAll(String bootstrap, String topic) {
        List<Message> messages = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("topic " + topic + ": could not read up to " + end + " within 60 s");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.get(new TopicPartition(topic, record.partition()))) {
                        messages.add(message(record));
                    }
                }
            }
        }
        return messages;
    }

    public static List<Message> readUntil(String bootstrap, String topic, Duration timeout,
                                          Predicate<List<Message>> done) {
        return readUntil(bootstrap, topic, timeout, done, TopicReader::lastRecords);
    }

    /** As {@link #readUntil(String, String, Duration, Predicate)}; {@code explain} describes a timeout's state. */
    public static List<Message> readUntil(String bootstrap, String topic, Duration timeout,
                                          Predicate<List<Message>> done, Function<List<Message>, String> explain) {
        List<Message> messages = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    messages.add(message(record));
                }
                if (done.test(messages)) {
                    return messages;
                }
            }
        }
        throw new AssertionError("topic " + topic + ": condition not met within " + timeout.toSeconds() + " s; read "
                + messages.size() + " record(s); " + explain.apply(messages));
    }

    /** A consumer of raw bytes reading from the earliest offset, in a group of its own. */
    static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static Message message(ConsumerRecord<byte[], byte[]> record) {
        return new Message(parse(record.key()), parse(record.value()), record.offset(), record.partition());
    }

    /** The last records, each as {@code offset key op} (or {@code tombstone}), or their value when it has no op. */
    private static String lastRecords(List<Message> messages) {
        int from = Math.max(0, messages.size() - SHOWN_RECORDS);
        StringBuilder text = new StringBuilder(from > 0 ? "the last " + SHOWN_RECORDS + ":" : "all:");
        for (Message message : messages.subList(from, messages.size())) {
            text.append("\n  ").append(message.offset()).append(' ').append(message.keyPayload()).append(' ')
                    .append(message.isTombstone() ? "tombstone"
                            : message.op().isEmpty() ? message.payload().toString() : message.op());
        }
        return text.toString();
    }

    private static JsonNode parse(byte[] bytes) {
        if (bytes == null) {
            return NullNode.getInstance();
        }
        try {
            return JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
