package io.cdcsuite.it.support;

import java.util.LinkedHashMap;
import java.util.Map;

import io.cdcsuite.it.env.TestEnvironment;

/** Debezium MySQL connector configs for a scenario: its own server id, topic prefix and schema-history topic. */
public final class DebeziumConfigs {
    private DebeziumConfigs() {
    }

    public static Map<String, String> mysql(TestEnvironment env, Scenario scenario, String name, String... tables) {
        TestEnvironment.ConnectView view = env.connectView();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("name", name);
        config.put("connector.class", "io.debezium.connector.mysql.MySqlConnector");
        config.put("tasks.max", "1");
        config.putAll(connection(env));
        config.put("database.server.id", Integer.toString(scenario.serverId()));
        config.put("topic.prefix", scenario.topicPrefix());
        config.put("database.include.list", scenario.database());
        StringBuilder include = new StringBuilder();
        for (String table : tables) {
            include.append(include.isEmpty() ? "" : ",").append(scenario.database()).append('.').append(table);
        }
        config.put("table.include.list", include.toString());
        config.put("include.schema.changes", "false");
        config.put("schema.history.internal.kafka.bootstrap.servers", view.kafkaBootstrap());
        config.put("schema.history.internal.kafka.topic", "_schema-history." + scenario.topicPrefix());
        return config;
    }

    /**
     * The stack's MySQL address and the connectors' user, as the worker reaches them, under Debezium's keys (the
     * timestamp source uses the same ones).
     */
    public static Map<String, String> connection(TestEnvironment env) {
        TestEnvironment.ConnectView view = env.connectView();
        Map<String, String> connection = new LinkedHashMap<>();
        connection.put("database.hostname", view.mysqlHost());
        connection.put("database.port", Integer.toString(view.mysqlPort()));
        connection.put("database.user", view.mysqlUser());
        connection.put("database.password", view.mysqlPassword());
        return connection;
    }
}
