package io.cdcsuite.common.envelope;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/** The optional {@code transaction} block of the envelope, laid out as Debezium's {@code event.block}. */
public final class TransactionBlock {
    public static final String ID = "id";
    public static final String TOTAL_ORDER = "total_order";
    public static final String DATA_COLLECTION_ORDER = "data_collection_order";

    public static final Schema SCHEMA = SchemaBuilder.struct()
            .optional()
            .name("event.block")
            .version(1)
            .field(ID, Schema.STRING_SCHEMA)
            .field(TOTAL_ORDER, Schema.INT64_SCHEMA)
            .field(DATA_COLLECTION_ORDER, Schema.INT64_SCHEMA)
            .build();

    private TransactionBlock() {
    }
}
