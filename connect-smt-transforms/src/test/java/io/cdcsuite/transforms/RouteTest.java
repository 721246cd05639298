package io.cdcsuite.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.cdcsuite.common.envelope.ChangeEvent;
import io.cdcsuite.transforms.MySqlEvents.Path;

class RouteTest {

    @ParameterizedTest
    @EnumSource(Path.class)
    void rendersTopicTemplatesAndRenamesSchemas(Path path) {
        SourceRecord routed = route(Map.of("topic.template", "${db}_${table}"), path.update(3));

        assertThat(routed.topic()).isEqualTo("inventory_orders");
        assertThat(routed.keySchema().name()).isEqualTo("inventory_orders.Key");
        assertThat(routed.keySchema().fields()).extracting(Field::name).containsExactly("id");
        assertThat(routed.valueSchema().name()).isEqualTo("inventory_orders.Envelope");
        assertThat(routed.valueSchema().field("after").schema().name()).isEqualTo("inventory_orders.Value");
        assertThat(routed.valueSchema().field("source").schema()).isEqualTo(path.update(3).valueSchema().field("source").schema());
        Struct after = (Struct) ChangeEvent.of(routed.value()).after();
        assertThat(after.get("status")).isEqualTo("shipped");
        assertThat(((Struct) routed.key()).get("id")).isEqualTo(3);
        assertThat(route(Map.of("topic.template", "${prefix}-${table}"), path.update(3)).topic()).isEqualTo("dbserver1-orders");
        // MySQL names cannot contain dots, so a dotted prefix is everything before the last two segments
        assertThat(route(Map.of("topic.template", "${prefix}-${table}"), onTopic(path.update(3), "eu.shop.inventory.orders"))
                .topic()).isEqualTo("eu.shop-orders");
    }

    @Test
    void mergesShardedTablesKeepingKeysUnique() {
        SourceRecord shard1 = onTopic(Path.DEBEZIUM.create(7), "dbserver1.inventory.orders_1");
        SourceRecord shard2 = onTopic(Path.DEBEZIUM.create(7), "dbserver1.inventory.orders_2");
        Map<String, String> config = Map.of("table.merge.regex", "orders_\\d+", "table.merge.replacement", "orders",
                "topic.template", "${db}.${table}");

        SourceRecord routed1 = route(config, shard1);
        SourceRecord routed2 = route(config, shard2);

        assertThat(routed1.topic()).isEqualTo("inventory.orders");
        assertThat(routed2.topic()).isEqualTo("inventory.orders");
        assertThat(routed1.keySchema()).isEqualTo(routed2.keySchema());
        assertThat(routed1.keySchema().field("__dbz__physicalTableIdentifier").schema()).isEqualTo(Schema.STRING_SCHEMA);
        assertThat(((Struct) routed1.key()).get("__dbz__physicalTableIdentifier")).isEqualTo("inventory.orders_1");
        assertThat(routed1.key()).isNotEqualTo(routed2.key());
        assertThat(routed1.valueSchema()).isEqualTo(routed2.valueSchema());
    }

    @Test
    void mergesShardedDatabasesWithGroupsAndCustomKeyField() {
        SourceRecord record = onTopic(Path.TIMESTAMP_SOURCE.delete(7), "dbserver1.shop_03.orders");
        SourceRecord routed = route(Map.of("database.merge.regex", "(shop)_\\d+", "database.merge.replacement", "$1",
                "key.field.name", "shard", "key.field.value", "${prefix}.${db}.${table}"), record);

        assertThat(routed.topic()).isEqualTo("dbserver1.shop.orders");
        assertThat(((Struct) routed.key()).get("shard")).isEqualTo("dbserver1.shop_03.orders");
    }

    @Test
    void tombstonesFollowTheirDeletes() {
        SourceRecord tombstone = onTopic(Path.DEBEZIUM.tombstone(7), "dbserver1.inventory.orders_1");
        SourceRecord routed = route(Map.of("table.merge.regex", "orders_\\d+", "table.merge.replacement", "orders"), tombstone);

        assertThat(routed.topic()).isEqualTo("dbserver1.inventory.orders");
        assertThat(routed.value()).isNull();
        assertThat(((Struct) routed.key()).get("__dbz__physicalTableIdentifier")).isEqualTo("inventory.orders_1");
    }

