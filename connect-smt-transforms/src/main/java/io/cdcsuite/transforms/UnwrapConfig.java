package io.cdcsuite.transforms;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;

import io.cdcsuite.transforms.config.ChoiceValidator;
import io.cdcsuite.transforms.config.UnsupportedValidator;

/**
 * Configuration of {@link Unwrap}: the keys and defaults of Debezium's ExtractNewRecordState, so that a connector
 * configuration can switch between the two by changing only the class name.
 */
public final class UnwrapConfig extends AbstractConfig {
    public static final String DELETE_TOMBSTONE_HANDLING_MODE = "delete.tombstone.handling.mode";
    public static final String ROUTE_BY_FIELD = "route.by.field";
    public static final String ADD_FIELDS = "add.fields";
    public static final String ADD_FIELDS_PREFIX = "add.fields.prefix";
    public static final String ADD_HEADERS = "add.headers";
    public static final String ADD_HEADERS_PREFIX = "add.headers.prefix";
    public static final String REPLACE_NULL_WITH_DEFAULT = "replace.null.with.default";
    /** Debezium's companion of ExtractChangedRecordState, which this suite does not provide. */
    static final String DROP_FIELDS_HEADER_NAME = "drop.fields.header.name";

    private static final String GROUP_DELETES = "Deletes and tombstones";
    private static final String GROUP_METADATA = "Metadata";
    private static final String GROUP_ROUTING = "Routing";
    private static final String FIELD_REFERENCE_DOC = " Entries are [struct.]field[:name]: an unqualified field is "
            + "read from transaction (id, total_order, data_collection_order), from the envelope (op, ts_ms, ts_us, "
            + "ts_ns) or else from source; e.g. 'op,table,source.ts_ms,ts_ms:EVENT_TS' gives `__op`, `__table`, "
            + "`__source_ts_ms` and `__EVENT_TS`. Fields the envelope does not have are skipped.";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(DELETE_TOMBSTONE_HANDLING_MODE, ConfigDef.Type.STRING, DeleteHandling.TOMBSTONE.configValue(),
                    ChoiceValidator.of(DeleteHandling.configValues()), ConfigDef.Importance.MEDIUM,
                    "What deletes and tombstones become. 'tombstone': a delete becomes a record with a null value "
                            + "(its value schema stays the row's, as in Debezium), tombstones are dropped. 'drop': both "
                            + "are dropped. 'rewrite': a delete becomes its before-image with `__deleted='true'` (upserts "
                            + "get `__deleted='false'`), tombstones are dropped. 'rewrite-with-tombstone': as rewrite, "
                            + "tombstones kept. 'delete-to-tombstone': a delete becomes a tombstone (null value and "
                            + "schema), tombstones are dropped. Events with neither before nor after (truncate, "
                            + "message) are always dropped.",
                    GROUP_DELETES, 1, ConfigDef.Width.MEDIUM, "Delete handling")
            .define(REPLACE_NULL_WITH_DEFAULT, ConfigDef.Type.BOOLEAN, true, ConfigDef.Importance.LOW,
                    "In the rewrite modes, null fields whose schema has a default take the default (Debezium "
                            + "copies the row with Kafka's InsertField, which does so). Other modes pass the row as is.",
                    GROUP_DELETES, 2, ConfigDef.Width.SHORT, "Replace null with default")
            .define(ADD_FIELDS, ConfigDef.Type.LIST, "", new EnvelopeFieldReference.ListValidator(), ConfigDef.Importance.LOW,
                    "Envelope fields to add to the row, each named with " + ADD_FIELDS_PREFIX + "." + FIELD_REFERENCE_DOC,
                    GROUP_METADATA, 1, ConfigDef.Width.LONG, "Add fields")
            .define(ADD_FIELDS_PREFIX, ConfigDef.Type.STRING, "__", ConfigDef.Importance.LOW,
                    "Prefix of the names of the added fields.",
                    GROUP_METADATA, 2, ConfigDef.Width.SHORT, "Field prefix")
            .define(ADD_HEADERS, ConfigDef.Type.LIST, "", new EnvelopeFieldReference.ListValidator(), ConfigDef.Importance.LOW,
                    "Envelope fields to add as headers, each named with " + ADD_HEADERS_PREFIX + "."
                            + FIELD_REFERENCE_DOC + " A tombstone gets only the op header, with 'd'.",
                    GROUP_METADATA, 3, ConfigDef.Width.LONG, "Add headers")
            .define(ADD_HEADERS_PREFIX, ConfigDef.Type.STRING, "__", ConfigDef.Importance.LOW,
                    "Prefix of the names of the added headers.",
                    GROUP_METADATA, 4, ConfigDef.Width.SHORT, "Header prefix")
            .define(ROUTE_BY_FIELD, ConfigDef.Type.STRING, "", ConfigDef.Importance.LOW,
                    "A STRING field of the row whose value becomes the topic (the before-image's for deletes); empty "
                            + "values keep the topic.",
                    GROUP_ROUTING, 1, ConfigDef.Width.MEDIUM, "Route by field")
            .define(DROP_FIELDS_HEADER_NAME, ConfigDef.Type.STRING, "",
                    new UnsupportedValidator("it needs Debezium's ExtractChangedRecordState"), ConfigDef.Importance.LOW,
                    "Debezium's header listing fields to drop, written by its ExtractChangedRecordState, which this "
                            + "suite does not provide: must stay empty.",
                    GROUP_METADATA, 5, ConfigDef.Width.MEDIUM, "Drop fields header (not supported)");

    private final List<EnvelopeFieldReference> addedFields;
    private final List<EnvelopeFieldReference> addedHeaders;

    public UnwrapConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals, false);
        addedFields = EnvelopeFieldReference.parse(ADD_FIELDS, getList(ADD_FIELDS), getString(ADD_FIELDS_PREFIX));
        addedHeaders = EnvelopeFieldReference.parse(ADD_HEADERS, getList(ADD_HEADERS), getString(ADD_HEADERS_PREFIX));
    }

    public DeleteHandling deleteHandling() {
        return DeleteHandling.fromConfig(getString(DELETE_TOMBSTONE_HANDLING_MODE));
    }

    public boolean replaceNullWithDefault() {
        return getBoolean(REPLACE_NULL_WITH_DEFAULT);
    }

    /** The routing field, or null when records keep their topic. */
    public String routeByField() {
        String field = getString(ROUTE_BY_FIELD);
        return field.isEmpty() ? null : field;
    }

    List<EnvelopeFieldReference> addedFields() {
        return addedFields;
    }

    List<EnvelopeFieldReference> addedHeaders() {
        return addedHeaders;
    }
}
