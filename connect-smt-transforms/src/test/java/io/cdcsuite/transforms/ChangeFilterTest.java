package io.cdcsuite.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import io.cdcsuite.transforms.MySqlEvents.Path;

class ChangeFilterTest {

    @ParameterizedTest
    @EnumSource(Path.class)
    void dropsSnapshotReads(Path path) {
        Map<String, String> config = Map.of("filter.mode", "exclude", "operations", "r");

        assertThat(filter(config, path.read(1))).isNull();
        assertThat(filter(config, path.create(2))).isNotNull();
        assertThat(filter(config, path.update(3))).isNotNull();
        assertThat(filter(config, path.delete(4))).isNotNull();
        assertThat(filter(config, path.tombstone(4))).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void keepsOnlyDeletesOfOneTable(Path path) {
        Map<String, String> config = Map.of("operations", "delete", "tables", "inventory\\.orders");

        assertThat(filter(config, path.delete(4))).isNotNull();
        assertThat(filter(config, path.tombstone(4))).isNotNull();
        assertThat(filter(config, path.update(3))).isNull();
        assertThat(filter(config, onTopic(path.delete(4), "dbserver1.inventory.customers", "customers"))).isNull();
        assertThat(filter(config, MySqlEvents.heartbeat())).isNull();
    }

    @Test
    void matchesTablesByRegexOnDbDotTable() {
        Map<String, String> exclude = Map.of("filter.mode", "exclude", "tables", "inventory\\.orders_\\d+,audit\\..*");

        assertThat(filter(exclude, onTopic(Path.DEBEZIUM.create(1), "dbserver1.inventory.orders_7", "orders_7"))).isNull();
        assertThat(filter(exclude, Path.DEBEZIUM.create(1))).isNotNull();
        SourceRecord auditTombstone = new SourceRecord(Map.of(), Map.of(), "dbserver1.audit.log", 0, null, null, null, null);
        assertThat(filter(exclude, auditTombstone)).isNull();
    }

    @Test
    void predicatesShareTheCriteria() {
        try (IsOperation<SourceRecord> isRead = new IsOperation<>(); TableMatches<SourceRecord> orders = new TableMatches<>()) {
            isRead.configure(Map.of("operations", "r"));
            orders.configure(Map.of("tables", ".*\\.orders"));

            assertThat(isRead.test(Path.TIMESTAMP_SOURCE.read(1))).isTrue();
            assertThat(isRead.test(Path.TIMESTAMP_SOURCE.update(1))).isFalse();
            assertThat(isRead.test(MySqlEvents.heartbeat())).isFalse();
            assertThat(orders.test(Path.DEBEZIUM.update(1))).isTrue();
            // the table comes from the event, so renamed topics still match
            assertThat(orders.test(Path.DEBEZIUM.update(1).newRecord("orders_topic", 0, null, null, null, null, 0L)))
                    .isFalse();
            SourceRecord renamed = Path.DEBEZIUM.update(1);
            assertThat(orders.test(renamed.newRecord("renamed", 0, renamed.keySchema(), renamed.key(),
                    renamed.valueSchema(), renamed.value(), 0L))).isTrue();
        }
    }

    @Test
    void badConfigNamesTheKey() {
        Map<Map<String, String>, String> badConfigs = Map.of(
                Map.of("operations", "x"), "operations",
                Map.of("tables", "orders("), "tables",
                Map.of("filter.mode", "keep", "operations", "r"), "filter.mode",
                Map.of("filter.mode", "include"), "operations");
        badConfigs.forEach((config, key) -> assertThatThrownBy(() -> new ChangeFilter<SourceRecord>().configure(config))
                .isInstanceOf(ConfigException.class).hasMessageContaining(key));
        assertThatThrownBy(() -> new IsOperation<SourceRecord>().configure(Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("operations");
        assertThatThrownBy(() -> new TableMatches<SourceRecord>().configure(Map.of("tables", "")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("tables");
    }

    private static SourceRecord onTopic(SourceRecord record, String topic, String table) {
        org.apache.kafka.connect.data.Struct envelope = (org.apache.kafka.connect.data.Struct) record.value();
        envelope.getStruct("source").put("table", table);
        return record.newRecord(topic, 0, record.keySchema(), record.key(), record.valueSchema(), envelope, 0L);
    }

    private static SourceRecord filter(Map<String, String> config, SourceRecord record) {
        try (ChangeFilter<SourceRecord> filter = new ChangeFilter<>()) {
            filter.configure(config);
            return filter.apply(record);
        }
    }
}
