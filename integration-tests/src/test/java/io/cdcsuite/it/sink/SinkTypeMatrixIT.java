package io.cdcsuite.it.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import io.cdcsuite.it.env.StackExtension;
import io.cdcsuite.it.env.TestEnvironment;
import io.cdcsuite.it.support.CassandraSinkConfigs;
import io.cdcsuite.it.support.CassandraTables;
import io.cdcsuite.it.support.DebeziumConfigs;
import io.cdcsuite.it.support.MySql;
import io.cdcsuite.it.support.Scenario;
import io.cdcsuite.it.support.ScenarioConnectors;
import io.cdcsuite.it.support.TableState;
import io.cdcsuite.it.support.TimestampSourceConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every common MySQL column type, captured by both paths (Debezium's binlog connector and our timestamp source, each
 * through its snapshot and its stream), written by the sink with {@code auto.create}: the column types the sink chose
 * are the documented ones, and every value reads back as MySQL holds it, timestamps truncated to milliseconds.
 */
@ExtendWith(StackExtension.class)
class SinkTypeMatrixIT {
    private static final String TABLE = "types";
    private static final List<String> KEY = List.of("id");
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    /** MySQL column, its type, and the CQL type auto.create gives it (README "Types"). */
    private static final String[][] COLUMNS = {
            {"id", "INT NOT NULL PRIMARY KEY", "int"},
            {"c_tinyint", "TINYINT", "smallint"},
            {"c_tinyint_u", "TINYINT UNSIGNED", "smallint"},
            {"c_smallint", "SMALLINT", "smallint"},
            {"c_smallint_u", "SMALLINT UNSIGNED", "int"},
            {"c_mediumint", "MEDIUMINT", "int"},
            {"c_mediumint_u", "MEDIUMINT UNSIGNED", "int"},
            {"c_int", "INT", "int"},
            {"c_int_u", "INT UNSIGNED", "bigint"},
            {"c_bigint", "BIGINT", "bigint"},
            // bigint.unsigned.handling.mode=precise: a Decimal of scale 0 (the default 'long' wraps above 2^63-1)
            {"c_bigint_u", "BIGINT UNSIGNED", "decimal"},
            {"c_decimal", "DECIMAL(10,2)", "decimal"},
            {"c_decimal_wide", "DECIMAL(38,10)", "decimal"},
            // c_numeric also keeps Debezium's binlog client (mysql-binlog-connector-java 0.41) reading this table: it
            // counts YEAR as numeric when sizing a TABLE_MAP event's signedness bitmap, MySQL 8.0 does not, and the
            // client fails when that makes one byte more (16 numeric columns without this one, plus YEAR)
            {"c_numeric", "NUMERIC(5,0)", "decimal"},
            {"c_float", "FLOAT", "float"},
            {"c_double", "DOUBLE", "double"},
            {"c_char", "CHAR(10)", "text"},
            {"c_varchar", "VARCHAR(100)", "text"},
            {"c_text", "TEXT", "text"},
            {"c_binary", "BINARY(4)", "blob"},
            {"c_varbinary", "VARBINARY(16)", "blob"},
            {"c_blob", "BLOB", "blob"},
            {"c_date", "DATE", "date"},
            {"c_time", "TIME", "time"},
            {"c_time6", "TIME(6)", "time"},
            {"c_datetime0", "DATETIME", "timestamp"},
            {"c_datetime2", "DATETIME(2)", "timestamp"},
            {"c_datetime3", "DATETIME(3)", "timestamp"},
            {"c_datetime4", "DATETIME(4)", "timestamp"},
            {"c_datetime6", "DATETIME(6)", "timestamp"},
            {"c_timestamp0", "TIMESTAMP NULL", "timestamp"},
            {"c_timestamp2", "TIMESTAMP(2) NULL", "timestamp"},
            {"c_timestamp3", "TIMESTAMP(3) NULL", "timestamp"},
            {"c_timestamp4", "TIMESTAMP(4) NULL", "timestamp"},
            {"c_timestamp6", "TIMESTAMP(6) NULL", "timestamp"},
            {"c_year", "YEAR", "int"},
            {"c_enum", "ENUM('small','medium','large')", "text"},
            {"c_set", "SET('a','b','c')", "text"},
            {"c_json", "JSON", "text"},
            {"c_bit1", "BIT(1)", "boolean"},
            {"c_bit12", "BIT(12)", "blob"},
            {"c_bool", "BOOLEAN", "smallint"},
            {"last_updated", "TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)",
                    "timestamp"},
    };

