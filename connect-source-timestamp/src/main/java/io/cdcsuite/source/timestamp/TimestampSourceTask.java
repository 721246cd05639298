package io.cdcsuite.source.timestamp;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cdcsuite.source.timestamp.capture.CaptureEngine;
import io.cdcsuite.source.timestamp.capture.CaptureSettings;
import io.cdcsuite.source.timestamp.capture.CaptureSetup;
import io.cdcsuite.source.timestamp.capture.Emission;
import io.cdcsuite.source.timestamp.capture.ReadAheadRowSource;
import io.cdcsuite.source.timestamp.capture.RetryPolicy;
import io.cdcsuite.source.timestamp.catalog.MySqlCatalog;
import io.cdcsuite.source.timestamp.catalog.TableDefinition;
import io.cdcsuite.source.timestamp.catalog.TableId;
import io.cdcsuite.source.timestamp.config.ConfigProblem;
import io.cdcsuite.source.timestamp.discovery.TaskAssignment;
import io.cdcsuite.source.timestamp.jdbc.ConnectionSettings;
import io.cdcsuite.source.timestamp.jdbc.JdbcRowSource;
import io.cdcsuite.source.timestamp.jdbc.JdbcSession;
import io.cdcsuite.source.timestamp.metrics.TableMetricsRegistry;
import io.cdcsuite.source.timestamp.offset.TableOffset;
import io.cdcsuite.source.timestamp.offset.TablePartition;
import io.cdcsuite.source.timestamp.plan.PlanResult;
import io.cdcsuite.source.timestamp.plan.TablePlanner;
import io.cdcsuite.source.timestamp.record.RecordBuilder;

/**
 * Captures the tables assigned to it. The first poll plans the tables and restores their offsets; every poll then
 * returns the rows the {@link CaptureEngine} reads. Database failures are retried with backoff (the task emits
 * nothing meanwhile and its offsets stay at the last emitted row) until {@code connection.retry.timeout.ms}.
 */
public final class TimestampSourceTask extends SourceTask {
    private static final Logger LOG = LoggerFactory.getLogger(TimestampSourceTask.class);

    private final CountDownLatch stopping = new CountDownLatch(1);
    private TimestampSourceConfig config;
    private List<TableId> tables;
    private TablePlanner planner;
    private JdbcSession session;
    /** The read-ahead's own connection: it reads while the task thread uses {@link #session}. */
    private JdbcSession readAheadSession;
    private ReadAheadRowSource rowSource;
    private RetryPolicy retry;
    private RecordBuilder recordBuilder;
    private TableMetricsRegistry metrics;
    private CaptureEngine engine;

    @Override
    public String version() {
        return PluginVersion.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        config = new TimestampSourceConfig(props);
        tables = TaskAssignment.tables(props);
        planner = new TablePlanner(TablePlanner.Settings.from(config));
        session = new JdbcSession(ConnectionSettings.from(config));
        readAheadSession = new JdbcSession(ConnectionSettings.from(config));
        rowSource = new ReadAheadRowSource(new JdbcRowSource(session, config.datetimeTimeZone()),
                new JdbcRowSource(readAheadSession, config.datetimeTimeZone()), readAheadSession::reset);
        retry = new RetryPolicy(config.retryBackoff(), config.retryTimeout(), Clock.systemUTC());
        recordBuilder = new RecordBuilder(config.topicPrefix(), PluginVersion.VERSION, config.tombstonesOnDelete(),
                Clock.systemUTC());
        metrics = new TableMetricsRegistry(props.getOrDefault("name", config.topicPrefix()),
                props.getOrDefault(TaskAssignment.TASK_ID, "0"));
        LOG.info("Task starting for table(s) {}; {}", tables, TimestampSourceConnector.HARD_DELETE_NOTICE);
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (stopping.getCount() == 0) {
            return null;
        }
        try {
            if (engine == null) {
                engine = createEngine();
            }
            List<Emission> emissions = engine.poll();
            retry.onSuccess();
            if (emissions.isEmpty()) {
                pause(config.pollInterval());
                return null;
            }
            return recordBuilder.records(emissions);
        } catch (SQLException e) {
            session.reset();
            if (stopping.getCount() == 0) {
                return null;
            }
            Optional<Duration> backoff = retry.onFailure();
            if (backoff.isEmpty()) {
                throw new ConnectException("Database calls have failed for " + retry.failingFor()
                        + " (connection.retry.timeout.ms); last error: " + e.getMessage(), e);
            }
            LOG.warn("Database call failed (SQLState {}, error {}); retrying in {}: {}", e.getSQLState(),
                    e.getErrorCode(), backoff.get(), e.getMessage());
            pause(backoff.get());
            return null;
        }
    }

    private CaptureEngine createEngine() throws SQLException {
        Map<TableId, TableDefinition> definitions = new MySqlCatalog(session.connection()).describe(tables);
        List<Map<String, Object>> partitions = new ArrayList<>();
        tables.forEach(table -> partitions.add(new TablePartition(config.topicPrefix(), table).toMap()));
        Map<Map<String, Object>, Map<String, Object>> stored = context.offsetStorageReader().offsets(partitions);
        return CaptureSetup.engine(tables, definitions, planner, table -> storedOffset(table, stored), metrics::register,
                CaptureSettings.from(config), rowSource,
                table -> new MySqlCatalog(session.connection()).describe(table).map(planner::plan)
                        .orElseGet(() -> PlanResult.refused(List.of(new ConfigProblem(
                                TimestampSourceConfig.TABLE_INCLUDE_LIST, "table " + table + " no longer exists")))));
    }

    private Optional<TableOffset> storedOffset(TableId table, Map<Map<String, Object>, Map<String, Object>> stored) {
        Map<String, Object> offset = stored.get(new TablePartition(config.topicPrefix(), table).toMap());
        if (offset == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(TableOffset.fromMap(offset));
        } catch (IllegalArgumentException e) {
            throw new ConnectException("The stored offset of " + table + " is invalid (" + e.getMessage()
                    + "); correct or reset it through the Connect REST API (/connectors/<name>/offsets)", e);
        }
    }

    private void pause(Duration duration) throws InterruptedException {
        stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        stopping.countDown();
        if (rowSource != null) {
            rowSource.close();
        }
        if (session != null) {
            session.close();
        }
        if (readAheadSession != null) {
            readAheadSession.close();
        }
        if (metrics != null) {
            metrics.close();
        }
    }
}
