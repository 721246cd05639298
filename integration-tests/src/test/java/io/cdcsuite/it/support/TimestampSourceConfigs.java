package io.cdcsuite.it.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import io.cdcsuite.it.env.TestEnvironment;

/** Configs of our timestamp-polling source for a scenario's tables, tuned to poll fast; callers override keys. */
public final class TimestampSourceConfigs {
    public static final String CONNECTOR_CLASS = "io.cdcsuite.source.timestamp.TimestampSourceConnector";

    private TimestampSourceConfigs() {
    }

    /** Captures {@code tables} of the scenario's database with topic prefix {@code topicPrefix}. */
    public static Map<String, String> mysql(TestEnvironment env, Scenario scenario, String name, String topicPrefix,
                                            String... tables) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("name", name);
        config.put("connector.class", CONNECTOR_CLASS);
        config.put("tasks.max", "1");
        config.putAll(DebeziumConfigs.connection(env));
        config.put("topic.prefix", topicPrefix);
        StringJoiner include = new StringJoiner(",");
        for (String table : tables) {
            include.add(scenario.database() + "\\." + table);
        }
        config.put("table.include.list", include.toString());
        config.put("timestamp.column.name", "last_updated");
        config.put("poll.interval.ms", "200");
        config.put("commit.lag.ms", "500");
        return config;
    }
}