    @Test
    void collapsingTemplatesAlsoKeepKeysUnique() {
        SourceRecord routed = route(Map.of("topic.template", "${prefix}.all"), Path.DEBEZIUM.create(1));
        assertThat(routed.topic()).isEqualTo("dbserver1.all");
        assertThat(((Struct) routed.key()).get("__dbz__physicalTableIdentifier")).isEqualTo("inventory.orders");

        SourceRecord unique = route(Map.of("topic.template", "${prefix}.all", "key.enforce.uniqueness", "false"),
                Path.DEBEZIUM.create(1));
        assertThat(unique.keySchema().field("__dbz__physicalTableIdentifier")).isNull();
    }

    @Test
    void renamesFlatRowsAndSchemalessKeys() {
        SourceRecord unwrapped = UnwrapTest.apply(Map.of(), Path.DEBEZIUM.create(1));
        SourceRecord routed = route(Map.of("topic.template", "${table}"), unwrapped);
        assertThat(routed.valueSchema().name()).isEqualTo("orders.Value");
        assertThat(((Struct) routed.value()).get("id")).isEqualTo(1);

        SourceRecord schemaless = new SourceRecord(Map.of(), Map.of(), "dbserver1.inventory.orders_2", 0, null,
                Map.of("id", 1), null, Map.of("id", 1));
        SourceRecord merged = route(Map.of("table.merge.regex", "orders_\\d+", "table.merge.replacement", "orders"), schemaless);
        assertThat(merged.key()).isEqualTo(Map.of("id", 1, "__dbz__physicalTableIdentifier", "inventory.orders_2"));
    }

    @Test
    void leavesOtherTopicsAndUnchangedNamesAlone() {
        SourceRecord heartbeat = MySqlEvents.heartbeat();
        assertThat(route(Map.of("topic.template", "${table}"), heartbeat)).isSameAs(heartbeat);
        SourceRecord record = Path.DEBEZIUM.create(1);
        assertThat(route(Map.of(), record)).isSameAs(record);
    }

    @Test
    void primitiveKeysOfMergedTablesAreDataErrors() {
        SourceRecord record = new SourceRecord(Map.of(), Map.of(), "dbserver1.inventory.orders_2", 0,
                Schema.INT32_SCHEMA, 1, null, null);
        assertThatThrownBy(() -> route(Map.of("table.merge.regex", "orders_\\d+", "table.merge.replacement", "orders"), record))
                .isInstanceOf(DataException.class).hasMessageContaining("key.enforce.uniqueness")
                .hasMessageContaining("dbserver1.inventory.orders_2");
    }

    @Test
    void badConfigNamesTheKey() {
        Map<Map<String, String>, String> badConfigs = Map.of(
                Map.of("topic.template", "${schema}_${table}"), "topic.template",
                Map.of("topic.template", "${db}/${table}"), "topic.template",
                Map.of("table.merge.regex", "orders_\\d+"), "table.merge.replacement",
                Map.of("table.merge.regex", "orders_(\\d+", "table.merge.replacement", "x"), "table.merge.regex",
                Map.of("database.merge.regex", "(shop)_\\d+", "database.merge.replacement", "$2"), "database.merge.replacement",
                Map.of("key.field.value", "${nope}"), "key.field.value");
        badConfigs.forEach((config, key) -> assertThatThrownBy(() -> new Route<SourceRecord>().configure(config))
                .isInstanceOf(ConfigException.class).hasMessageContaining(key));
    }

    private static SourceRecord onTopic(SourceRecord record, String topic) {
        return record.newRecord(topic, 0, record.keySchema(), record.key(), record.valueSchema(), record.value(), 0L);
    }

    private static SourceRecord route(Map<String, String> config, SourceRecord record) {
        try (Route<SourceRecord> route = new Route<>()) {
            route.configure(config);
            return route.apply(record);
        }
    }
}
