package io.cdcsuite.it.transforms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A MySQL table with a column of every type both capture paths map (integers signed and UNSIGNED, DECIMAL, FLOAT,
 * DOUBLE, CHAR/VARCHAR/TEXT, BINARY/VARBINARY/BLOB, DATE, TIME, DATETIME(0-6), TIMESTAMP(0-6), YEAR, ENUM, SET, JSON,
 * BIT(1), BIT(n), BOOLEAN, columns with defaults), and the changes {@link CaptureRecordsIT} makes to it: the same
 * statements for both paths, except that the timestamp source sees a delete only as a soft delete.
 * <p>
 * Debezium 3.6.1's binlog reader counts YEAR among the numeric columns of a TABLE_MAP event's signedness bitmap and
 * MySQL 8.0.15 does not: when that puts the two counts into different bytes (a multiple of 8 numeric columns plus a
 * YEAR column) Debezium fails to read any change of the table. With 17 numeric columns besides YEAR this table keeps
 * clear of that.
 */
public final class EveryTypeTable {
    public static final String TABLE = "every_type";
    /** Set by MySQL at every write: the values that differ from one capture to the next. */
    public static final String[] CLOCK_COLUMNS = {"created_at", "last_updated"};
    public static final String SOFT_DELETE_COLUMN = "is_deleted";

    private static final String[] FRACTIONS = {"", ".1", ".12", ".123", ".1234", ".12345", ".123456"};
    private static final String[] NINES = {"", ".9", ".99", ".999", ".9999", ".99999", ".999999"};

    private EveryTypeTable() {
    }

    public static String create(String database) {
        StringJoiner columns = new StringJoiner(", ");
        columns.add("id INT NOT NULL PRIMARY KEY");
        columns.add("c_tinyint TINYINT").add("c_tinyint_unsigned TINYINT UNSIGNED");
        columns.add("c_smallint SMALLINT").add("c_smallint_unsigned SMALLINT UNSIGNED");
        columns.add("c_mediumint MEDIUMINT").add("c_mediumint_unsigned MEDIUMINT UNSIGNED");
        columns.add("c_int INT").add("c_int_unsigned INT UNSIGNED");
        columns.add("c_bigint BIGINT").add("c_bigint_unsigned BIGINT UNSIGNED");
        columns.add("c_decimal DECIMAL(12,4)").add("c_numeric NUMERIC(65,30)");
        columns.add("c_float FLOAT").add("c_double DOUBLE");
        columns.add("c_char CHAR(4)").add("c_varchar VARCHAR(64)").add("c_text TEXT");
        columns.add("c_binary BINARY(4)").add("c_varbinary VARBINARY(16)").add("c_blob BLOB");
        columns.add("c_date DATE").add("c_time TIME").add("c_time6 TIME(6)");
        for (int precision = 0; precision <= 6; precision++) {
            columns.add("c_datetime" + precision + " DATETIME(" + precision + ")");
        }
        for (int precision = 0; precision <= 6; precision++) {
            columns.add("c_timestamp" + precision + " TIMESTAMP(" + precision + ") NULL");
        }
        columns.add("c_year YEAR").add("c_enum ENUM('small','medium','large')").add("c_set SET('red','green','blue')");
        columns.add("c_json JSON").add("c_bit1 BIT(1)").add("c_bit12 BIT(12)").add("c_boolean BOOLEAN");
        columns.add("c_defaulted VARCHAR(16) DEFAULT 'fallback'");
        columns.add("c_status VARCHAR(16) NOT NULL DEFAULT 'new'");
        columns.add(SOFT_DELETE_COLUMN + " BOOLEAN NOT NULL DEFAULT FALSE");
        columns.add("created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)");
        columns.add("last_updated TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)");
        columns.add("KEY last_updated_key (last_updated)");
        return "CREATE TABLE " + database + "." + TABLE + " (" + columns + ")";
    }

