package io.cdcsuite.source.timestamp.record;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

import io.cdcsuite.common.envelope.Envelope;
import io.cdcsuite.common.envelope.Operation;
import io.cdcsuite.source.timestamp.capture.Emission;
import io.cdcsuite.source.timestamp.offset.TablePartition;
import io.cdcsuite.source.timestamp.plan.TablePlan;
import io.cdcsuite.source.timestamp.schema.ColumnMapping;
import io.cdcsuite.source.timestamp.schema.SourceBlock;

/**
 * Builds Debezium-style change records: key struct of the key columns, envelope value with {@code before}/
 * {@code after}/{@code source}/{@code op}/{@code ts_*}. A delete carries the row's last state as {@code before}
 * and is followed by a tombstone unless configured otherwise. Updates have no {@code before}: polling never sees
 * the previous state. {@code ts_ms}/{@code ts_us}/{@code ts_ns} are the time the connector built the record.
 */
public final class RecordBuilder {
    private final String serverName;
    private final SourceBlock sourceBlock;
    private final boolean tombstonesOnDelete;
    private final Clock clock;

    public RecordBuilder(String serverName, String version, boolean tombstonesOnDelete, Clock clock) {
        this.serverName = serverName;
        this.sourceBlock = new SourceBlock(version, serverName);
        this.tombstonesOnDelete = tombstonesOnDelete;
        this.clock = clock;
    }

    public List<SourceRecord> records(List<Emission> emissions) {
        List<SourceRecord> records = new ArrayList<>(emissions.size());
        emissions.forEach(emission -> records.addAll(records(emission)));
        return records;
    }

    public List<SourceRecord> records(Emission emission) {
        TablePlan plan = emission.plan();
        Map<String, Object> partition = new TablePartition(serverName, plan.id()).toMap();
        Map<String, Object> offset = emission.offset().toMap();
        Struct key = key(plan, emission.row().values());
        Struct row = row(plan, emission.row().values());
        Operation operation = emission.operation();
        boolean delete = operation == Operation.DELETE;
        Instant now = clock.instant();
        Struct envelope = new Struct(plan.schemas().envelopeSchema())
                .put(Envelope.BEFORE, delete ? row : null)
                .put(Envelope.AFTER, delete ? null : row)
                .put(Envelope.SOURCE, sourceBlock.struct(plan.id(), emission.changeTime(), emission.marker()))
                .put(Envelope.OP, operation.code())
                .put(Envelope.TS_MS, now.toEpochMilli())
                .put(Envelope.TS_US, now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000)
                .put(Envelope.TS_NS, now.getEpochSecond() * 1_000_000_000L + now.getNano());
        String topic = plan.schemas().topic();
        SourceRecord change = new SourceRecord(partition, offset, topic, null, plan.schemas().keySchema(), key,
                plan.schemas().envelopeSchema(), envelope);
        if (!delete || !tombstonesOnDelete) {
            return List.of(change);
        }
        SourceRecord tombstone = new SourceRecord(partition, offset, topic, null, plan.schemas().keySchema(), key,
                null, null);
        return List.of(change, tombstone);
    }

    private static Struct key(TablePlan plan, List<Object> values) {
        Struct key = new Struct(plan.schemas().keySchema());
        for (int index : plan.keyIndexes()) {
            ColumnMapping column = plan.columns().get(index);
            key.put(column.name(), column.toConnect(values.get(index)));
        }
        return key;
    }

    private static Struct row(TablePlan plan, List<Object> values) {
        Struct row = new Struct(plan.schemas().valueSchema());
        for (int i = 0; i < plan.columns().size(); i++) {
            ColumnMapping column = plan.columns().get(i);
            row.put(column.name(), column.toConnect(values.get(i)));
        }
        return row;
    }
}
