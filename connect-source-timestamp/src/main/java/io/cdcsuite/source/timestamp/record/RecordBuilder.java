package io.cdcsuite.source.timestamp.record;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

import io.cdcsuite.common.data.StructSlots;
import io.cdcsuite.common.envelope.Envelope;
import io.cdcsuite.common.envelope.Operation;
import io.cdcsuite.source.timestamp.catalog.TableId;
import io.cdcsuite.source.timestamp.capture.Emission;
import io.cdcsuite.source.timestamp.offset.TablePartition;
import io.cdcsuite.source.timestamp.plan.TablePlan;
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
    /** Source partitions by table: the same map for every record of a table. */
    private final Map<TableId, Map<String, Object>> partitions = new HashMap<>();

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
        Map<String, Object> partition = partitions.computeIfAbsent(plan.id(),
                table -> new TablePartition(serverName, table).toMap());
        Map<String, Object> offset = emission.offset().toMap();
        Struct key = key(plan, emission.row().values());
        Struct row = row(plan, emission.row().values());
        Operation operation = emission.operation();
        boolean delete = operation == Operation.DELETE;
        Instant now = clock.instant();
        Schema envelopeSchema = plan.schemas().envelopeSchema();
        Struct envelope = new Struct(envelopeSchema);
        StructSlots.set(envelope, envelopeSchema.field(delete ? Envelope.BEFORE : Envelope.AFTER), row);
        StructSlots.set(envelope, envelopeSchema.field(Envelope.SOURCE),
                sourceBlock.struct(plan.id(), emission.changeTime(), emission.marker()));
        StructSlots.set(envelope, envelopeSchema.field(Envelope.OP), operation.code());
        StructSlots.set(envelope, envelopeSchema.field(Envelope.TS_MS), now.toEpochMilli());
        StructSlots.set(envelope, envelopeSchema.field(Envelope.TS_US),
                now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000);
        StructSlots.set(envelope, envelopeSchema.field(Envelope.TS_NS),
                now.getEpochSecond() * 1_000_000_000L + now.getNano());
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
        List<Field> fields = key.schema().fields();
        for (int i = 0; i < fields.size(); i++) {
            int index = plan.keyIndexes().get(i);
            set(key, fields.get(i), plan.columns().get(index).toConnect(values.get(index)));
        }
        return key;
    }

    private static Struct row(TablePlan plan, List<Object> values) {
        Struct row = new Struct(plan.schemas().valueSchema());
        List<Field> fields = row.schema().fields();
        for (int i = 0; i < fields.size(); i++) {
            set(row, fields.get(i), plan.columns().get(i).toConnect(values.get(i)));
        }
        return row;
    }

    /**
     * The column mappings convert to their field's schema by construction (the type-parity tests hold them to it), so
     * the value goes in without Struct.put's validation; a null is put, to be refused when the field requires one.
     */
    private static void set(Struct struct, Field field, Object value) {
        if (value == null) {
            struct.put(field, null);
        } else {
            StructSlots.set(struct, field, value);
        }
    }
}
