package io.cdcsuite.sink.cassandra.write;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

import io.cdcsuite.common.envelope.ChangeEvent;
import io.cdcsuite.common.envelope.Envelope;
import io.cdcsuite.sink.cassandra.config.CassandraSinkConfig.TimestampSource;

/**
 * Gives every record the write timestamp (USING TIMESTAMP, microseconds) of its writes.
 *
 * <p>The rule, per Kafka partition, over the records in offset order: {@code ts = max(T, previous ts + 1)},
 * where T is the record's own time in microseconds (see {@link TimestampSource}) and the first record a task
 * sees in a partition gets {@code ts = T}. Tombstones have no T of their own: they get {@code previous ts + 1}
 * (their Kafka timestamp only when they come first), so a foreign clock never pushes the partition ahead.
 * Hence:
 * <ul>
 *   <li>timestamps strictly increase with the offset within a partition, so two changes of one key (which
 *       share a partition) never tie and the later change always wins in Cassandra, whatever order the
 *       writes land in, whatever T says: ties within a millisecond, second-precision clocks, snapshot
 *       records stamped after the binlog events that follow them;</li>
 *   <li>a record is <em>clean</em> when its own time exceeds the previous timestamp ({@code T > previous}),
 *       i.e. it got {@code ts = T}. Replaying a partition from a clean record reproduces exactly the same
 *       timestamps for it and every later record, because the rule only looks back to the previous record.
 *       The task commits offsets only at clean records ({@link OffsetTracker}), so every replay after a
 *       restart or rebalance rewrites the same cells with the same timestamps: idempotent;</li>
 *   <li>replaying from any earlier offset gives timestamps no higher than the first time, equal again from
 *       the first clean record on, so a replay never lets an older change overwrite a newer one;</li>
 *   <li>timestamps stay close to real time: they exceed T only while T stands still or goes back, by one
 *       microsecond per record.</li>
 * </ul>
 */
public final class WriteTimestampPolicy {
    /** Marks a record without any usable time. */
    public static final long NO_TIME = Long.MIN_VALUE;

    /**
     * @param micros the write timestamp, or {@link #NO_TIME} when neither the record nor an earlier one in
     *               the partition gave a time
     * @param clean  whether a task resuming at this record reproduces its timestamp and all later ones
     */
    public record Stamp(long micros, boolean clean) {
        public boolean hasTime() {
            return micros != NO_TIME;
        }
    }

    private final TimestampSource source;
    private final Map<TopicPartition, Long> lastStamp = new HashMap<>();

    public WriteTimestampPolicy(TimestampSource source) {
        this.source = source;
    }

    /**
     * Stamps the next record of a partition.
     *
     * @param naturalMicros the record's own time, or {@link #NO_TIME} for a record that has none and should
     *                      simply follow its predecessor (a tombstone: its Kafka timestamp is another clock,
     *                      which must not push the partition's timestamps ahead)
     * @param firstMicros   the time to use when such a record is the first of the partition, or NO_TIME
     */
    public Stamp next(TopicPartition partition, long naturalMicros, long firstMicros) {
        Long previous = lastStamp.get(partition);
        if (previous == null) {
            long stamp = naturalMicros != NO_TIME ? naturalMicros : firstMicros;
            if (stamp != NO_TIME) {
                lastStamp.put(partition, stamp);
            }
            // never resume at a tombstone: a task starting there would stamp it, and what follows, by its Kafka time
            return new Stamp(stamp, naturalMicros != NO_TIME || stamp == NO_TIME);
        }
        long stamp = Math.max(naturalMicros, previous + 1);
        lastStamp.put(partition, stamp);
        return new Stamp(stamp, naturalMicros > previous);
    }

    /**
     * The record's own time in microseconds from the configured source, falling back to the Kafka record
     * timestamp; {@link #NO_TIME} when there is none. {@code value} and {@code valueSchema} are the record
     * value after JSON parsing (or the raw value when it could not be parsed).
     */
    public long naturalMicros(SinkRecord record, Object value, Schema valueSchema) {
        long micros = NO_TIME;
        if (source != TimestampSource.KAFKA && (value instanceof Struct || value instanceof Map<?, ?>)) {
            boolean envelope = ChangeEvent.isEnvelope(valueSchema, value);
            if (source == TimestampSource.EVENT) {
                micros = envelope ? micros(value, Envelope.TS_US, Envelope.TS_MS)
                        : micros(value, "__ts_us", "__ts_ms");
            } else {
                micros = envelope ? micros(ChangeEvent.field(value, Envelope.SOURCE), Envelope.TS_US, Envelope.TS_MS)
                        : micros(value, "__source_ts_us", "__source_ts_ms");
            }
        }
        return micros != NO_TIME ? micros : kafkaMicros(record);
    }

    /** The Kafka record timestamp in microseconds, or {@link #NO_TIME}. */
    public static long kafkaMicros(SinkRecord record) {
        Long millis = record.timestamp();
        return millis == null || millis < 0 ? NO_TIME : Math.multiplyExact(millis, 1_000L);
    }

    public void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(lastStamp::remove);
    }

    private static long micros(Object container, String microsField, String millisField) {
        if (ChangeEvent.field(container, microsField) instanceof Number us) {
            return us.longValue();
        }
        if (ChangeEvent.field(container, millisField) instanceof Number ms) {
            return Math.multiplyExact(ms.longValue(), 1_000L);
        }
        return NO_TIME;
    }
}