    /** Row 1, present before capture starts (a snapshot read): ordinary values. */
    public static String insertOrdinaryRow(String database) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", "1");
        row.put("c_tinyint", "-100");
        row.put("c_tinyint_unsigned", "200");
        row.put("c_smallint", "-30000");
        row.put("c_smallint_unsigned", "60000");
        row.put("c_mediumint", "-8000000");
        row.put("c_mediumint_unsigned", "16000000");
        row.put("c_int", "-2000000000");
        row.put("c_int_unsigned", "4000000000");
        row.put("c_bigint", "-9000000000000000000");
        row.put("c_bigint_unsigned", "18000000000000000000");
        row.put("c_decimal", "12345678.9012");
        row.put("c_numeric", "12345678901234567890123456789012345.123456789012345678901234567890");
        row.put("c_float", "3.25");
        row.put("c_double", "2.718281828459045");
        row.put("c_char", "'abc'");
        row.put("c_varchar", "'hello, world'");
        row.put("c_text", "'a longer text'");
        row.put("c_binary", "X'0A0B'");
        row.put("c_varbinary", "X'DEADBEEF'");
        row.put("c_blob", "X'00FF10'");
        row.put("c_date", "'2024-03-01'");
        row.put("c_time", "'10:15:30'");
        row.put("c_time6", "'23:59:59.999999'");
        for (int precision = 0; precision <= 6; precision++) {
            row.put("c_datetime" + precision, "'2024-03-01 10:15:30" + FRACTIONS[precision] + "'");
            row.put("c_timestamp" + precision, "'2024-03-01 10:15:30" + FRACTIONS[precision] + "'");
        }
        row.put("c_year", "2024");
        row.put("c_enum", "'medium'");
        row.put("c_set", "'red,blue'");
        row.put("c_json", "'{\"a\": 1, \"b\": [true, null]}'");
        row.put("c_bit1", "b'1'");
        row.put("c_bit12", "b'101010101010'");
        row.put("c_boolean", "TRUE");
        row.put("c_defaulted", "'set'");
        return insert(database, row);
    }

    /** Rows 2 (limits, empty values, instants before 1970, fractions of .9 to .999999) and 3 (only defaults). */
    public static String[] insertEdgeRows(String database) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", "2");
        row.put("c_tinyint", "-128");
        row.put("c_tinyint_unsigned", "255");
        row.put("c_smallint", "-32768");
        row.put("c_smallint_unsigned", "65535");
        row.put("c_mediumint", "-8388608");
        row.put("c_mediumint_unsigned", "16777215");
        row.put("c_int", "-2147483648");
        row.put("c_int_unsigned", "4294967295");
        row.put("c_bigint", "-9223372036854775808");
        row.put("c_bigint_unsigned", "18446744073709551615");
        row.put("c_decimal", "-99999999.9999");
        row.put("c_numeric", "-0.000000000000000000000000000001");
        row.put("c_float", "-0.5");
        row.put("c_double", "1e300");
        row.put("c_char", "''");
        row.put("c_varchar", "'Grüße, 日本'");
        row.put("c_text", "''");
        row.put("c_binary", "X'FF'");
        row.put("c_varbinary", "X''");
        row.put("c_blob", "X''");
        row.put("c_date", "'1969-12-31'");
        row.put("c_time", "'00:00:00'");
        row.put("c_time6", "'00:00:00.000001'");
        for (int precision = 0; precision <= 6; precision++) {
            row.put("c_datetime" + precision, "'1969-07-20 20:17:40" + NINES[precision] + "'");
            row.put("c_timestamp" + precision, "'2038-01-19 03:14:07" + NINES[precision] + "'");
        }
        row.put("c_year", "1901");
        row.put("c_enum", "'small'");
        row.put("c_set", "''");
        row.put("c_json", "'[]'");
        row.put("c_bit1", "b'0'");
        row.put("c_bit12", "b'000000000001'");
        row.put("c_boolean", "FALSE");
        row.put("c_defaulted", "NULL");
        return new String[] {insert(database, row), "INSERT INTO " + database + "." + TABLE + " (id) VALUES (3)"};
    }

    public static String[] updateRows(String database) {
        String table = database + "." + TABLE;
        return new String[] {
            "UPDATE " + table + " SET c_varchar = 'updated', c_datetime6 = '2025-12-31 23:59:59.999999', "
                    + "c_json = '{\"a\": 2}', c_defaulted = NULL, c_status = 'shipped' WHERE id = 1",
            "UPDATE " + table + " SET c_int = 7, c_time = '12:00:00', "
                    + "c_timestamp6 = '2038-01-19 03:14:07.499999' WHERE id = 3"};
    }

    public static String deleteRow(String database) {
        return "DELETE FROM " + database + "." + TABLE + " WHERE id = 2";
    }

    public static String softDeleteRow(String database) {
        return "UPDATE " + database + "." + TABLE + " SET " + SOFT_DELETE_COLUMN + " = TRUE WHERE id = 2";
    }

    private static String insert(String database, Map<String, String> row) {
        return "INSERT INTO " + database + "." + TABLE + " (" + String.join(", ", row.keySet()) + ") VALUES ("
                + String.join(", ", row.values()) + ")";
    }
}