    /**
     * Ordinary values (id 1), extremes (id 2) and NULLs (id 3), in the column order above (without last_updated).
     * FLOATs have at most 6 significant digits: MySQL's text protocol shows no more, so Debezium's snapshot and our
     * timestamp source (JDBC) read -1024.12 where the binlog carries -1024.125.
     */
    private static final String[] ROWS = {
            "1, -5, 200, -300, 60000, -70000, 16000000, -2000000000, 4000000000, -9000000000000000000, "
                    + "18446744073709551615, 2193.60, 12345678901234567890.0123456789, 12345, 1.5, 3.141592653589793, "
                    + "'abc', 'hällo wörld €', 'a longer text', X'0102', X'00ff10', X'deadbeef', '2024-02-29', "
                    + "'10:11:12', '23:59:59.999999', '2024-05-01 10:00:00', '2024-05-01 10:00:00.12', "
                    + "'2024-05-01 10:00:00.123', '2024-05-01 10:00:00.1234', '2024-05-01 10:00:00.123456', "
                    + "'2024-05-01 10:00:00', '2024-05-01 10:00:00.12', '2024-05-01 10:00:00.123', "
                    + "'2024-05-01 10:00:00.1234', '2024-05-01 10:00:00.123456', 2024, 'medium', 'a,c', "
                    + "'{\"k\": [1, 2.50, \"x\"], \"n\": null}', b'1', b'101000000001', TRUE",
            "2, -128, 255, -32768, 65535, -8388608, 16777215, -2147483648, 4294967295, -9223372036854775808, "
                    + "0, -99999999.99, 0.0000000001, -99999, -1024.5, -1.0E-300, "
                    + "'', '😀 emoji', '', X'00', X'', X'00ff', '1969-07-20', "
                    + "'00:00:00', '00:00:00.000001', '1969-07-20 20:17:40', '1969-12-31 23:59:59.99', "
                    + "'1969-12-31 23:59:59.999', '1969-12-31 23:59:59.9999', '9999-12-31 23:59:59.999999', "
                    + "'1970-01-01 00:00:01', '1999-12-31 23:59:59.99', '2038-01-19 03:14:07.999', "
                    + "'2001-02-03 04:05:06.7891', '2038-01-19 03:14:07.999999', 1901, 'large', '', "
                    + "'[]', b'0', b'111111111111', FALSE",
            "3" + ", NULL".repeat(COLUMNS.length - 2),
    };

