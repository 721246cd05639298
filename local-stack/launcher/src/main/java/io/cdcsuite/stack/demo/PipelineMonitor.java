package io.cdcsuite.stack.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.ColumnDefinition;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;

/**
 * Samples the pipeline's stages: records per change topic, per sink connector its committed offsets and lag, and
 * the newest rows of every aggregate serving table (a table with a {@code member_count} column and a
 * {@code __members} sibling).
 */
final class PipelineMonitor {
    private final Admin admin;
    private final CqlSession cql;

    PipelineMonitor(Admin admin, CqlSession cql) {
        this.admin = admin;
        this.cql = cql;
    }

    /** One sample: records per topic, committed records and lag per sink consumer group, newest aggregate rows. */
    record Sample(long nanoTime, Map<String, Long> topicRecords, Map<String, Long> sinkCommitted,
                  Map<String, Long> sinkLag, Map<String, List<String>> aggregates) {
    }

    Sample sample(List<String> sinkConnectors) throws ExecutionException, InterruptedException {
        Map<String, Long> topics = new LinkedHashMap<>();
        List<String> names = admin.listTopics().names().get().stream()
                .filter(topic -> !topic.startsWith("_") && !topic.startsWith("connect-") && !topic.startsWith("dlq"))
                .sorted().toList();
        Map<TopicPartition, Long> ends = new LinkedHashMap<>();
        if (!names.isEmpty()) {
            List<TopicPartition> partitions = new ArrayList<>();
            admin.describeTopics(names).allTopicNames().get().forEach((topic, description) ->
                    description.partitions().forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
            admin.listOffsets(partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                    .all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
            ends.forEach((tp, end) -> topics.merge(tp.topic(), end, Long::sum));
        }
        Map<String, Long> committed = new LinkedHashMap<>();
        Map<String, Long> lag = new LinkedHashMap<>();
        for (String connector : sinkConnectors) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("connect-" + connector)
                    .partitionsToOffsetAndMetadata().get();
            long done = 0;
            long behind = 0;
            for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : offsets.entrySet()) {
                if (entry.getValue() == null) {
                    continue;
                }
                done += entry.getValue().offset();
                behind += Math.max(0, ends.getOrDefault(entry.getKey(), entry.getValue().offset())
                        - entry.getValue().offset());
            }
            committed.put(connector, done);
            lag.put(connector, behind);
        }
        return new Sample(System.nanoTime(), topics, committed, lag, aggregates());
    }

    /** Per aggregate table, its five newest rows as "column=value ..." lines. */
    private Map<String, List<String>> aggregates() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (KeyspaceMetadata keyspace : cql.getMetadata().getKeyspaces().values()) {
            for (TableMetadata table : keyspace.getTables().values()) {
                String name = table.getName().asInternal();
                if (table.getColumn("member_count").isEmpty() || keyspace.getTable(name + "__members").isEmpty()) {
                    continue;
                }
                String qualified = keyspace.getName().asInternal() + "." + name;
                List<Row> rows = cql.execute("SELECT * FROM " + keyspace.getName().asCql(true) + "."
                        + table.getName().asCql(true) + " LIMIT 500").all();
                Comparator<Row> newestFirst = Comparator.comparing(
                        row -> row.getColumnDefinitions().contains("window_start") ? row.getInstant("window_start") : null,
                        Comparator.nullsLast(Comparator.reverseOrder()));
                tables.put(qualified, rows.stream().sorted(newestFirst).limit(5).map(PipelineMonitor::describe).toList());
            }
        }
        return tables;
    }

    private static String describe(Row row) {
        StringBuilder text = new StringBuilder();
        for (ColumnDefinition column : row.getColumnDefinitions()) {
            text.append(text.isEmpty() ? "" : "  ").append(column.getName().asInternal()).append('=')
                    .append(row.getObject(column.getName()));
        }
        return text.toString();
    }
}
