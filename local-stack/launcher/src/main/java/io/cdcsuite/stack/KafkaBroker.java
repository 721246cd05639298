package io.cdcsuite.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;

/** A single-node Kafka 4.3 broker in KRaft combined mode (broker and controller in one process). */
public final class KafkaBroker {
    public static final String NAME = "kafka";

    private final StackLayout layout;
    private final Path dir;
    private final Path pidDir;
    private final int port;
    private final int controllerPort;
    private ManagedProcess process;

    KafkaBroker(StackLayout layout, Path dir, Path pidDir, int port, int controllerPort) {
        this.layout = layout;
        this.dir = dir;
        this.pidDir = pidDir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public ManagedProcess process() {
        return process;
    }

    /** The broker's log directory: one folder per topic partition ({@code <topic>-<partition>}). */
    public Path dataDir() {
        return dir.resolve("data");
    }

    /** An admin client for tests and health checks; the caller closes it. */
    public Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        return Admin.create(props);
    }

    /** Records per topic (end minus start offsets), for every topic but Kafka's, Connect's and Debezium's own. */
    public Map<String, Long> recordCounts() throws ExecutionException, InterruptedException {
        try (Admin admin = admin()) {
            List<TopicPartition> partitions = new ArrayList<>();
            Set<String> topics = admin.listTopics().names().get().stream()
                    .filter(topic -> !topic.startsWith("_") && !topic.startsWith("connect-"))
                    .collect(Collectors.toCollection(TreeSet::new));
            admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) ->
                    description.partitions().forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> earliest = admin.listOffsets(
                    partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.earliest()))).all().get();
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> latest = admin.listOffsets(
                    partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()))).all().get();
            Map<String, Long> counts = new TreeMap<>();
            topics.forEach(topic -> counts.put(topic, 0L));
            partitions.forEach(tp -> counts.merge(tp.topic(), latest.get(tp).offset() - earliest.get(tp).offset(),
                    Long::sum));
            return counts;
        }
    }

    boolean attach() {
        process = ManagedProcess.attach(NAME, dir.resolve("kafka.log"), pidDir).orElse(null);
        return process != null && isHealthy();
    }

    void start() {
        Path config = Resources.render("kafka/server.properties", dir.resolve("server.properties"), Map.of(
                "port", port, "controllerPort", controllerPort, "dataDir", dataDir()));
        Path logConfig = Resources.render("log4j2.properties", dir.resolve("log4j2.properties"), Map.of());
        if (!Files.isDirectory(dataDir())) {
            ManagedProcess.runToCompletion("kafka storage format",
                    JavaCommand.currentJdk().heap("256m").property("log4j2.configurationFile", logConfig)
                            .main(layout.kafkaLib(), "kafka.tools.StorageTool", "format", "--ignore-formatted",
                                    "-t", clusterId(), "-c", config.toString()),
                    dir, dir.resolve("format.log"), Map.of(), Duration.ofMinutes(2));
        }
        process = ManagedProcess.start(NAME,
                JavaCommand.currentJdk().heap("768m").option("-XX:+UseG1GC")
                        .property("log4j2.configurationFile", logConfig)
                        .main(layout.kafkaLib(), "kafka.Kafka", config.toString()),
                dir, dir.resolve("kafka.log"), Map.of(), pidDir);
        Await.healthy(process, Duration.ofSeconds(90), () -> Await.portOpen(port) && isHealthy());
    }

    void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
        }
    }

    private boolean isHealthy() {
        try (Admin admin = admin()) {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * KRaft wants a base64 UUID as the cluster id. Kafka's own never starts with '-', which the storage tool's argument
     * parser would take for an option (a hand-made one did, once in 64 starts).
     */
    private static String clusterId() {
        return Uuid.randomUuid().toString();
    }
}