    @Test
    void everyCommonMySqlTypeReachesCassandraThroughBothPaths(TestEnvironment env) {
        Scenario scenario = Scenario.named("sinktypes");
        String db = scenario.database();
        createTable(env, db);
        insertRows(env, db, 0);

        String binlogTopic = scenario.topic(TABLE);
        String pollingPrefix = scenario.topicPrefix() + "-ts";
        String pollingTopic = pollingPrefix + "." + db + "." + TABLE;
        String debezium = scenario.connector("debezium");
        String timestamp = scenario.connector("ts");
        String sink = scenario.connector("sink");
        try (ScenarioConnectors connectors = new ScenarioConnectors(env); CqlSession cql = env.cassandra()) {
            Map<String, String> binlog = new LinkedHashMap<>(DebeziumConfigs.mysql(env, scenario, debezium, TABLE));
            binlog.put("bigint.unsigned.handling.mode", "precise");
            connectors.start(debezium, binlog, 1, TIMEOUT);
            Map<String, String> polling = new LinkedHashMap<>(
                    TimestampSourceConfigs.mysql(env, scenario, timestamp, pollingPrefix, TABLE));
            polling.put("bigint.unsigned.handling.mode", "precise");
            connectors.start(timestamp, polling, 1, TIMEOUT);
            Map<String, String> tables = new LinkedHashMap<>();
            tables.put(binlogTopic, "types_binlog");
            tables.put(pollingTopic, "types_polling");
            connectors.start(sink, CassandraSinkConfigs.cassandra(env, scenario, sink, tables), 1, TIMEOUT);

            // the same rows again, now streamed (binlog events, polled changes), and an update
            insertRows(env, db, 10);
            MySql.execute(env, "SET time_zone = '+00:00'", "UPDATE " + db + "." + TABLE
                    + " SET c_decimal = 0.10, c_timestamp6 = '2030-06-15 12:34:56.654321', c_json = '{\"a\": 1}' "
                    + "WHERE id = 11");

            TableState mysql = TableState.fromMySql(env, db, TABLE, KEY);
            assertThat(mysql.size()).isEqualTo(6);
            for (String table : tables.values()) {
                CassandraTables.awaitEqual(cql, scenario.keyspace(), table, mysql, TIMEOUT);
                assertThat(CassandraTables.columnTypes(cql, scenario.keyspace(), table))
                        .as("CQL column types auto.create chose in %s", table).isEqualTo(expectedCqlTypes());
                for (int id : new int[] {1, 11}) {
                    assertOrdinaryValues(cql.execute("SELECT * FROM " + scenario.keyspace() + "." + table
                            + " WHERE id = ?", id).one(), table);
                }
                assertExtremeValues(cql.execute("SELECT * FROM " + scenario.keyspace() + "." + table
                        + " WHERE id = 2").one());
            }
            env.connect().awaitRunning(sink, 1, TIMEOUT);
        }
    }

    private static void createTable(TestEnvironment env, String db) {
        StringBuilder columns = new StringBuilder();
        for (String[] column : COLUMNS) {
            columns.append(columns.isEmpty() ? "" : ", ").append(column[0]).append(' ').append(column[1]);
        }
        MySql.execute(env, "CREATE DATABASE " + db,
                "CREATE TABLE " + db + "." + TABLE + " (" + columns
                        + ", KEY types_by_last_updated (last_updated, id))");
    }

