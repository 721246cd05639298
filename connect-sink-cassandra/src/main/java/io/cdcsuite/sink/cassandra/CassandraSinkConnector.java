package io.cdcsuite.sink.cassandra;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

import io.cdcsuite.sink.cassandra.config.CassandraSinkConfig;
import io.cdcsuite.sink.cassandra.session.ConnectionCheck;

/**
 * Sink connector writing change events (Debezium-style envelopes, unwrapped rows or JSON) to Cassandra or
 * Astra DB as idempotent, order-safe upserts and deletes. Configuration: {@link CassandraSinkConfig}.
 */
public class CassandraSinkConnector extends SinkConnector {
    /** Set by the connector in each task's configuration: the task's number, for metric names. */
    static final String TASK_ID = "task.id";
    /** How many tasks the connector runs: a task alone is the only writer of its aggregates' slots. */
    static final String TASK_COUNT = "task.count";

    private Map<String, String> settings;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        new CassandraSinkConfig(props).validateCombination();
        settings = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return CassandraSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>(maxTasks);
        for (int i = 0; i < maxTasks; i++) {
            Map<String, String> config = new HashMap<>(settings);
            config.put(TASK_ID, Integer.toString(i));
            config.put(TASK_COUNT, Integer.toString(maxTasks));
            configs.add(config);
        }
        return configs;
    }

    @Override
    public void stop() {
        settings = null;
    }

    @Override
    public ConfigDef config() {
        return CassandraSinkConfig.CONFIG_DEF;
    }

    /**
     * Key-by-key validation first; when that passes, the checks that span keys ({@link
     * CassandraSinkConfig#combinationProblems()}, including {@code driver.*} keys) and then, when those pass
     * too, the checks against Cassandra ({@link ConnectionCheck}); every problem lands on the key to fix.
     */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config validated = super.validate(connectorConfigs);
        Map<String, ConfigValue> values = new LinkedHashMap<>();
        validated.configValues().forEach(value -> values.put(value.name(), value));
        if (values.values().stream().anyMatch(value -> !value.errorMessages().isEmpty())) {
            return validated;
        }
        CassandraSinkConfig config;
        try {
            config = new CassandraSinkConfig(connectorConfigs);
        } catch (ConfigException e) {
            addError(values, connectorConfigs, CassandraSinkConfig.CONTACT_POINTS, e.getMessage());
            return new Config(new ArrayList<>(values.values()));
        }
        Map<String, String> problems = config.combinationProblems();
        if (problems.isEmpty()) {
            problems = ConnectionCheck.problems(config);
        }
        problems.forEach((key, message) -> addError(values, connectorConfigs, key, message));
        return new Config(new ArrayList<>(values.values()));
    }

    private static void addError(Map<String, ConfigValue> values, Map<String, String> configs, String key, String message) {
        values.computeIfAbsent(key, k -> new ConfigValue(k, configs.get(k), List.of(), new ArrayList<>()))
                .addErrorMessage(message);
    }
}
