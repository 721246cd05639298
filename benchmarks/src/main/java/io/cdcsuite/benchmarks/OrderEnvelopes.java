package io.cdcsuite.benchmarks;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;

import io.cdcsuite.common.envelope.Envelope;

/**
 * The sink benchmarks' records: Debezium MySQL insert events ({@code op=c}) of {@code bench.orders} rows keyed by
 * id, the i-th row's values the same wherever they are built (records, raw driver loop).
 */
final class OrderEnvelopes {
    static final String KEYSPACE = "bench";
    private static final String DATA_COLLECTION = "dbz.bench.orders";
    static final Schema KEY_SCHEMA = SchemaBuilder.struct().name(Envelope.keySchemaName(DATA_COLLECTION))
            .field("id", Schema.INT64_SCHEMA).build();
    private static final Schema ROW_SCHEMA = SchemaBuilder.struct().name(Envelope.valueSchemaName(DATA_COLLECTION))
            .optional()
            .field("id", Schema.INT64_SCHEMA)
            .field("customer_id", Schema.INT32_SCHEMA)
            .field("amount", Decimal.builder(2).optional().parameter("connect.decimal.precision", "10").build())
            .field("status", Schema.STRING_SCHEMA)
            .field("note", Schema.OPTIONAL_STRING_SCHEMA)
            .field("created_at", SchemaBuilder.int64().name("io.debezium.time.Timestamp").version(1).build())
            .field("last_updated", SchemaBuilder.string().name("io.debezium.time.ZonedTimestamp").version(1).build())
            .build();
    /** Debezium MySQL's source block. */
    private static final Schema SOURCE_SCHEMA = SchemaBuilder.struct().name("io.debezium.connector.mysql.Source")
            .field("version", Schema.STRING_SCHEMA)
            .field("connector", Schema.STRING_SCHEMA)
            .field("name", Schema.STRING_SCHEMA)
            .field("ts_ms", Schema.INT64_SCHEMA)
            .field("snapshot", Schema.OPTIONAL_STRING_SCHEMA)
            .field("db", Schema.STRING_SCHEMA)
            .field("table", Schema.OPTIONAL_STRING_SCHEMA)
            .field("server_id", Schema.INT64_SCHEMA)
            .field("gtid", Schema.OPTIONAL_STRING_SCHEMA)
            .field("file", Schema.STRING_SCHEMA)
            .field("pos", Schema.INT64_SCHEMA)
            .field("row", Schema.INT32_SCHEMA)
            .build();
    static final Schema ENVELOPE_SCHEMA = Envelope.schema(DATA_COLLECTION, ROW_SCHEMA, SOURCE_SCHEMA);
    /** The Cassandra table's columns, as the sink's auto.create makes them; the primary key is {@code id}. */
    static final Map<String, DataType> COLUMNS = columns();
    private static final String[] STATUSES = {"NEW", "PAID", "SHIPPED", "DELIVERED"};

    private OrderEnvelopes() {
    }

    private static Map<String, DataType> columns() {
        Map<String, DataType> columns = new LinkedHashMap<>();
        columns.put("id", DataTypes.BIGINT);
        columns.put("customer_id", DataTypes.INT);
        columns.put("amount", DataTypes.DECIMAL);
        columns.put("status", DataTypes.TEXT);
        columns.put("note", DataTypes.TEXT);
        columns.put("created_at", DataTypes.TIMESTAMP);
        columns.put("last_updated", DataTypes.TIMESTAMP);
        return Collections.unmodifiableMap(columns);
    }

    /** The i-th row's values. */
    record Order(long id, int customerId, BigDecimal amount, String status, String note, long createdAt,
                 Instant lastUpdated) {
        static Order of(long id) {
            SplittableRandom random = new SplittableRandom(id);
            long created = 1_790_000_000_000L + id * 7;
            return new Order(id, random.nextInt(1, 10_001), BigDecimal.valueOf(random.nextInt(100, 1_000_000), 2),
                    STATUSES[random.nextInt(STATUSES.length)], "gift wrap, leave at the door", created,
                    Instant.ofEpochMilli(created + 1));
        }
    }

    static Struct key(long id) {
        return new Struct(KEY_SCHEMA).put("id", id);
    }

    /** The insert event of the i-th row, as Debezium's MySQL connector emits it. */
    static Struct envelope(long id) {
        Order order = Order.of(id);
        Struct row = new Struct(ROW_SCHEMA)
                .put("id", order.id())
                .put("customer_id", order.customerId())
                .put("amount", order.amount())
                .put("status", order.status())
                .put("note", order.note())
                .put("created_at", order.createdAt())
                .put("last_updated", order.lastUpdated().toString());
        return new Struct(ENVELOPE_SCHEMA)
                .put(Envelope.AFTER, row)
                .put(Envelope.SOURCE, new Struct(SOURCE_SCHEMA).put("version", "3.6.1.Final")
                        .put("connector", "mysql").put("name", "dbz").put("ts_ms", order.createdAt())
                        .put("db", KEYSPACE).put("table", "orders").put("server_id", 1L)
                        .put("file", "binlog.000002").put("pos", 4_000L + id).put("row", 0))
                .put(Envelope.OP, "c")
                .put(Envelope.TS_MS, order.createdAt());
    }
}
