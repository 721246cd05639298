package io.cdcsuite.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.ColumnDefinition;
import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdcsuite.it.env.TestEnvironment;
import io.cdcsuite.it.support.TopicReader.Message;

/**
 * The rows of one table, keyed by the values of its key columns, each row a map of column name to a canonical text
 * form of its value: the unit of the suite's oracle. Built either from MySQL ({@code SELECT *}) or from a change
 * topic (the last record per key wins; an {@code op=d} record or a tombstone removes the key), so that "the state
 * rebuilt from the topic equals the table" is one comparison, whatever the key columns are. A Cassandra table written
 * by the sink is read into the same forms, guided by the MySQL column types ({@link #fromCassandra}).
 *
 * <p>Canonical forms: integers and decimals as plain numbers, FLOAT/DOUBLE as Java's float/double text, TIMESTAMP as
 * an {@link Instant}, DATETIME as a {@link LocalDateTime}, DATE as a {@link LocalDate}, TIME as microseconds, binary
 * as hex, BIT as its unsigned number, JSON re-serialized without spaces, everything else as text. A column type the oracle cannot compare
 * fails loudly instead of being skipped.
 */
public final class TableState {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHOWN_DIFFERENCES = 10;

    private final List<String> keyColumns;
    /** MySQL type name per column for a state read from MySQL (how Cassandra values compare to it); else empty. */
    private final Map<String, String> columnTypes;
    private final Map<List<String>, Map<String, String>> rows;

    private TableState(List<String> keyColumns, Map<String, String> columnTypes,
                       Map<List<String>, Map<String, String>> rows) {
        this.keyColumns = List.copyOf(keyColumns);
        this.columnTypes = Map.copyOf(columnTypes);
        this.rows = rows;
    }

