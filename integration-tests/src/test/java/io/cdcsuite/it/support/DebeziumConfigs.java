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
        config.put("database.hostname", view.mysqlHost());
        config.put("database.port", Integer.toString(view.mysqlPort()));
        config.put("database.user", view.mysqlUser());
        config.put("database.password", view.mysqlPassword());
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
}
