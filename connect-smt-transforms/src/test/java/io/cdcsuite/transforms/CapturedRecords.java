package io.cdcsuite.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Records of real connectors, read back from {@code src/test/resources/captured/<source>/<phase>.json}, where
 * integration-tests' {@code io.cdcsuite.it.transforms.CaptureRecordsIT} wrote them (see the README there): Debezium
 * MySQL 3.6.1 and our timestamp source, each capturing table {@code inventory.every_type} (a column of every MySQL
 * type) on topic {@code dbserver1.inventory.every_type}. Each file holds key and value as JsonConverter wrote them
 * (schemas on, nulls kept); they are converted back with a JsonConverter configured alike, so the records here are
 * the ones the connectors produced, with the Java types JsonConverter gives (byte[] for bytes, BigDecimal for
 * Decimal).
 */
public final class CapturedRecords {
    public static final String TOPIC = "dbserver1.inventory.every_type";
    /**
     * The phases of a capture, in order: a snapshot read of row 1, inserts of rows 2 and 3, updates of rows 1 and 3,
     * a delete of row 2 and its tombstone (the timestamp source's delete is a soft delete).
     */
    public static final List<String> PHASES = List.of("read", "insert", "update", "delete");

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Like a worker's converters, they hand out one schema instance per distinct schema, to every record. */
    private static final JsonConverter KEYS = converter(true);
    private static final JsonConverter VALUES = converter(false);
    private static final Map<String, JsonNode> FILES = new ConcurrentHashMap<>();

    private CapturedRecords() {
    }

    /** The two capture paths. */
    public enum Source {
        DEBEZIUM_MYSQL("debezium-mysql"),
        TIMESTAMP_SOURCE("timestamp-source");

        private final String directory;

        Source(String directory) {
            this.directory = directory;
        }

        /** The records of one phase: new records at every call (transforms may change their headers). */
        public List<SourceRecord> load(String phase) {
            List<SourceRecord> records = new ArrayList<>();
            for (JsonNode record : FILES.computeIfAbsent(directory + "/" + phase, CapturedRecords::read)) {
                String topic = record.get("topic").asText();
                SchemaAndValue key = KEYS.toConnectData(topic, bytes(record.get("key")));
                SchemaAndValue value = VALUES.toConnectData(topic, bytes(record.get("value")));
                records.add(new SourceRecord(Map.of(), Map.of(), topic, 0, key.schema(), key.value(),
                        value.schema(), value.value()));
            }
            return records;
        }

        /** The records of one phase, {@code times} times over: distinct records sharing their schemas (benchmarks). */
        public List<SourceRecord> load(String phase, int times) {
            List<SourceRecord> records = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                records.addAll(load(phase));
            }
            return records;
        }

        /** The records of all phases, in capture order. */
        public List<SourceRecord> all() {
            List<SourceRecord> records = new ArrayList<>();
            for (String phase : PHASES) {
                records.addAll(load(phase));
            }
            return records;
        }
    }

    private static JsonNode read(String file) {
        String resource = "/captured/" + file + ".json";
        try (InputStream in = CapturedRecords.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return node.isNull() ? null : JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonConverter converter(boolean isKey) {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "true", "replace.null.with.default", "false"), isKey);
        return converter;
    }
}
