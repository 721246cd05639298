package io.cdcsuite.it.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import io.cdcsuite.it.env.TestEnvironment;

/** Configs of our Cassandra sink for a scenario: each topic to a table of the scenario's keyspace, auto-created. */
public final class CassandraSinkConfigs {
    public static final String CONNECTOR_CLASS = "io.cdcsuite.sink.cassandra.CassandraSinkConnector";

    private CassandraSinkConfigs() {
    }

    /** Writes each topic of {@code tablesByTopic} to the table it names in {@code scenario.keyspace()}. */
    public static Map<String, String> cassandra(TestEnvironment env, Scenario scenario, String name,
                                                Map<String, String> tablesByTopic) {
        TestEnvironment.ConnectView view = env.connectView();
        StringJoiner topics = new StringJoiner(",");
        StringJoiner mapping = new StringJoiner(",");
        tablesByTopic.forEach((topic, table) -> {
            topics.add(topic);
            mapping.add(topic + ":" + scenario.keyspace() + "." + table);
        });
        Map<String, String> config = new LinkedHashMap<>();
        config.put("name", name);
        config.put("connector.class", CONNECTOR_CLASS);
        config.put("tasks.max", "1");
        config.put("topics", topics.toString());
        config.put("contact.points", view.cassandraHost() + ":" + view.cassandraPort());
        config.put("local.datacenter", view.cassandraDatacenter());
        config.put("table.mapping", mapping.toString());
        config.put("auto.create", "true");
        return config;
    }

    /** The same with {@code errors.tolerance=all} and a dead-letter queue topic that carries the error headers. */
    public static Map<String, String> withDeadLetterQueue(Map<String, String> config, String topic) {
        Map<String, String> withDlq = new LinkedHashMap<>(config);
        withDlq.put("errors.tolerance", "all");
        withDlq.put("errors.deadletterqueue.topic.name", topic);
        withDlq.put("errors.deadletterqueue.topic.replication.factor", "1");
        withDlq.put("errors.deadletterqueue.context.headers.enable", "true");
        return withDlq;
    }
}
