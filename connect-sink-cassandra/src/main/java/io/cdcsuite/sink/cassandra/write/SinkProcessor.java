package io.cdcsuite.sink.cassandra.write;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.datastax.oss.driver.api.core.DriverException;

import io.cdcsuite.sink.cassandra.cql.TableId;
import io.cdcsuite.sink.cassandra.mapping.NormalizedRecord;
import io.cdcsuite.sink.cassandra.mapping.RecordMapper;
import io.cdcsuite.sink.cassandra.mapping.RecordMappingException;
import io.cdcsuite.sink.cassandra.mapping.RowChange;
import io.cdcsuite.sink.cassandra.metrics.SinkMetrics;
import io.cdcsuite.sink.cassandra.schema.SchemaManager;

/**
 * The sink's write path, driven by the task: {@link #put} maps, stamps, converts, coalesces and submits a
 * batch of records; {@link #committableOffsets} tells which offsets are safe to commit.
 *
 * <p>One put() runs in three steps. (1) Without side effects: skip records already accepted (a redelivery),
 * parse and map the others. (2) Schema I/O for the batch's tables; if Cassandra is unavailable here the
 * batch is handed back with a RetriableException, nothing of it accepted. (3) Accept the records in offset
 * order: each gets its write timestamp and joins the offset tracker; unwritable ones go to the dead-letter
 * queue; the rest become row writes, are coalesced per row, planned into units by every {@link ChangeWriter}
 * and submitted. If the writer cannot start the units (or a change writer has no room for another batch)
 * within a short time (Cassandra slow or down), the task pauses its partitions and resumes them once the
 * backlog has started, so the consumer keeps polling and the task stays in its group during an outage.
 */
