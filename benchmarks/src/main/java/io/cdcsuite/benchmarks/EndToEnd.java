package io.cdcsuite.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.Properties;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import io.cdcsuite.stack.ConnectorConfigs;
import io.cdcsuite.stack.LocalStack;
import io.cdcsuite.stack.StackLayout;

/** What the end-to-end harnesses share: settings, waiting on Kafka, percentiles, load and the results file. */
final class EndToEnd {
    private static final Duration PHASE_TIMEOUT = Duration.ofMinutes(30);
    /** How often commits are checked: the worker commits once a second, and the steady rates need the moments. */
    static final Duration COMMIT_POLL = Duration.ofMillis(100);

    private EndToEnd() {
    }

    /** {@code key=value} arguments over the defaults; unknown keys are rejected so a typo does not pass. */
    static Map<String, String> settings(Map<String, String> defaults, String[] args) {
        Map<String, String> settings = new LinkedHashMap<>(defaults);
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            if (pair.length != 2 || !settings.containsKey(pair[0])) {
                throw new IllegalArgumentException("unknown argument " + arg + "; known (with defaults): " + defaults);
            }
            settings.put(pair[0], pair[1]);
        }
        return settings;
    }

    /** Adds {@code key:value,key:value} (a benchmark's setting for an experiment) to a connector config. */
    static void putAll(Map<String, String> config, String pairs) {
        for (String pair : pairs.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] keyValue = pair.split(":", 2);
            if (keyValue.length != 2) {
                throw new IllegalArgumentException("not key:value: " + pair);
            }
            config.put(keyValue[0].trim(), keyValue[1].trim());
        }
    }

    /**
     * A connector config shipped in {@code config/connectors/}, to override per run. Its {@code ${env:CDC_*}} and
     * {@code ${file:...}} placeholders stay: the stack's worker resolves them to its own hosts, ports and secrets.
     */
    static Map<String, String> shippedConnector(String fileName) {
        return new LinkedHashMap<>(ConnectorConfigs.read(
                StackLayout.locate().projectDir().resolve("config/connectors").resolve(fileName)));
    }

    /** The 1-minute load average and the machine's cores, for the conditions of a measurement. */
    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return "load " + parts[0] + " on " + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (IOException | RuntimeException e) {
            return "load unknown on " + Runtime.getRuntime().availableProcessors() + " cores";
        }
    }

    /**
     * Creates topics whose records carry the broker's append time ({@code LogAppendTime}): the record timestamps
     * then say when each record reached Kafka, whatever timestamp the connector set.
     */
    static void createTopics(LocalStack stack, int partitions, String... topics) throws Exception {
        try (Admin admin = stack.kafka().admin()) {
            List<NewTopic> newTopics = new ArrayList<>();
            for (String topic : topics) {
                newTopics.add(new NewTopic(topic, partitions, (short) 1)
                        .configs(Map.of("message.timestamp.type", "LogAppendTime")));
            }
            admin.createTopics(newTopics).all().get();
        }
    }

    static Map<TopicPartition, Long> endOffsets(LocalStack stack, String topic) throws Exception {
        try (Admin admin = stack.kafka().admin()) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            Map<TopicPartition, Long> end = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) -> end.put(partition, info.offset()));
            return end;
        }
    }

    static long recordCount(LocalStack stack, String topic) throws Exception {
        return total(endOffsets(stack, topic));
    }

    /** The sum of the offsets over all partitions. */
    static long total(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The offsets the consumer group of sink connector {@code connector} has committed, by partition. */
    static Map<TopicPartition, Long> committedOffsets(Admin admin, String connector) throws Exception {
        Map<TopicPartition, Long> committed = new HashMap<>();
        admin.listConsumerGroupOffsets("connect-" + connector).partitionsToOffsetAndMetadata().get()
                .forEach((partition, offset) -> committed.put(partition, offset.offset()));
        return committed;
    }

    /** Whether every partition's committed offset is at least its end offset minus {@code slack}. */
    static boolean committedNear(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> end, long slack) {
        return end.entrySet().stream().allMatch(partition -> committed.get(partition.getKey()) != null
                && committed.get(partition.getKey()) >= partition.getValue() - slack);
    }

    /**
     * Waits until the consumer group of sink connector {@code connector} has committed offsets within {@code slack} of
     * every partition's end, checking every {@link #COMMIT_POLL}: {@code progress} gets the total committed at every
     * check, and {@code healthy} must hold too (it may throw to fail the run).
     */
    static void awaitCommittedNear(LocalStack stack, String connector, Map<TopicPartition, Long> end, long slack,
                                   LongConsumer progress, Condition healthy) throws Exception {
        try (Admin admin = stack.kafka().admin()) {
            await(connector + " to commit offsets within " + slack + " of the end", COMMIT_POLL, () -> {
                Map<TopicPartition, Long> committed = committedOffsets(admin, connector);
                progress.accept(total(committed));
                return healthy.holds() && committedNear(committed, end, slack);
            });
        }
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    static void await(String what, Duration interval, Condition condition) throws Exception {
        long deadline = System.nanoTime() + PHASE_TIMEOUT.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + PHASE_TIMEOUT + " waiting for " + what);
            }
            Thread.sleep(interval.toMillis());
        }
    }

    static KafkaConsumer<byte[], byte[]> consumer(LocalStack stack) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Append times of a topic's first and last record and the mean serialized size of up to 2,000 records. */
    record TopicSpan(Instant first, Instant last, double meanRecordBytes) {
        double seconds() {
            return Duration.between(first, last).toNanos() / 1e9;
        }
    }

    static TopicSpan span(LocalStack stack, String topic) throws Exception {
        Map<TopicPartition, Long> end = endOffsets(stack, topic);
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long bytes = 0;
        int sampled = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(stack)) {
            for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
                if (partition.getValue() == 0) {
                    continue;
                }
                consumer.assign(List.of(partition.getKey()));
                consumer.seekToBeginning(List.of(partition.getKey()));
                for (ConsumerRecord<byte[], byte[]> record : pollSome(consumer)) {
                    first = Math.min(first, record.timestamp());
                    if (sampled < 2_000) {
                        bytes += record.serializedKeySize() + Math.max(0, record.serializedValueSize());
                        sampled++;
                    }
                }
                consumer.seek(partition.getKey(), partition.getValue() - 1);
                for (ConsumerRecord<byte[], byte[]> record : pollSome(consumer)) {
                    last = Math.max(last, record.timestamp());
                }
            }
        }
        return new TopicSpan(Instant.ofEpochMilli(first), Instant.ofEpochMilli(last), bytes / (double) sampled);
    }

    private static List<ConsumerRecord<byte[], byte[]>> pollSome(KafkaConsumer<byte[], byte[]> consumer) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            if (!records.isEmpty()) {
                return records;
            }
        }
        throw new IllegalStateException("no records within 30 s from " + consumer.assignment());
    }

    /** p50, p90, p99 and max of a sample, as text. */
    static String percentiles(long[] values, String unit) {
        if (values.length == 0) {
            return "no samples";
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "p50 %d %s, p90 %d %s, p99 %d %s, max %d %s (%,d samples)",
                at(sorted, 0.50), unit, at(sorted, 0.90), unit, at(sorted, 0.99), unit, sorted[sorted.length - 1],
                unit, sorted.length);
    }

    static long at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Echoes a line of the report and keeps it for the results file. */
    static final class Report {
        private final StringBuilder text = new StringBuilder();

        void line(String format, Object... args) {
            String line = String.format(Locale.ROOT, format, args);
            System.out.println(line);
            text.append(line).append('\n');
        }

        /** Writes {@code benchmarks/results/<name>-<date>.md} (a second run the same day gets a suffix). */
        Path write(String name, String title, Map<String, String> settings) {
            Path dir = StackLayout.locate().projectDir().resolve("benchmarks/results");
            try {
                Files.createDirectories(dir);
                Path file = dir.resolve(name + "-" + LocalDate.now() + ".md");
                for (int i = 2; Files.exists(file); i++) {
                    file = dir.resolve(name + "-" + LocalDate.now() + "-" + i + ".md");
                }
                StringBuilder md = new StringBuilder("# ").append(title).append("\n\n")
                        .append("Run ").append(Instant.now()).append(", Java ").append(Runtime.version())
                        .append(", ").append(Runtime.getRuntime().availableProcessors())
                        .append(" cores; every process (MySQL, Kafka, Connect, Cassandra, this harness) on the same "
                                + "machine. Settings: `").append(settings).append("`\n\n```\n").append(text)
                        .append("```\n");
                Files.writeString(file, md);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
