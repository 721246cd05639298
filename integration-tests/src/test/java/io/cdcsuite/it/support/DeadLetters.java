package io.cdcsuite.it.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;

/**
 * Reads a dead-letter queue topic: each record's original key and value as text (they may be anything, even
 * unparseable) and the {@code __connect.errors.*} headers Connect adds with
 * {@code errors.deadletterqueue.context.headers.enable=true}.
 */
public final class DeadLetters {
    public static final String EXCEPTION_MESSAGE = "__connect.errors.exception.message";
    public static final String ORIGINAL_OFFSET = "__connect.errors.offset";

    private DeadLetters() {
    }

    /** One dead-lettered record. */
    public record DeadLetter(String key, String value, Map<String, String> headers) {
        /** Why the record could not be written. */
        public String reason() {
            return headers.get(EXCEPTION_MESSAGE);
        }

        public long originalOffset() {
            return Long.parseLong(headers.get(ORIGINAL_OFFSET));
        }
    }

    /** Reads the topic until it holds {@code count} records; fails if it does not within the timeout. */
    public static List<DeadLetter> await(String bootstrap, String topic, int count, Duration timeout) {
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = TopicReader.consumer(bootstrap)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (letters.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Map<String, String> headers = new LinkedHashMap<>();
                    for (Header header : record.headers()) {
                        headers.put(header.key(), text(header.value()));
                    }
                    letters.add(new DeadLetter(text(record.key()), text(record.value()), headers));
                }
            }
        }
        if (letters.size() < count) {
            throw new AssertionError("dead-letter queue " + topic + ": " + letters.size() + " of " + count
                    + " record(s) within " + timeout.toSeconds() + " s: " + letters);
        }
        return letters;
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
