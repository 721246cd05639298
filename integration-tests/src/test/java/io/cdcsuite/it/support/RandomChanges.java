package io.cdcsuite.it.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;

import io.cdcsuite.it.env.TestEnvironment;

/**
 * Random inserts, updates and deletes on a table keyed by an INT {@code id}, over keys 1..{@code keys}, many statements
 * per transaction. What a new row holds and what an update changes (a measure, the group, the event time, several at
 * once) comes from {@link Rows}. Deletes are real {@code DELETE}s (what the binlog sees) or soft deletes,
 * {@code is_deleted = 1}, as the timestamp source sees them; a soft-deleted key may come back later. On a key, about
 * as many deletes as inserts happen, and two updates for each. The same seed gives the same statements.
 */
public final class RandomChanges {
    public static final String SOFT_DELETE_COLUMN = "is_deleted";

    public enum Deletes { HARD, SOFT }

    /** The values of one table's rows. */
    public interface Rows {
        /** Column → SQL literal of a new row (without the key). */
        Map<String, String> newRow(Random random);

        /** Column → SQL literal of a random update of a live row. */
        Map<String, String> update(Random random);
    }

    private final TestEnvironment env;
    private final String table;
    private final Rows rows;
    private final int keys;
    private final Deletes deletes;
    private final String sessionTimeZone;
    private final Random random;
    private final Set<Integer> live = new HashSet<>();
    private final Set<Integer> softDeleted = new HashSet<>();
    private volatile int applied;

    private RandomChanges(TestEnvironment env, String table, Rows rows, int keys, Deletes deletes,
                          String sessionTimeZone, long seed) {
        this.env = env;
        this.table = table;
        this.rows = rows;
        this.keys = keys;
        this.deletes = deletes;
        this.sessionTimeZone = sessionTimeZone;
        this.random = new Random(seed);
    }

    /**
     * Changes to {@code database.table}; rows already there (e.g. a schema file's sample rows) count as live.
     *
     * @param sessionTimeZone the writing session's time_zone: literals for TIMESTAMP columns are read in it
     */
    public static RandomChanges on(TestEnvironment env, String database, String table, Rows rows, int keys, Deletes deletes,
                            String sessionTimeZone, long seed) {
        RandomChanges changes = new RandomChanges(env, "`" + database + "`.`" + table + "`", rows, keys, deletes,
                sessionTimeZone, seed);
        try (Connection connection = env.mysqlRoot(null); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id FROM " + changes.table + " WHERE "
                     + SOFT_DELETE_COLUMN + " = 0")) {
            while (rs.next()) {
                changes.live.add(rs.getInt(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the keys of " + changes.table + ": " + e.getMessage(), e);
        }
        return changes;
    }

    /** Applies {@code count} changes, {@code perTransaction} per transaction, back to back. */
    public void run(int count, int perTransaction) {
        try (Connection connection = env.mysqlRoot(null)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET time_zone = '" + sessionTimeZone + "'");
            }
            connection.setAutoCommit(false);
            int done = 0;
            while (done < count) {
                int size = Math.min(perTransaction, count - done);
                try (Statement statement = connection.createStatement()) {
                    for (int i = 0; i < size; i++) {
                        statement.addBatch(next());
                    }
                    statement.executeBatch();
                }
                connection.commit();
                done += size;
                applied += size;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("changes to " + table + " failed: " + e.getMessage(), e);
        }
    }

    /** Changes committed so far. */
    public int applied() {
        return applied;
    }

    private String next() {
        int id = 1 + random.nextInt(keys);
        if (!live.contains(id)) {
            live.add(id);
            if (softDeleted.remove(id)) {
                // the soft-deleted row comes back with new values: for the timestamp source an upsert of the key
                return "UPDATE " + table + " SET " + SOFT_DELETE_COLUMN + " = 0, " + assignments(rows.newRow(random))
                        + " WHERE id = " + id;
            }
            Map<String, String> row = rows.newRow(random);
            return "INSERT INTO " + table + " (id, " + String.join(", ", row.keySet()) + ") VALUES (" + id + ", "
                    + String.join(", ", row.values()) + ")";
        }
        if (random.nextInt(100) < 70) {
            return "UPDATE " + table + " SET " + assignments(rows.update(random)) + " WHERE id = " + id;
        }
        live.remove(id);
        if (deletes == Deletes.HARD) {
            return "DELETE FROM " + table + " WHERE id = " + id;
        }
        softDeleted.add(id);
        return "UPDATE " + table + " SET " + SOFT_DELETE_COLUMN + " = 1 WHERE id = " + id;
    }

    private static String assignments(Map<String, String> values) {
        StringJoiner assignments = new StringJoiner(", ");
        values.forEach((column, value) -> assignments.add(column + " = " + value));
        return assignments.toString();
    }

    /** A decimal literal with two digits, often with a trailing zero (2193.60), below {@code maxUnits} + 1. */
    public static String amount(Random random, int maxUnits) {
        int cents = 1 + random.nextInt(maxUnits * 100);
        int fraction = random.nextBoolean() ? cents % 100 : (cents % 10) * 10;
        return (cents / 100) + "." + String.format("%02d", fraction);
    }

    /** A value from {@code 1..count}, or NULL with the given probability in percent. */
    public static String idOrNull(Random random, int count, int nullPercent) {
        return random.nextInt(100) < nullPercent ? "NULL" : Integer.toString(1 + random.nextInt(count));
    }
}
