package io.cdcsuite.source.timestamp;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cdcsuite.source.timestamp.catalog.MySqlCatalog;
import io.cdcsuite.source.timestamp.catalog.TableId;
import io.cdcsuite.source.timestamp.config.ConfigProblem;
import io.cdcsuite.source.timestamp.discovery.CaptureValidator;
import io.cdcsuite.source.timestamp.discovery.CatalogScan;
import io.cdcsuite.source.timestamp.discovery.TableMonitor;
import io.cdcsuite.source.timestamp.discovery.TaskAssignment;
import io.cdcsuite.source.timestamp.jdbc.ConnectionSettings;
import io.cdcsuite.source.timestamp.offset.TableOffset;
import io.cdcsuite.source.timestamp.offset.TablePartition;
import io.cdcsuite.source.timestamp.plan.TablePlanner;

/**
 * Timestamp-polling MySQL source: finds changed rows by a timestamp column and emits Debezium-compatible change
 * events keyed by primary key. Lists the tables, splits them over the tasks and watches for new or dropped ones.
 */
public final class TimestampSourceConnector extends SourceConnector {
    private static final Logger LOG = LoggerFactory.getLogger(TimestampSourceConnector.class);

    /** Logged at every start: what polling cannot see. */
    static final String HARD_DELETE_NOTICE = "Timestamp polling captures inserts and updates (and soft deletes via "
            + TimestampSourceConfig.SOFT_DELETE_COLUMN + "); rows removed by DELETE statements (hard deletes) are "
            + "invisible to polling and are NOT captured";

    private Map<String, String> props;
    private TableMonitor monitor;

    @Override
    public String version() {
        return PluginVersion.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = Map.copyOf(props);
        TimestampSourceConfig config = new TimestampSourceConfig(props);
        LOG.warn(HARD_DELETE_NOTICE);
        TablePlanner planner = new TablePlanner(TablePlanner.Settings.from(config));
        ConnectionSettings connection = ConnectionSettings.from(config);
        TableMonitor.Discoverer discoverer = () -> {
            try (var jdbc = connection.open()) {
                return CatalogScan.scan(new MySqlCatalog(jdbc), config.tableFilter(), planner);
            }
        };
        monitor = new TableMonitor(discoverer, context(), config.tableDiscoveryInterval(), config.retryTimeout(),
                Clock.systemUTC());
        monitor.start(props.getOrDefault("name", config.topicPrefix()));
    }

    @Override
    public Class<? extends Task> taskClass() {
        return TimestampSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        Map<TableId, Long> tables = monitor == null ? null : monitor.tables();
        if (tables == null || tables.isEmpty()) {
            return List.of();
        }
        return TaskAssignment.taskConfigs(props, tables, maxTasks);
    }

    @Override
    public void stop() {
        if (monitor != null) {
            monitor.close();
        }
    }

    @Override
    public ConfigDef config() {
        return TimestampSourceConfig.CONFIG_DEF;
    }

    /**
     * Per-key validation by the ConfigDef, then, when the values are well-formed, the checks that involve several
     * keys and the database (connection, tables, keys, timestamp columns, privileges), each reported on the key to
     * change.
     */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config result = super.validate(connectorConfigs);
        if (result.configValues().stream().anyMatch(value -> !value.errorMessages().isEmpty())) {
            return result;
        }
        TimestampSourceConfig config = TimestampSourceConfig.withoutCrossFieldChecks(connectorConfigs);
        List<ConfigProblem> problems = config.crossFieldProblems();
        if (problems.isEmpty()) {
            problems = CaptureValidator.validate(config);
        }
        problems.forEach(problem -> addProblem(result, problem));
        return result;
    }

    private static void addProblem(Config config, ConfigProblem problem) {
        config.configValues().stream()
                .filter(value -> value.name().equals(problem.key()))
                .findFirst()
                .orElseGet(() -> {
                    ConfigValue value = new ConfigValue(problem.key());
                    config.configValues().add(value);
                    return value;
                })
                .addErrorMessage(problem.message());
    }

    /**
     * Lets users move a table's position through the Connect REST API ({@code PATCH /connectors/<name>/offsets}),
     * e.g. back to a point in time: partition {@code {"server":<topic.prefix>,"protocol":"1","db":..,"table":..}}
     * (keys in this order, see {@link TablePartition}),
     * offset {@code {"ts":"2024-05-01T00:00:00"}} (null resets the table: snapshot or start per snapshot.mode).
     */
    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        String server = connectorConfig.get(TimestampSourceConfig.TOPIC_PREFIX);
        Map<String, String> errors = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            try {
                TablePartition parsed = TablePartition.fromMap(partition);
                if (!parsed.server().equals(server)) {
                    throw new IllegalArgumentException("partition server '" + parsed.server()
                            + "' is not this connector's topic.prefix '" + server + "'");
                }
                if (offset != null) {
                    TableOffset.fromMap(offset);
                }
            } catch (IllegalArgumentException e) {
                errors.put(String.valueOf(partition), e.getMessage());
            }
        });
        if (!errors.isEmpty()) {
            throw new ConnectException("Invalid offsets: " + errors);
        }
        return true;
    }
}
