package io.cdcsuite.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Orders as a shop makes them, into the demo's {@code orders} table: new orders in time order (so each 5-minute
 * window gets {@code windowOrders} of them, spread over the customers), and changes to recent orders: the amount
 * or status changes, now and then the order moves to another customer, some are cancelled (deleted). Half of the
 * statements are new orders, 35 % updates, 15 % deletes. Every delete is two records in Kafka (the delete and its
 * tombstone). The connection must report affected rows ({@code useAffectedRows=true}): an update that changes
 * nothing is no change.
 */
final class OrderStream {
    /** Updates and deletes pick among the latest orders still there. */
    private static final int RECENT = 5_000;
    private static final LocalDateTime FIRST_ORDER = LocalDateTime.of(2024, 3, 10, 0, 0);
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("''yyyy-MM-dd HH:mm:ss.SSS''");
    private static final String[] STATUSES = {"new", "paid", "shipped"};

    private final Connection connection;
    private final String table;
    private final int customers;
    private final double millisPerOrder;
    private final Random random;
    private final List<Integer> recent = new ArrayList<>();
    private int nextId = 1_000;
    private long changes;
    private long records;

    OrderStream(Connection connection, String database, int customers, int windowOrders, long seed) throws SQLException {
        this.connection = connection;
        this.table = "`" + database + "`.orders";
        this.customers = customers;
        this.millisPerOrder = 300_000.0 / windowOrders;
        this.random = new Random(seed);
        try (Statement statement = connection.createStatement();
             var rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            records = rs.getLong(1); // the schema's sample rows: Debezium's snapshot
        }
    }

    /** Source changes made so far (statements that changed a row). */
    long changes() {
        return changes;
    }

    /** Records Debezium emits for them, with the snapshot's: one per change, two per delete. */
    long records() {
        return records;
    }

    void run(int count, int perTransaction) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (int done = 0; done < count; ) {
                int size = Math.min(perTransaction, count - done);
                List<String> batch = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    batch.add(next());
                    statement.addBatch(batch.get(i));
                }
                int[] affected = statement.executeBatch();
                connection.commit();
                for (int i = 0; i < size; i++) {
                    // an update that sets the values a row has is no change: MySQL logs no event for it
                    if (affected[i] > 0) {
                        changes++;
                        records += batch.get(i).startsWith("DELETE") ? 2 : 1;
                    }
                }
                done += size;
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private String next() {
        int kind = random.nextInt(100);
        if (kind < 50 || recent.isEmpty()) {
            int id = nextId++;
            recent.add(id);
            if (recent.size() > RECENT) {
                recent.remove(0);
            }
            String createdAt = FIRST_ORDER.plusNanos((long) (id * millisPerOrder * 1_000_000)).format(DATETIME);
            return "INSERT INTO " + table + " (id, customer_id, amount, status, created_at) VALUES (" + id + ", "
                    + customer() + ", " + amount() + ", 'new', " + createdAt + ")";
        }
        int index = random.nextInt(recent.size());
        int id = recent.get(index);
        if (kind < 85) {
            int what = random.nextInt(10);
            String assignment = what < 6 ? "amount = " + amount()
                    : what < 9 ? "status = '" + STATUSES[random.nextInt(STATUSES.length)] + "'"
                    : "customer_id = " + customer();
            return "UPDATE " + table + " SET " + assignment + " WHERE id = " + id;
        }
        recent.remove(index);
        return "DELETE FROM " + table + " WHERE id = " + id;
    }

    private int customer() {
        return 1 + random.nextInt(customers);
    }

    private String amount() {
        int cents = 1 + random.nextInt(500_000);
        return (cents / 100) + "." + String.format("%02d", random.nextBoolean() ? cents % 100 : (cents % 10) * 10);
    }
}
