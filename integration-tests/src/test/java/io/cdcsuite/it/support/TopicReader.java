package io.cdcsuite.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic written with Connect's JsonConverter ({@code {"schema":..,"payload":..}}) from the beginning,
 * until a condition on everything read so far holds.
 */
public final class TopicReader {
    private static final ObjectMapper JSON = new ObjectMapper();

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

    public static List<Message> readUntil(String bootstrap, String topic, Duration timeout,
                                          Predicate<List<Message>> done) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<Message> messages = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    messages.add(new Message(parse(record.key()), parse(record.value()), record.offset(),
                            record.partition()));
                }
                if (done.test(messages)) {
                    return messages;
                }
            }
        }
        throw new AssertionError("topic " + topic + ": condition not met within " + timeout.toSeconds() + " s; read "
                + messages.size() + " record(s): " + messages);
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
