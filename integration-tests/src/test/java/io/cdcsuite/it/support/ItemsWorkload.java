package io.cdcsuite.it.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.cdcsuite.it.env.TestEnvironment;

/**
 * A random mix of inserts, updates and deletes on an {@code items} table of a dozen column types, over a fixed range
 * of keys, many statements per transaction (so MySQL keeps up: thousands of changes per second). Deletes are either
 * real {@code DELETE}s (what the binlog sees) or soft deletes, {@code is_deleted = 1}, as the timestamp source sees
 * them; a soft-deleted key may come back later. Values include NULLs, decimals with trailing zeros, microsecond
 * DATETIMEs and binary. The same seed gives the same statements.
 */
public final class ItemsWorkload {
    public static final String TABLE = "items";
    public static final List<String> KEY = List.of("id");
    /** The soft-delete marker column, and its value for rows that are not deleted in MySQL's canonical form. */
    public static final String SOFT_DELETE_COLUMN = "is_deleted";
    public static final String NOT_DELETED = "0";

    public enum Deletes { HARD, SOFT }

    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final TestEnvironment env;
    private final String table;
    private final int keys;
    private final Deletes deletes;
    private final Random random;
    private final Set<Integer> live = new HashSet<>();
    private final Set<Integer> softDeleted = new HashSet<>();
    private volatile int applied;

    /** Changes to {@code database.items} (see {@link #createTable}) with keys 1..{@code keys}. */
    public ItemsWorkload(TestEnvironment env, String database, int keys, Deletes deletes, long seed) {
        this.env = env;
        this.table = "`" + database + "`.`" + TABLE + "`";
        this.keys = keys;
        this.deletes = deletes;
        this.random = new Random(seed);
    }

    /** The table, indexed for the timestamp source (last_updated, id). */
    public static void createTable(TestEnvironment env, String database) {
        MySql.execute(env, "CREATE TABLE `" + database + "`.`" + TABLE + "` ("
                + "id INT NOT NULL, "
                + "name VARCHAR(40) NOT NULL, "
                + "qty INT NOT NULL, "
                + "price DECIMAL(10,2) NOT NULL, "
                + "ratio DOUBLE NULL, "
                + "note TEXT NULL, "
                + "tag VARBINARY(8) NULL, "
                + "shipped_at DATETIME(6) NULL, "
                + "version BIGINT NOT NULL, "
                + "last_updated TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), "
                + SOFT_DELETE_COLUMN + " TINYINT(1) NOT NULL DEFAULT 0, "
                + "PRIMARY KEY (id), "
                + "KEY items_by_last_updated (last_updated, id))");
    }

    /** Applies {@code count} changes, {@code perTransaction} per transaction, back to back. */
    public void run(int count, int perTransaction) {
        run(count, perTransaction, Duration.ZERO);
    }

    /** Applies {@code count} changes, {@code perTransaction} per transaction, pausing between transactions. */
    public void run(int count, int perTransaction, Duration pause) {
        try (Connection connection = env.mysqlRoot(null)) {
            connection.setAutoCommit(false);
            int done = 0;
            while (done < count) {
                int size = Math.min(perTransaction, count - done);
                try (Statement statement = connection.createStatement()) {
                    for (String sql : nextStatements(size)) {
                        statement.addBatch(sql);
                    }
                    statement.executeBatch();
                }
                connection.commit();
                done += size;
                applied += size;
                if (!pause.isZero()) {
                    Thread.sleep(pause.toMillis());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("workload on " + table + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("workload on " + table + " interrupted", e);
        }
    }

    /** Changes committed so far. */
    public int applied() {
        return applied;
    }

    private List<String> nextStatements(int count) {
        List<String> statements = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int id = 1 + random.nextInt(keys);
            statements.add(live.contains(id) ? updateOrDelete(id) : insert(id));
        }
        return statements;
    }

    private String insert(int id) {
        live.add(id);
        if (softDeleted.remove(id)) {
            // the soft-deleted row comes back: for the timestamp source a new upsert of the key
            return "UPDATE " + table + " SET " + SOFT_DELETE_COLUMN + " = 0, " + assignments(true)
                    + ", version = version + 1 WHERE id = " + id;
        }
        return "INSERT INTO " + table + " (id, name, qty, price, ratio, note, tag, shipped_at, version) VALUES ("
                + id + ", " + name() + ", " + qty() + ", " + price() + ", " + ratio() + ", " + note() + ", " + tag()
                + ", " + shippedAt() + ", 1)";
    }

    private String updateOrDelete(int id) {
        if (random.nextInt(100) < 70) {
            return "UPDATE " + table + " SET " + assignments(false) + ", version = version + 1 WHERE id = " + id;
        }
        live.remove(id);
        if (deletes == Deletes.HARD) {
            return "DELETE FROM " + table + " WHERE id = " + id;
        }
        softDeleted.add(id);
        return "UPDATE " + table + " SET " + SOFT_DELETE_COLUMN + " = 1, version = version + 1 WHERE id = " + id;
    }

    /** New values for every column, or for a random few of them. */
    private String assignments(boolean all) {
        List<String> assignments = new ArrayList<>();
        if (all || random.nextBoolean()) {
            assignments.add("name = " + name());
        }
        if (all || random.nextBoolean()) {
            assignments.add("qty = " + qty());
        }
        if (all || random.nextBoolean()) {
            assignments.add("price = " + price());
        }
        if (all || random.nextInt(4) == 0) {
            assignments.add("ratio = " + ratio());
        }
        if (all || random.nextInt(3) == 0) {
            assignments.add("note = " + note());
        }
        if (all || random.nextInt(4) == 0) {
            assignments.add("tag = " + tag());
        }
        if (all || random.nextInt(3) == 0) {
            assignments.add("shipped_at = " + shippedAt());
        }
        if (assignments.isEmpty()) {
            assignments.add("qty = " + qty());
        }
        return String.join(", ", assignments);
    }

    private String name() {
        return "'" + text(1 + random.nextInt(40)) + "'";
    }

    private String qty() {
        return Integer.toString(random.nextInt(200_000) - 1_000);
    }

    /** Two decimals, often with a trailing zero (2193.60). */
    private String price() {
        int cents = random.nextInt(100_000_000);
        return (cents / 100) + "." + String.format("%02d", random.nextBoolean() ? cents % 100 : (cents % 10) * 10);
    }

    private String ratio() {
        return random.nextInt(5) == 0 ? "NULL" : Double.toString(random.nextDouble() * 1_000);
    }

    private String note() {
        return random.nextInt(4) == 0 ? "NULL" : "'" + text(random.nextInt(200)) + "'";
    }

    private String tag() {
        if (random.nextInt(4) == 0) {
            return "NULL";
        }
        byte[] bytes = new byte[1 + random.nextInt(8)];
        random.nextBytes(bytes);
        return "X'" + HexFormat.of().formatHex(bytes) + "'";
    }

    private String shippedAt() {
        if (random.nextInt(3) == 0) {
            return "NULL";
        }
        return String.format("'2024-%02d-%02d %02d:%02d:%02d.%06d'", 1 + random.nextInt(12), 1 + random.nextInt(28),
                random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1_000_000));
    }

    private String text(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return text.toString();
    }
}