public final class SinkProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(SinkProcessor.class);

    /** Longest put() waits for its units to start before pausing the partitions. */
    static final long MAX_PUT_BLOCK_MILLIS = 2_000;
    /** How soon the framework calls put() again while the partitions are paused. */
    static final long PAUSED_POLL_MILLIS = 500;

    private final RecordMapper mapper;
    private final SchemaManager schemas;
    private final RowConverter converter;
    private final WriteTimestampPolicy timestamps;
    private final List<ChangeWriter> changeWriters;
    private final AsyncWriter writer;
    private final DeadLetterRouter deadLetters;
    private final SinkMetrics metrics;
    private final SinkTaskContext context;
    private final long retryBackoffMillis;
    /** False when only derived tables (aggregates) are written. */
    private final boolean baseTables;

    private final OffsetTracker offsets = new OffsetTracker();
    private final Map<TopicPartition, Long> lastAccepted = new HashMap<>();
    /** Per partition, the key of the last record when it was an envelope delete: its tombstone is redundant. */
    private final Map<TopicPartition, Object> lastEnvelopeDeleteKey = new HashMap<>();
    private boolean paused;

    /** One record of a put() between the steps. */
    private static final class Incoming {
        final SinkRecord record;
        final TopicPartition partition;
        NormalizedRecord normalized;
        RowChange change;
        RuntimeException error;

        Incoming(SinkRecord record, TopicPartition partition) {
            this.record = record;
            this.partition = partition;
        }
    }

    public SinkProcessor(RecordMapper mapper, SchemaManager schemas, RowConverter converter,
                         WriteTimestampPolicy timestamps, List<ChangeWriter> changeWriters, AsyncWriter writer,
                         DeadLetterRouter deadLetters, SinkMetrics metrics, SinkTaskContext context,
                         long retryBackoffMillis, boolean baseTables) {
        this.mapper = mapper;
        this.schemas = schemas;
        this.converter = converter;
        this.timestamps = timestamps;
        this.changeWriters = List.copyOf(changeWriters);
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.context = context;
        this.retryBackoffMillis = retryBackoffMillis;
        this.baseTables = baseTables;
    }

    public void put(Collection<SinkRecord> records) {
        handleWriteFailures();
        Map<TopicPartition, Object> deleteKeys = new HashMap<>(lastEnvelopeDeleteKey);
        List<Incoming> batch = map(records, deleteKeys);
        prepareSchemas(batch);
        List<RecordPosition> accepted = new ArrayList<>(batch.size());
        List<AcceptedChange> changes = new ArrayList<>(batch.size());
        List<RowWrite> writes = accept(batch, accepted, changes);
        lastEnvelopeDeleteKey.clear();
        lastEnvelopeDeleteKey.putAll(deleteKeys);
        WriteBatch writeBatch = new WriteBatch(changes, ChangeCoalescer.coalesce(writes));
        List<WriteUnit> units = new ArrayList<>();
        for (ChangeWriter changeWriter : changeWriters) {
            units.addAll(changeWriter.plan(writeBatch));
        }
        units.forEach(unit -> unit.positions().forEach(RecordPosition::retain));
        writer.submit(units);
        accepted.forEach(RecordPosition::release);
        applyBackpressure();
    }

    /** Offsets whose records, and every record before them, are written (see {@link OffsetTracker}). */
    public Map<TopicPartition, OffsetAndMetadata> committableOffsets() {
        return offsets.committable();
    }

    /** Forgets the state of partitions the task no longer (or newly) owns; they resume from committed offsets. */
    public void reset(Collection<TopicPartition> partitions) {
        offsets.forget(partitions);
        timestamps.forget(partitions);
        partitions.forEach(partition -> {
            lastAccepted.remove(partition);
            lastEnvelopeDeleteKey.remove(partition);
        });
        changeWriters.forEach(ChangeWriter::partitionsChanged);
    }

    /**
     * Waits, at most {@code timeoutMillis}, until every submitted unit has been acknowledged or given up, so that
     * partitions handed to another task are not written by this one any more; false on timeout.
     */
    public boolean drain(long timeoutMillis) {
        try {
            boolean idle = writer.awaitIdle(timeoutMillis);
            if (!idle) {
                LOG.warn("Writes still running after {} ms; the partitions' next owner may overlap them", timeoutMillis);
            }
            return idle;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The task stops: work that has not begun is abandoned (its records are not committed), the rest drained. */
    public void close(long timeoutMillis) {
        changeWriters.forEach(ChangeWriter::close);
        drain(timeoutMillis);
    }

    /** Step 1: skip redeliveries, parse and map; no side effects beyond the local deleteKeys. */
    private List<Incoming> map(Collection<SinkRecord> records, Map<TopicPartition, Object> deleteKeys) {
        List<Incoming> batch = new ArrayList<>(records.size());
        Map<TopicPartition, Long> seen = new HashMap<>();
        for (SinkRecord record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.kafkaPartition());
            Long last = seen.containsKey(partition) ? seen.get(partition) : lastAccepted.get(partition);
            if (last != null && record.kafkaOffset() <= last) {
                continue; // already accepted: it is being written or was written
            }
            seen.put(partition, record.kafkaOffset());
            Incoming incoming = new Incoming(record, partition);
            batch.add(incoming);
            Object previousDeleteKey = deleteKeys.remove(partition);
            if (record.value() == null && previousDeleteKey != null && Objects.deepEquals(previousDeleteKey, record.key())) {
                continue; // the tombstone after an envelope delete: that delete did the work
            }
            try {
                incoming.normalized = NormalizedRecord.of(record);
                incoming.change = mapper.map(incoming.normalized);
            } catch (RecordMappingException e) {
                incoming.error = e;
            }
            if (incoming.change != null && incoming.change.origin() == RowChange.Origin.ENVELOPE
                    && incoming.change.kind() == RowChange.Kind.DELETE && record.key() != null) {
                deleteKeys.put(partition, record.key());
            }
        }
        return batch;
    }

    /** Step 2: schema I/O; nothing is accepted yet, so a failure here hands the whole batch back. */
    private void prepareSchemas(List<Incoming> batch) {
        List<RowChange> changes = new ArrayList<>();
        batch.stream().filter(i -> i.change != null).forEach(i -> changes.add(i.change));
        if (changes.isEmpty()) {
            return;
        }
        try {
            if (baseTables) {
                schemas.prepare(changes);
            }
            for (ChangeWriter changeWriter : changeWriters) {
                changeWriter.prepare(changes);
            }
        } catch (DriverException e) {
            FailureKind kind = FailureKind.of(e);
            if (kind == FailureKind.TRANSIENT || kind == FailureKind.SUSPECT) {
                LOG.warn("Cannot read or change the schema now, the batch will be redelivered: {}", e.toString());
                context.timeout(retryBackoffMillis);
                throw new RetriableException("Cassandra schema operation failed", e);
            }
            throw new ConnectException("Cassandra refused a schema operation: " + e.getMessage(), e);
        }
    }

    /**
     * Step 3: accept in offset order, stamp, convert; unwritable records go to the dead-letter queue. Collects the
     * accepted changes for derived tables and returns the base tables' row writes.
     */
    private List<RowWrite> accept(List<Incoming> batch, List<RecordPosition> accepted, List<AcceptedChange> changes) {
        List<RowWrite> writes = new ArrayList<>(batch.size());
        for (Incoming incoming : batch) {
            SinkRecord record = incoming.record;
            TopicPartition partition = incoming.partition;
            // tombstones and unreadable records have no time of their own: they follow their predecessor
            long natural = record.value() == null || incoming.normalized == null ? WriteTimestampPolicy.NO_TIME
                    : timestamps.naturalMicros(record, incoming.normalized.value(), incoming.normalized.valueSchema());
            WriteTimestampPolicy.Stamp stamp = timestamps.next(partition, natural, WriteTimestampPolicy.kafkaMicros(record));
            RecordPosition position = new RecordPosition(record, partition, stamp.clean(), deadLetters.needsRecords());
            offsets.accept(position);
            lastAccepted.put(partition, record.kafkaOffset());
            accepted.add(position);
            if (incoming.error != null) {
                fail(position, incoming.error, null);
                continue;
            }
            RowChange change = incoming.change;
            if (change == null) {
                continue; // nothing to write: a redundant tombstone, a truncate or message event
            }
            if (!stamp.hasTime()) {
                fail(position, new RecordMappingException("the record has no timestamp to order its write by "
                        + "(no envelope ts and no Kafka timestamp)"), change.table());
                continue;
            }
            changes.add(new AcceptedChange(change, stamp.micros(), position));
            if (!baseTables) {
                continue;
            }
            try {
                writes.add(converter.convert(change, schemas.layout(change.table()), stamp.micros(), position));
            } catch (RecordMappingException e) {
                fail(position, e, change.table());
            }
        }
        return writes;
    }

    private void fail(RecordPosition position, Throwable error, TableId table) {
        if (table != null) {
            metrics.failed(table, 1);
        }
        deadLetters.report(position, error);
    }

    /** Units the writer gave up on: fatal ones fail the task, the others' records are dead-lettered. */
    private void handleWriteFailures() {
        for (AsyncWriter.Failure failure : writer.drainFailures()) {
            WriteUnit unit = failure.unit();
            if (failure.fatal()) {
                throw new ConnectException("Cannot write to Cassandra: " + failure.error().getMessage(), failure.error());
            }
            for (RecordPosition position : unit.positions()) {
                fail(position, failure.error(), unit.table());
                position.release();
            }
        }
    }

    private void applyBackpressure() {
        boolean started;
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_PUT_BLOCK_MILLIS);
            started = writer.awaitWaitingAtMost(writer.maxInFlight(), MAX_PUT_BLOCK_MILLIS);
            for (ChangeWriter changeWriter : changeWriters) {
                started = started && changeWriter.awaitCapacity(
                        Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            started = false;
        }
        if (started && paused) {
            LOG.info("Cassandra keeps up again: resuming consumption");
            context.resume(context.assignment().toArray(TopicPartition[]::new));
            paused = false;
        } else if (!started) {
            if (!paused) {
                LOG.warn("{} writes wait for Cassandra: pausing consumption until they have started", writer.waiting());
                context.pause(context.assignment().toArray(TopicPartition[]::new));
                paused = true;
            }
            context.timeout(PAUSED_POLL_MILLIS);
        }
    }
}