    /** {@code SELECT *} of a table, read in a UTC session. */
    public static TableState fromMySql(TestEnvironment env, String database, String table, List<String> keyColumns) {
        Map<List<String>, Map<String, String>> rows = new LinkedHashMap<>();
        Map<String, String> columnTypes = new LinkedHashMap<>();
        try (Connection connection = env.mysqlRoot(database); Statement statement = connection.createStatement()) {
            statement.execute("SET time_zone = '+00:00'");
            try (ResultSet rs = statement.executeQuery("SELECT * FROM `" + database + "`.`" + table + "`")) {
                ResultSetMetaData meta = rs.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columnTypes.put(meta.getColumnLabel(i), meta.getColumnTypeName(i));
                }
                while (rs.next()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnLabel(i), mysqlValue(rs, i, meta.getColumnTypeName(i)));
                    }
                    rows.put(key(row, keyColumns), row);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading " + database + "." + table + ": " + e.getMessage(), e);
        }
        return new TableState(keyColumns, columnTypes, rows);
    }

    /**
     * {@code SELECT *} of a Cassandra table, keyed like {@code source} (a state read from MySQL), each value in the
     * canonical form of the MySQL column of the same name: a CQL {@code timestamp} reads as a DATETIME or a TIMESTAMP,
     * a {@code blob} as binary or as BIT(n) bits (Debezium's little-endian bytes), {@code text} as JSON or as text.
     * Compare it with {@code source.withTimestampsInMillis()}: Cassandra timestamps hold milliseconds.
     */
    public static TableState fromCassandra(CqlSession session, String keyspace, String table, TableState source) {
        Map<List<String>, Map<String, String>> rows = new LinkedHashMap<>();
        for (Row row : session.execute("SELECT * FROM \"" + keyspace + "\".\"" + table + "\"")) {
            Map<String, String> values = new LinkedHashMap<>();
            for (ColumnDefinition column : row.getColumnDefinitions()) {
                String name = column.getName().asInternal();
                values.put(name, cassandraValue(row.getObject(column.getName()), source.columnTypes.get(name)));
            }
            rows.put(key(values, source.keyColumns), values);
        }
        return new TableState(source.keyColumns, source.columnTypes, rows);
    }

    /**
     * The state a consumer of a change topic (JsonConverter with schemas) ends up with: records in topic order, the
     * last one per key wins, {@code op=d} and tombstones remove the key.
     */
    public static TableState fromTopic(List<Message> messages, List<String> keyColumns) {
        Map<List<String>, Map<String, String>> rows = new LinkedHashMap<>();
        for (Message message : messages) {
            List<String> key = key(struct(message.key().path("schema"), message.keyPayload()), keyColumns);
            if (message.isTombstone() || "d".equals(message.op())) {
                rows.remove(key);
                continue;
            }
            JsonNode after = message.payload().path("after");
            rows.put(key, struct(fieldSchema(message.value().path("schema"), "after"), after));
        }
        return new TableState(keyColumns, Map.of(), rows);
    }

    /**
     * Reads {@code topic} until the state rebuilt from it equals {@code expected}; returns every record read. On
     * timeout the assertion error lists the differences.
     */
    public static List<Message> awaitTopicEquals(TestEnvironment env, String topic, TableState expected,
                                                 Duration timeout) {
        return TopicReader.readUntil(env.kafkaBootstrap(), topic, timeout,
                messages -> fromTopic(messages, expected.keyColumns).equals(expected),
                messages -> "differences from the table: " + fromTopic(messages, expected.keyColumns)
                        .differencesFrom(expected));
    }

    public int size() {
        return rows.size();
    }

    /** The rows for which {@code keep} holds (e.g. those not soft-deleted). */
    public TableState filter(Predicate<Map<String, String>> keep) {
        Map<List<String>, Map<String, String>> kept = new LinkedHashMap<>();
        rows.forEach((key, row) -> {
            if (keep.test(row)) {
                kept.put(key, row);
            }
        });
        return new TableState(keyColumns, columnTypes, kept);
    }

    /** This MySQL state as Cassandra's millisecond {@code timestamp} holds it: DATETIME and TIMESTAMP truncated. */
    public TableState withTimestampsInMillis() {
        Map<List<String>, Map<String, String>> truncated = new LinkedHashMap<>();
        rows.values().forEach(row -> {
            Map<String, String> copy = new LinkedHashMap<>(row);
            copy.replaceAll((column, value) -> value == null ? null
                    : switch (baseType(columnTypes.getOrDefault(column, ""))) {
                        case "TIMESTAMP" -> Instant.parse(value).truncatedTo(ChronoUnit.MILLIS).toString();
                        case "DATETIME" -> LocalDateTime.parse(value).truncatedTo(ChronoUnit.MILLIS).toString();
                        default -> value;
                    });
            truncated.put(key(copy, keyColumns), copy);
        });
        return new TableState(keyColumns, columnTypes, truncated);
    }

    /** The row with these key values (canonical text, in key column order), or null. */
    public Map<String, String> row(String... keyValues) {
        return rows.get(List.of(keyValues));
    }

    /** A readable list of what differs from {@code expected} (keys missing, unexpected or with other values). */
    public List<String> differencesFrom(TableState expected) {
        List<String> differences = new ArrayList<>();
        TreeSet<String> missing = new TreeSet<>();
        expected.rows.keySet().stream().filter(k -> !rows.containsKey(k)).forEach(k -> missing.add(k.toString()));
        TreeSet<String> unexpected = new TreeSet<>();
        rows.keySet().stream().filter(k -> !expected.rows.containsKey(k)).forEach(k -> unexpected.add(k.toString()));
        if (!missing.isEmpty()) {
            differences.add(missing.size() + " key(s) " + keyColumns + " missing, e.g. " + first(missing));
        }
        if (!unexpected.isEmpty()) {
            differences.add(unexpected.size() + " key(s) " + keyColumns + " not in the table, e.g. " + first(unexpected));
        }
        int changed = 0;
        for (Map.Entry<List<String>, Map<String, String>> entry : expected.rows.entrySet()) {
            Map<String, String> actual = rows.get(entry.getKey());
            if (actual != null && !actual.equals(entry.getValue())) {
                if (changed++ < SHOWN_DIFFERENCES) {
                    differences.add("key " + entry.getKey() + ": " + columnDifferences(actual, entry.getValue()));
                }
            }
        }
        if (changed > SHOWN_DIFFERENCES) {
            differences.add("... " + (changed - SHOWN_DIFFERENCES) + " more row(s) differ");
        }
        return differences;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TableState state && keyColumns.equals(state.keyColumns) && rows.equals(state.rows);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyColumns, rows);
    }

    @Override
    public String toString() {
        return rows.size() + " row(s) keyed by " + keyColumns;
    }

    private static String first(TreeSet<String> keys) {
        return String.join(", ", keys.stream().limit(SHOWN_DIFFERENCES).toList());
    }

    private static String columnDifferences(Map<String, String> actual, Map<String, String> expected) {
        Map<String, String> differences = new TreeMap<>();
        TreeSet<String> columns = new TreeSet<>(expected.keySet());
        columns.addAll(actual.keySet());
        for (String column : columns) {
            if (!Objects.equals(actual.get(column), expected.get(column))) {
                differences.put(column, actual.get(column) + " (expected " + expected.get(column) + ")");
            }
        }
        return differences.toString();
    }

    private static List<String> key(Map<String, String> row, List<String> keyColumns) {
        List<String> key = new ArrayList<>(keyColumns.size());
        for (String column : keyColumns) {
            if (!row.containsKey(column)) {
                throw new IllegalArgumentException("no key column '" + column + "' in " + row.keySet());
            }
            key.add(row.get(column));
        }
        return List.copyOf(key);
    }

    private static JsonNode fieldSchema(JsonNode structSchema, String field) {
        for (JsonNode candidate : structSchema.path("fields")) {
            if (field.equals(candidate.path("field").asText())) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("no field '" + field + "' in schema " + structSchema);
    }

    /** A struct payload in canonical form, read with its JsonConverter schema. */
    private static Map<String, String> struct(JsonNode schema, JsonNode payload) {
        Map<String, String> row = new LinkedHashMap<>();
        for (JsonNode field : schema.path("fields")) {
            String name = field.path("field").asText();
            row.put(name, topicValue(field, payload.path(name)));
        }
        return row;
    }

    private static String topicValue(JsonNode schema, JsonNode value) {
        if (value.isNull() || value.isMissingNode()) {
            return null;
        }
        String type = schema.path("type").asText();
        String name = schema.path("name").asText("");
        return switch (name) {
            case "org.apache.kafka.connect.data.Decimal" -> new BigDecimal(
                    new BigInteger(Base64.getDecoder().decode(value.asText())),
                    Integer.parseInt(schema.path("parameters").path("scale").asText())).toPlainString();
            case "io.debezium.time.ZonedTimestamp" -> Instant.parse(value.asText()).toString();
            case "io.debezium.time.Timestamp" ->
                    LocalDateTime.ofInstant(Instant.ofEpochMilli(value.asLong()), ZoneOffset.UTC).toString();
            case "io.debezium.time.MicroTimestamp" -> LocalDateTime.ofInstant(
                    Instant.EPOCH.plusNanos(Math.multiplyExact(value.asLong(), 1_000L)), ZoneOffset.UTC).toString();
            case "io.debezium.time.Date" -> LocalDate.ofEpochDay(value.asLong()).toString();
            case "io.debezium.time.MicroTime", "io.debezium.time.Year", "io.debezium.data.Enum",
                 "io.debezium.data.EnumSet" -> value.asText();
            case "io.debezium.data.Json" -> json(value.asText());
            case "io.debezium.data.Bits" ->
                    new BigInteger(1, reversed(Base64.getDecoder().decode(value.asText()))).toString();
            case "" -> switch (type) {
                case "int8", "int16", "int32", "int64", "string" -> value.asText();
                case "boolean" -> value.asBoolean() ? "1" : "0";
                case "float" -> Float.toString((float) value.asDouble());
                case "double" -> Double.toString(value.asDouble());
                case "bytes" -> HexFormat.of().formatHex(Base64.getDecoder().decode(value.asText()));
                default -> throw unsupported("Connect type " + type);
            };
            default -> throw unsupported("Connect logical type " + name);
        };
    }

    /** A Cassandra value in the canonical form of the MySQL type it was written from (null type: by its own type). */
    private static String cassandraValue(Object value, String mysqlTypeName) {
        if (value == null) {
            return null;
        }
        String type = mysqlTypeName == null ? "" : baseType(mysqlTypeName);
        if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return type.equals("BIT") ? new BigInteger(1, reversed(bytes)).toString() : HexFormat.of().formatHex(bytes);
        }
        if (value instanceof Boolean bit) {
            return bit ? "1" : "0";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Number number) {
            // integers as digits; Float and Double print as Float.toString / Double.toString, like the MySQL forms
            return number.toString();
        }
        if (value instanceof Instant instant) {
            return type.equals("DATETIME") ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString()
                    : instant.toString();
        }
        if (value instanceof LocalTime time) {
            return Long.toString(time.toNanoOfDay() / 1_000);
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof String text) {
            return type.equals("JSON") ? json(text) : text;
        }
        throw unsupported("CQL value " + value.getClass().getName());
    }

    private static String baseType(String typeName) {
        return typeName.toUpperCase(Locale.ROOT).replace(" UNSIGNED", "");
    }

    private static String mysqlValue(ResultSet rs, int index, String typeName) throws SQLException {
        String type = baseType(typeName);
        if (type.endsWith("BLOB") || type.endsWith("BINARY")) {
            byte[] bytes = rs.getBytes(index);
            return bytes == null ? null : HexFormat.of().formatHex(bytes);
        }
        if (type.equals("BIT")) {
            // BIT(1), and TINYINT(1) under Connector/J's default tinyInt1isBit, read as Boolean; BIT(n) as bytes
            Object bits = rs.getObject(index);
            return bits == null ? null : bits instanceof Boolean bit ? (bit ? "1" : "0")
                    : new BigInteger(1, (byte[]) bits).toString();
        }
        if (type.equals("YEAR")) {
            int year = rs.getInt(index);
            return rs.wasNull() ? null : Integer.toString(year);
        }
        String text = rs.getString(index);
        if (text == null) {
            return null;
        }
        return switch (type) {
            case "TINYINT", "SMALLINT", "MEDIUMINT", "INT", "INTEGER", "BIGINT" -> new BigInteger(text).toString();
            case "DECIMAL", "NUMERIC" -> new BigDecimal(text).toPlainString();
            case "FLOAT" -> Float.toString(Float.parseFloat(text));
            case "DOUBLE", "REAL" -> Double.toString(Double.parseDouble(text));
            case "CHAR", "VARCHAR", "TINYTEXT", "TEXT", "MEDIUMTEXT", "LONGTEXT", "ENUM", "SET" -> text;
            case "JSON" -> json(text);
            case "TIMESTAMP" -> localDateTime(text).toInstant(ZoneOffset.UTC).toString();
            case "DATETIME" -> localDateTime(text).toString();
            case "DATE" -> LocalDate.parse(text).toString();
            case "TIME" -> Long.toString(micros(text));
            default -> throw unsupported("MySQL type " + typeName);
        };
    }

    /** Debezium's little-endian Bits bytes in big-endian order. */
    private static byte[] reversed(byte[] littleEndian) {
        byte[] bigEndian = new byte[littleEndian.length];
        for (int i = 0; i < littleEndian.length; i++) {
            bigEndian[i] = littleEndian[littleEndian.length - 1 - i];
        }
        return bigEndian;
    }

    private static LocalDateTime localDateTime(String text) {
        return LocalDateTime.parse(text.replace(' ', 'T'));
    }

    /** A MySQL TIME literal ({@code [-]H:MM:SS[.ffffff]}) in microseconds, as Debezium's MicroTime. */
    private static long micros(String text) {
        boolean negative = text.startsWith("-");
        String[] parts = (negative ? text.substring(1) : text).split("[:.]");
        long seconds = Long.parseLong(parts[0]) * 3600 + Long.parseLong(parts[1]) * 60 + Long.parseLong(parts[2]);
        long fraction = parts.length > 3 ? Long.parseLong((parts[3] + "000000").substring(0, 6)) : 0;
        long micros = seconds * 1_000_000L + fraction;
        return negative ? -micros : micros;
    }

    private static String json(String text) {
        try {
            return JSON.readTree(text).toString();
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    private static IllegalArgumentException unsupported(String what) {
        return new IllegalArgumentException("the table-state oracle cannot compare values of " + what
                + " yet; add its canonical form to TableState");
    }
}
