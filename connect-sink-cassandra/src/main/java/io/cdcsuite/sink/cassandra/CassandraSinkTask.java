package io.cdcsuite.sink.cassandra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.datastax.oss.driver.api.core.CqlSession;

import io.cdcsuite.sink.cassandra.aggregate.AggregateWriter;
import io.cdcsuite.sink.cassandra.config.CassandraSinkConfig;
import io.cdcsuite.sink.cassandra.mapping.RecordMapper;
import io.cdcsuite.sink.cassandra.mapping.TableRouter;
import io.cdcsuite.sink.cassandra.metrics.SinkMetrics;
import io.cdcsuite.sink.cassandra.schema.SchemaManager;
import io.cdcsuite.sink.cassandra.schema.SessionCatalog;
import io.cdcsuite.sink.cassandra.session.SessionFactory;
import io.cdcsuite.sink.cassandra.write.AsyncWriter;
import io.cdcsuite.sink.cassandra.write.ChangeWriter;
import io.cdcsuite.sink.cassandra.write.DeadLetterRouter;
import io.cdcsuite.sink.cassandra.write.RowConverter;
import io.cdcsuite.sink.cassandra.write.SessionRowWriteExecutor;
import io.cdcsuite.sink.cassandra.write.SinkProcessor;
import io.cdcsuite.sink.cassandra.write.TableChangeWriter;
import io.cdcsuite.sink.cassandra.write.WriteTimestampPolicy;

/**
 * The sink task: connects to Cassandra and hands records to a {@link SinkProcessor}. Offsets are committed
 * only as far as {@link SinkProcessor#committableOffsets()} allows.
 */
public class CassandraSinkTask extends SinkTask {
    private static final Logger LOG = LoggerFactory.getLogger(CassandraSinkTask.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** How long the first put() waits for the session before handing its batch back. */
    private static final long SESSION_WAIT_MILLIS = 10_000;
    /** How long closing partitions waits for their writes, so that their next owner does not overlap them. */
    private static final long DRAIN_MILLIS = 60_000;

    private CassandraSinkConfig config;
    private String taskId;
    private int taskCount;
    private CompletableFuture<CqlSession> session;
    private SinkMetrics metrics;
    private AsyncWriter writer;
    private SinkProcessor processor;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new CassandraSinkConfig(props);
        config.validateCombination();
        taskId = props.getOrDefault(CassandraSinkConnector.TASK_ID, "0");
        taskCount = Integer.parseInt(props.getOrDefault(CassandraSinkConnector.TASK_COUNT, "1"));
        String sessionName = config.connectorName() + "-" + taskId;
        session = SessionFactory.connect(config, sessionName, true, CONNECT_TIMEOUT).toCompletableFuture();
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        processor().put(records);
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        return processor == null ? Map.of() : processor.committableOffsets();
    }

    @Override
    public void open(Collection<TopicPartition> partitions) {
        if (processor != null) {
            processor.reset(partitions);
        }
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        if (processor != null) {
            processor.drain(DRAIN_MILLIS);
            processor.reset(partitions);
        }
    }

    @Override
    public void stop() {
        if (processor != null) {
            processor.close(DRAIN_MILLIS);
        }
        if (writer != null) {
            writer.close();
        }
        if (metrics != null) {
            metrics.close();
        }
        if (session != null) {
            session.cancel(false);
            session.thenAccept(CqlSession::close);
        }
    }

    private SinkProcessor processor() {
        if (processor != null) {
            return processor;
        }
        CqlSession cqlSession;
        try {
            cqlSession = session.get(SESSION_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("Cassandra is not reachable yet; the batch will be redelivered");
            context.timeout(config.retryBackoffMaxMs());
            throw new RetriableException("Not connected to Cassandra yet");
        } catch (ExecutionException e) {
            throw new ConnectException("Cannot connect to Cassandra: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableException("Interrupted while connecting to Cassandra", e);
        }
        metrics = new SinkMetrics(config.connectorName(), taskId);
        writer = new AsyncWriter("cassandra-sink-writer-" + config.connectorName() + "-" + taskId,
                config.maxInflightRequests(), config.retryBackoffInitialMs(), config.retryBackoffMaxMs(),
                config.retryTimeoutMs(), metrics);
        RecordMapper mapper = new RecordMapper(new TableRouter(config.tableMappings(), config.tableNameTemplate()),
                config.columnMappings(), config.deleteMarkers(), config.ttlField());
        SchemaManager schemas = new SchemaManager(new SessionCatalog(cqlSession), config.autoCreate(),
                config.autoEvolve(), config.keyspaceReplication());
        RowConverter converter = new RowConverter(config.nullHandling(), config.unmappedFields(), config::ttlSeconds);
        TableChangeWriter tables = new TableChangeWriter(config.batchMaxStatements(), config.batchMaxPartitions(),
                new SessionRowWriteExecutor(cqlSession, config::consistencyLevel));
        boolean tolerateAll = "all".equals(String.valueOf(config.originals().get("errors.tolerance")));
        DeadLetterRouter deadLetters = new DeadLetterRouter(context.errantRecordReporter(), tolerateAll);
        List<ChangeWriter> changeWriters = new ArrayList<>(List.of(tables));
        if (!config.aggregates().isEmpty()) {
            // with other tasks, a slot may get members from several of them: their recomputes are verified
            AggregateWriter.Settings settings = new AggregateWriter.Settings(cqlSession, config::consistencyLevel,
                    config.batchMaxStatements(), taskCount > 1);
            changeWriters.add(new AggregateWriter(config.aggregates(), new SessionCatalog(cqlSession), config.autoCreate(),
                    config.keyspaceReplication(), settings, deadLetters));
        }
        processor = new SinkProcessor(mapper, schemas, converter, new WriteTimestampPolicy(config.writeTimestampSource()),
                changeWriters, writer, deadLetters, metrics, context, config.retryBackoffInitialMs(),
                config.baseTablesEnabled());
        return processor;
    }
}