    /** The three rows with ids shifted by {@code idOffset}, in a UTC session (TIMESTAMP literals are UTC). */
    private static void insertRows(TestEnvironment env, String db, int idOffset) {
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < COLUMNS.length - 1; i++) {
            names.append(i == 0 ? "" : ", ").append(COLUMNS[i][0]);
        }
        String[] statements = new String[ROWS.length + 1];
        statements[0] = "SET time_zone = '+00:00'";
        for (int i = 0; i < ROWS.length; i++) {
            int comma = ROWS[i].indexOf(',');
            String id = Integer.toString(Integer.parseInt(ROWS[i].substring(0, comma)) + idOffset);
            statements[i + 1] = "INSERT INTO " + db + "." + TABLE + " (" + names + ") VALUES (" + id
                    + ROWS[i].substring(comma) + ")";
        }
        MySql.execute(env, statements);
    }

    private static Map<String, String> expectedCqlTypes() {
        Map<String, String> types = new TreeMap<>();
        for (String[] column : COLUMNS) {
            types.put(column[0], column[2]);
        }
        return types;
    }

    /** Rows 1 (snapshot) and 11 (streamed, then updated): values the README singles out, read as their CQL types. */
    private static void assertOrdinaryValues(Row row, String table) {
        boolean updated = row.getInt("id") == 11;
        assertThat(row.getBigDecimal("c_decimal")).as("%s decimal keeps its scale", table)
                .isEqualTo(updated ? new BigDecimal("0.10") : new BigDecimal("2193.60"));
        assertThat(row.getBigDecimal("c_decimal").scale()).isEqualTo(2);
        assertThat(row.getBigDecimal("c_decimal_wide")).isEqualTo(new BigDecimal("12345678901234567890.0123456789"));
        assertThat(row.getBigDecimal("c_bigint_u")).isEqualTo(new BigDecimal("18446744073709551615"));
        assertThat(row.getLong("c_int_u")).isEqualTo(4_000_000_000L);
        assertThat(row.getFloat("c_float")).isEqualTo(1.5f);
        assertThat(row.getString("c_varchar")).isEqualTo("hällo wörld €");
        assertThat(row.getByteBuffer("c_binary")).as("BINARY(4) right-padded")
                .isEqualTo(ByteBuffer.wrap(new byte[] {1, 2, 0, 0}));
        assertThat(row.getLocalDate("c_date")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(row.getLocalTime("c_time6")).as("CQL time keeps microseconds")
                .isEqualTo(LocalTime.parse("23:59:59.999999"));
        assertThat(row.getInstant("c_datetime6")).as("DATETIME(6) truncated to milliseconds")
                .isEqualTo(Instant.parse("2024-05-01T10:00:00.123Z"));
        assertThat(row.getInstant("c_datetime2")).isEqualTo(Instant.parse("2024-05-01T10:00:00.120Z"));
        assertThat(row.getInstant("c_timestamp6")).as("TIMESTAMP(6) truncated to milliseconds")
                .isEqualTo(Instant.parse(updated ? "2030-06-15T12:34:56.654Z" : "2024-05-01T10:00:00.123Z"));
        assertThat(row.getInstant("c_timestamp0")).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(row.getInt("c_year")).isEqualTo(2024);
        assertThat(row.getString("c_enum")).isEqualTo("medium");
        assertThat(row.getString("c_set")).isEqualTo("a,c");
        assertThat(row.getBoolean("c_bit1")).isTrue();
        assertThat(row.getByteBuffer("c_bit12")).as("BIT(12) as Debezium's little-endian bytes")
                .isEqualTo(ByteBuffer.wrap(new byte[] {0x01, 0x0A}));
        assertThat(row.getShort("c_bool")).isEqualTo((short) 1);
    }

    private static void assertExtremeValues(Row row) {
        assertThat(row.getLong("c_bigint")).isEqualTo(Long.MIN_VALUE);
        assertThat(row.getBigDecimal("c_bigint_u")).isEqualTo(BigDecimal.ZERO);
        assertThat(row.getBigDecimal("c_decimal_wide")).isEqualTo(new BigDecimal("1E-10").setScale(10));
        assertThat(row.getDouble("c_double")).isEqualTo(-1.0E-300);
        assertThat(row.getString("c_varchar")).isEqualTo("😀 emoji");
        assertThat(row.getByteBuffer("c_varbinary")).isEqualTo(ByteBuffer.allocate(0));
        assertThat(row.getLocalTime("c_time6")).isEqualTo(LocalTime.of(0, 0, 0, 1_000));
        assertThat(row.getInstant("c_datetime4")).as("before 1970, truncated toward the past")
                .isEqualTo(Instant.parse("1969-12-31T23:59:59.999Z"));
        assertThat(row.getInstant("c_datetime6")).isEqualTo(Instant.parse("9999-12-31T23:59:59.999Z"));
        assertThat(row.getInstant("c_timestamp6")).isEqualTo(Instant.parse("2038-01-19T03:14:07.999Z"));
        assertThat(row.getString("c_set")).isEmpty();
        assertThat(row.getBoolean("c_bit1")).isFalse();
        assertThat(row.getByteBuffer("c_bit12")).isEqualTo(ByteBuffer.wrap(new byte[] {(byte) 0xFF, 0x0F}));
    }
}
